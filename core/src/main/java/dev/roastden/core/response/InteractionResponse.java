package dev.roastden.core.response;

import java.util.List;

/** The in-line answer to an interaction, rendered to Discord's wire JSON by {@link ResponseJson}. */
public sealed interface InteractionResponse
        permits InteractionResponse.Pong,
                InteractionResponse.ChannelMessage,
                InteractionResponse.DeferredChannelMessage,
                InteractionResponse.DeferredUpdate,
                InteractionResponse.AutocompleteResult,
                InteractionResponse.Modal {

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

    /** Type 6, for a component: the message it sits on is edited later (as the interaction's original). */
    record DeferredUpdate() implements InteractionResponse {}

    /**
     * Type 9, a form the user fills in; its submit arrives as a MODAL_SUBMIT interaction with {@code customId}.
     *
     * @param title at most 45 characters
     * @param inputs one to five text inputs
     */
    record Modal(String customId, String title, List<TextInput> inputs) implements InteractionResponse {
        public static final int MAX_TITLE = 45;
        public static final int MAX_INPUTS = 5;

        public Modal {
            inputs = List.copyOf(inputs);
            if (inputs.isEmpty() || inputs.size() > MAX_INPUTS) {
                throw new IllegalArgumentException("A modal holds one to five text inputs");
            }
            if (title.length() > MAX_TITLE) {
                title = title.substring(0, MAX_TITLE - 1) + "…";
            }
        }
    }

    /**
     * A text input of a modal.
     *
     * @param label at most 45 characters
     * @param paragraph whether it is a multi-line input
     * @param value the prefilled text, if any (at most {@code maxLength})
     */
    record TextInput(
            String customId,
            String label,
            boolean paragraph,
            boolean required,
            int maxLength,
            java.util.Optional<String> placeholder,
            java.util.Optional<String> value) {
        public TextInput {
            if (value.isPresent() && value.get().length() > maxLength) {
                value = java.util.Optional.of(value.get().substring(0, maxLength));
            }
        }
    }

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
