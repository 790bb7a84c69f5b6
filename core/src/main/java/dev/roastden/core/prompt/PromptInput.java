package dev.roastden.core.prompt;

import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.memory.Fact;
import dev.roastden.core.memory.Turn;
import dev.roastden.core.persona.Persona;
import java.util.List;
import java.util.Optional;

/**
 * Everything a prompt is built from.
 *
 * @param task what the persona is asked to do
 * @param persona who speaks
 * @param roster every persona, the speaker included (the others become the roster)
 * @param invoker who asked
 * @param target whom a roast is aimed at
 * @param userText the topic or question as typed, possibly empty
 * @param facts the persona's long-term facts in this server, newest first
 * @param recentTurns the persona's latest exchanges in this server, oldest first
 */
public record PromptInput(
        Task task,
        Persona persona,
        List<Persona> roster,
        DiscordUser invoker,
        Optional<DiscordUser> target,
        String userText,
        List<Fact> facts,
        List<Turn> recentTurns) {

    public PromptInput {
        roster = List.copyOf(roster);
        facts = List.copyOf(facts);
        recentTurns = List.copyOf(recentTurns);
    }

    /** What the persona is asked to do. */
    public enum Task {
        ROAST,
        ASK,
        MENTION
    }
}
