package dev.roastden.worker.memories;

import dev.roastden.core.memory.ForgetCounts;
import dev.roastden.core.persona.Persona;
import dev.roastden.worker.commands.Texts;
import java.util.List;

/** Wording the memory commands share. */
final class MemoryTexts {
    private MemoryTexts() {}

    static String unknownPersona(String typed, List<Persona> cast) {
        StringBuilder names = new StringBuilder();
        for (Persona p : cast) {
            if (names.length() > 0) {
                names.append(", ");
            }
            names.append('`').append(p.id()).append('`');
        }
        return "There's no persona called `" + Texts.clean(typed, 40) + "`. Try one of: " + names + ".";
    }

    static String describe(ForgetCounts counts) {
        return counts.facts() + (counts.facts() == 1 ? " fact" : " facts") + " and " + counts.turns()
                + (counts.turns() == 1 ? " conversation turn" : " conversation turns");
    }
}
