package dev.roastden.local.model;

import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.memory.Fact;
import dev.roastden.core.model.ModelReply;
import dev.roastden.core.model.ModelRequest;
import dev.roastden.core.model.PersonaModel;
import dev.roastden.core.persona.Persona;
import dev.roastden.core.prompt.PromptInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A stand-in for a language model, for running Roast Den with no model at all: it composes the reply from the
 * persona's own fields (catchphrases, roast style, interests, memory triggers) and the facts it remembers. The
 * same input always gives the same reply, and every reply says it came from the offline generator.
 */
public final class OfflinePersonaModel implements PersonaModel {
    /** The label every offline reply carries. */
    public static final String LABEL = "offline persona generator";

    static final String FOOTER = "\n-# (offline: composed from the persona file, no language model)";

    @Override
    public ModelReply generate(ModelRequest request) {
        PromptInput input = request.input();
        Persona persona = input.persona();
        long seed = seed(input);
        List<String> lines = new ArrayList<>();
        pick(persona.catchphrases(), seed).ifPresent(lines::add);
        switch (input.task()) {
            case ROAST -> lines.addAll(roast(input, seed));
            case ASK -> lines.addAll(answer(input, seed));
            case MENTION -> lines.addAll(input.target().isPresent() ? roast(input, seed) : answer(input, seed));
        }
        String text = String.join(" ", lines).trim() + FOOTER;
        return new ModelReply(text, 0, 0, false);
    }

    @Override
    public String label() {
        return LABEL;
    }

    private static List<String> roast(PromptInput input, long seed) {
        Persona persona = input.persona();
        String target = input.target().map(DiscordUser::displayName).orElse("you");
        List<String> lines = new ArrayList<>();
        String topic =
                input.userText().isBlank() ? "" : " about " + input.userText().trim();
        lines.add(target + ", you asked for it" + topic + ".");
        Optional<Fact> fact = input.target()
                .flatMap(t ->
                        input.facts().stream().filter(f -> f.involves(t.id())).findFirst())
                .or(() -> input.facts().stream().findFirst());
        fact.ifPresent(f -> lines.add("I remember: " + f.text() + ". Nobody forgot. Nobody will."));
        persona.memoryTriggers().stream()
                .filter(t -> t.firesOn(input.userText()))
                .findFirst()
                .ifPresent(t -> lines.add("Which reminds me: " + t.memory()));
        pick(persona.interests(), seed >>> 7)
                .ifPresent(i -> lines.add("I would rather be talking about " + i + ", and that says a lot."));
        return lines;
    }

    private static List<String> answer(PromptInput input, long seed) {
        Persona persona = input.persona();
        List<String> lines = new ArrayList<>();
        String question = input.userText().trim();
        lines.add(question.isEmpty() ? "You rang?" : "\"" + question + "\"? Good question.");
        pick(persona.interests(), seed >>> 3)
                .ifPresent(i -> lines.add("Speaking as someone into " + i + ": trust your gut, then check it twice."));
        input.facts().stream()
                .findFirst()
                .ifPresent(f -> lines.add("Also, I haven't forgotten that " + f.text() + "."));
        return lines;
    }

    private static Optional<String> pick(List<String> options, long seed) {
        if (options.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(options.get((int) Math.floorMod(seed, (long) options.size())));
    }

    private static long seed(PromptInput input) {
        long hash = 17;
        hash = 31 * hash + input.persona().id().hashCode();
        hash = 31 * hash + input.task().hashCode();
        hash = 31 * hash + input.target().map(DiscordUser::id).orElse("").hashCode();
        hash = 31 * hash + input.userText().hashCode();
        hash = 31 * hash + input.facts().size();
        return hash;
    }
}
