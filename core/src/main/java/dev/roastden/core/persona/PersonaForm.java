package dev.roastden.core.persona;

import dev.roastden.core.component.CustomId;
import dev.roastden.core.response.InteractionResponse.Modal;
import dev.roastden.core.response.InteractionResponse.TextInput;
import java.util.List;
import java.util.Optional;

/**
 * The persona modal of {@code /persona create} and {@code /persona edit}: the handler opens it (prefilled for an
 * edit), the worker reads its submit. Five inputs, Discord's most: name, who they are, traits, how they talk, roast
 * style. Lists are written one item per line (commas also split traits); in "how they talk", a line in quotes is a
 * catchphrase. What the form has no room for (interests, memory triggers, boundaries) is kept from the persona
 * being edited.
 */
public final class PersonaForm {
    public static final String NAME = "name";
    public static final String SUMMARY = "summary";
    public static final String TRAITS = "traits";
    public static final String SPEECH = "speech";
    public static final String ROAST_STYLE = "roast_style";

    /** Longest persona name (the schema's limit). */
    public static final int MAX_NAME = 80;

    private PersonaForm() {}

    /** The form for a new persona, optionally of {@code member}, with {@code name} filled in. */
    public static Modal create(String name, Optional<String> member) {
        CustomId id = CustomId.of(CustomId.PERSONA_CREATE, member.orElse(CustomId.NONE));
        String title = member.isPresent() ? "New persona of a member" : "New fictional persona";
        return modal(id, title, Optional.of(name), Optional.empty());
    }

    /** The form for editing {@code persona}, stored at {@code version}, filled in with what it has. */
    public static Modal edit(Persona persona, long version) {
        CustomId id = CustomId.of(
                CustomId.PERSONA_EDIT,
                persona.id(),
                Long.toString(version),
                persona.higherSelf().orElse(CustomId.NONE));
        return modal(id, "Edit " + persona.name(), Optional.of(persona.name()), Optional.of(persona));
    }

    private static Modal modal(CustomId id, String title, Optional<String> name, Optional<Persona> persona) {
        Optional<String> speech = persona.map(p -> {
            StringBuilder out = new StringBuilder(String.join("\n", p.speechPatterns()));
            for (String phrase : p.catchphrases()) {
                out.append("\n\"").append(phrase).append('"');
            }
            return out.toString().strip();
        });
        return new Modal(
                id.format(),
                title,
                List.of(
                        new TextInput(NAME, "Name", false, true, MAX_NAME, Optional.of("Sam the Unflappable"), name),
                        new TextInput(
                                SUMMARY,
                                "Who they are",
                                true,
                                true,
                                600,
                                Optional.of("A few sentences: who they are, what the group loves about them."),
                                persona.map(Persona::summary)),
                        new TextInput(
                                TRAITS,
                                "Traits (one per line)",
                                true,
                                true,
                                1000,
                                Optional.of("dry humour\nalways late\nsecretly kind"),
                                persona.map(p -> String.join("\n", p.traits()))),
                        new TextInput(
                                SPEECH,
                                "How they talk (\"quoted\" = catchphrase)",
                                true,
                                true,
                                2000,
                                Optional.of("Short sentences, lots of sighs\n\"Not this again.\""),
                                speech),
                        new TextInput(
                                ROAST_STYLE,
                                "How they roast",
                                true,
                                true,
                                600,
                                Optional.of("Deadpan, one line, aimed at your habits."),
                                persona.map(Persona::roastStyle))));
    }
}
