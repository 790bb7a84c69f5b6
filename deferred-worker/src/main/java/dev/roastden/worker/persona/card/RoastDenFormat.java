package dev.roastden.worker.persona.card;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.json.Json;
import dev.roastden.worker.persona.card.Imported.Format;
import dev.roastden.worker.persona.card.Imported.Refused;
import java.util.Optional;

/**
 * A persona file in Roast Den's own format, read and written as is. Ownership does not travel with a file: {@code
 * higher_self} is dropped on export and on import (the command that imports decides whose persona it is), so
 * export then import gives back the same JSON.
 */
final class RoastDenFormat {
    private RoastDenFormat() {}

    static Imported read(ObjectNode root) {
        ObjectNode persona = withoutOwnership(root);
        Optional<String> name = Json.nonBlank(persona, "name");
        Optional<String> id = Json.text(persona, "id")
                .filter(i ->
                        i.length() <= Texts.MAX_SLUG && Texts.SLUG.matcher(i).matches())
                .or(() -> name.flatMap(Texts::slug));
        if (id.isEmpty()) {
            return new Refused(
                    name.isEmpty()
                            ? "the persona has no name."
                            : "the name '" + Texts.cutWords(name.get(), 80)
                                    + "' has no letters or digits to make an id from.");
        }
        ObjectNode ordered = Json.mapper().createObjectNode();
        ordered.put("id", id.get());
        persona.remove("id");
        ordered.setAll(persona);
        return new Imported.Persona(ordered, Format.ROASTDEN_JSON);
    }

    /** A copy of {@code persona} without its Higher Self. */
    static ObjectNode withoutOwnership(ObjectNode persona) {
        ObjectNode copy = persona.deepCopy();
        copy.remove("higher_self");
        return copy;
    }
}
