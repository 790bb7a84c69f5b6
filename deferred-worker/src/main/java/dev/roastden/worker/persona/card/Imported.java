package dev.roastden.worker.persona.card;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What {@link CardImporter} made of a file: a persona, or a refusal that says what was wrong in plain words. */
public sealed interface Imported {

    /** The formats a persona can be imported from. */
    enum Format {
        ROASTDEN_JSON("Roast Den persona JSON"),
        CARD_V1_JSON("character card (V1) JSON"),
        CARD_V2_JSON("Character Card V2 JSON"),
        CARD_V3_JSON("Character Card V3 JSON"),
        CARD_V2_PNG("Character Card V2 PNG"),
        CARD_V3_PNG("Character Card V3 PNG");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        /** How the format is named to people. */
        public String label() {
            return label;
        }
    }

    /**
     * A persona read from the file, not yet validated against the schema.
     *
     * @param persona the persona JSON, its id a slug (not yet unique in any server), no {@code higher_self}
     */
    record Persona(ObjectNode persona, Format format) implements Imported {}

    /** The file could not be read as a persona; {@code reason} completes "I couldn't import that file: …". */
    record Refused(String reason) implements Imported {}
}
