package dev.roastden.worker.memories;

import dev.roastden.core.memory.ForgetCounts;
import dev.roastden.worker.commands.Texts;
import dev.roastden.worker.persona.PersonaDirectory;

/** Wording the memory commands share. */
final class MemoryTexts {
    private MemoryTexts() {}

    static String unknownPersona(String typed, PersonaDirectory.Server server) {
        return "There's no persona called `" + Texts.clean(typed, 40) + "` here. Try one of: " + server.listedIds()
                + ".";
    }

    static String describe(ForgetCounts counts) {
        return counts.facts() + (counts.facts() == 1 ? " fact" : " facts") + " and " + counts.turns()
                + (counts.turns() == 1 ? " conversation turn" : " conversation turns");
    }
}
