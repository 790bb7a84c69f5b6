package dev.roastden.core.response;

import java.util.List;

/** The in-line answer to an interaction, rendered to Discord's wire JSON by {@link ResponseJson}. */
public sealed interface InteractionResponse
        permits InteractionResponse.Pong,
                InteractionResponse.ChannelMessage,
                InteractionResponse.DeferredChannelMessage,
                InteractionResponse.AutocompleteResult {

    /** Type 1, the answer to a PING. */
    record Pong() implements InteractionResponse {}

    /**
     * Type 4, a message shown at once. Mentions in it never ping anyone.
     *
     * @param ephemeral whether only the invoker sees it
     */
    record ChannelMessage(String content, boolean ephemeral) implements InteractionResponse {
        /** A message only the invoker sees. */
        public static ChannelMessage privately(String content) {
            return new ChannelMessage(content, true);
        }
    }

    /**
     * Type 5, "thinking…": the reply follows as an edit of the original response.
     *
     * @param ephemeral whether the eventual reply is private; cannot change later
     */
    record DeferredChannelMessage(boolean ephemeral) implements InteractionResponse {}

    /** Type 8, up to 25 choices for the option being typed. */
    record AutocompleteResult(List<Choice> choices) implements InteractionResponse {
        public static final int MAX_CHOICES = 25;

        public AutocompleteResult {
            choices = List.copyOf(choices.size() > MAX_CHOICES ? choices.subList(0, MAX_CHOICES) : choices);
        }
    }

    /** An autocomplete choice: {@code name} is shown (at most 100 characters), {@code value} is sent back. */
    record Choice(String name, String value) {
        public static final int MAX_NAME_LENGTH = 100;

        public Choice {
            if (name.length() > MAX_NAME_LENGTH) {
                name = name.substring(0, MAX_NAME_LENGTH - 1) + "…";
            }
        }
    }
}
