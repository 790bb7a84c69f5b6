package dev.roastden.worker.persona;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.json.Json;
import dev.roastden.core.persona.PersonaForm;
import dev.roastden.worker.persona.card.PersonaValidator;
import dev.roastden.worker.persona.card.Texts;
import dev.roastden.worker.reply.Reply;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the persona form ({@link PersonaForm}) into a persona tree. Lists are one item per line (commas also split
 * traits), repeated items dropped; a line of "how they talk" in quotes is a catchphrase; the tagline is the first
 * sentence of the summary. Fields the form does not show are kept from {@code base} (an edited persona's interests,
 * memory triggers, boundaries, notes, extensions, avatar). A refusal says what to fix and gives back what was typed,
 * so nothing is lost.
 */
final class FormReader {
    private static final Pattern FORBIDDEN_NAME = Pattern.compile("discord|clyde", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTED = Pattern.compile("^[\"“”„«»'‘’](.*)[\"“”„«»'‘’]$");
    private static final Pattern BULLET = Pattern.compile("^[-*•·]\\s*");

    private FormReader() {}

    /** The persona, or why not. */
    sealed interface Read {}

    record Ok(ObjectNode tree) implements Read {}

    record Refused(String message) implements Read {
        Reply asReply() {
            return Reply.notice(message);
        }
    }

    static Read read(DeferredJob job, ObjectNode base, PersonaValidator validator) {
        String name = Texts.oneLine(job.field(PersonaForm.NAME).orElse(""));
        String summary = job.field(PersonaForm.SUMMARY).orElse("").strip();
        String roastStyle = job.field(PersonaForm.ROAST_STYLE).orElse("").strip();
        if (name.isEmpty()) {
            return refuse(job, "the persona needs a name.");
        }
        if (name.length() > PersonaForm.MAX_NAME) {
            return refuse(job, "the name is longer than " + PersonaForm.MAX_NAME + " characters.");
        }
        if (FORBIDDEN_NAME.matcher(name).find()) {
            return refuse(job, "Discord refuses names containing 'discord' or 'clyde'; pick another name.");
        }
        if (summary.isEmpty() || roastStyle.isEmpty()) {
            return refuse(job, "\"Who they are\" and \"How they roast\" can't be empty.");
        }
        List<String> traits = items(job.field(PersonaForm.TRAITS).orElse(""), true);
        List<String> speech = new ArrayList<>();
        List<String> catchphrases = new ArrayList<>();
        for (String line : items(job.field(PersonaForm.SPEECH).orElse(""), false)) {
            var quoted = QUOTED.matcher(line);
            if (quoted.matches() && !quoted.group(1).isBlank()) {
                catchphrases.add(quoted.group(1).strip());
            } else {
                speech.add(line);
            }
        }
        if (traits.isEmpty()) {
            return refuse(job, "give at least one trait (one per line).");
        }
        if (speech.isEmpty()) {
            return refuse(
                    job,
                    "describe how they talk in at least one line that is not in quotes (quoted lines"
                            + " are catchphrases).");
        }
        ObjectNode tree = Json.mapper().createObjectNode();
        tree.put("id", base.path("id").asText(Texts.slug(name).orElse("persona")));
        tree.put("name", name);
        if (base.hasNonNull("higher_self")) {
            tree.set("higher_self", base.get("higher_self"));
        }
        tree.put("tagline", Texts.firstSentence(summary, 120));
        tree.put("summary", summary);
        strings(tree, "traits", traits);
        strings(tree, "speech_patterns", speech);
        tree.put("roast_style", roastStyle);
        if (!catchphrases.isEmpty()) {
            strings(tree, "catchphrases", catchphrases);
        }
        // What the form has no room for, kept from the persona being edited.
        for (String kept : List.of("interests", "memory_triggers", "boundaries", "notes", "extensions", "avatar_url")) {
            if (base.has(kept)) {
                tree.set(kept, base.get(kept).deepCopy());
            }
        }
        Optional<PersonaValidator.Problem> problem = validator.firstProblem(tree);
        if (problem.isPresent()) {
            return refuse(job, problem.get().describe() + ".");
        }
        return new Ok(tree);
    }

    /** Lines (and for traits, comma-separated parts) stripped of bullets, blanks and repeats, in order. */
    static List<String> items(String text, boolean splitCommas) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (String line : text.split(splitCommas ? "\\R|," : "\\R")) {
            String item = Texts.oneLine(BULLET.matcher(line.strip()).replaceFirst(""));
            if (!item.isEmpty() && seen.add(item.toLowerCase(Locale.ROOT))) {
                out.add(item);
            }
        }
        return out;
    }

    /** A refusal that gives back what was typed. */
    static Refused refuse(DeferredJob job, String why) {
        StringBuilder out = new StringBuilder("I couldn't save the persona: ").append(why);
        out.append("\nHere is what you wrote, to paste into the form again:");
        for (String field : List.of(
                PersonaForm.NAME,
                PersonaForm.SUMMARY,
                PersonaForm.TRAITS,
                PersonaForm.SPEECH,
                PersonaForm.ROAST_STYLE)) {
            String value = job.field(field).orElse("").strip();
            if (!value.isEmpty()) {
                out.append("\n**")
                        .append(field)
                        .append("**\n```\n")
                        .append(value.replace("```", "'''"))
                        .append("\n```");
            }
        }
        return new Refused(out.toString());
    }

    private static void strings(ObjectNode tree, String field, List<String> values) {
        ArrayNode array = tree.putArray(field);
        values.forEach(array::add);
    }
}
