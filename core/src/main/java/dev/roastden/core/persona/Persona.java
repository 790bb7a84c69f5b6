package dev.roastden.core.persona;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A persona: an AI version of someone in the server, read from a JSON file in the {@code personalities} module.
 *
 * @param id the slug used in commands
 * @param name the display name shown on replies
 * @param higherSelf the Discord user id of the real person behind the persona; empty for a fictional persona
 * @param tagline one line shown in autocomplete
 * @param notes the persona author's own instructions (an imported card's system prompt, say): put in the prompt
 *     below the fixed safety rules, which outrank them
 */
public record Persona(
        String id,
        String name,
        Optional<String> higherSelf,
        String tagline,
        String summary,
        List<String> traits,
        List<String> speechPatterns,
        List<String> interests,
        String roastStyle,
        List<String> catchphrases,
        List<MemoryTrigger> memoryTriggers,
        List<String> boundaries,
        Optional<String> avatarUrl,
        List<String> notes) {

    public Persona {
        traits = List.copyOf(traits);
        speechPatterns = List.copyOf(speechPatterns);
        interests = List.copyOf(interests);
        catchphrases = List.copyOf(catchphrases);
        memoryTriggers = List.copyOf(memoryTriggers);
        boundaries = List.copyOf(boundaries);
        notes = List.copyOf(notes);
    }

    /** Whether this persona is an AI version of a real member, who must consent before it speaks. */
    public boolean ofRealMember() {
        return higherSelf.isPresent();
    }

    /** Whether {@code userId} is this persona's Higher Self. */
    public boolean isHigherSelf(String userId) {
        return higherSelf.map(h -> h.equals(userId)).orElse(false);
    }

    /**
     * A shared memory that comes to mind when one of its keywords appears in the conversation.
     *
     * @param keywords lower-case words or phrases
     */
    public record MemoryTrigger(List<String> keywords, String memory) {
        public MemoryTrigger {
            keywords = List.copyOf(keywords);
        }

        /** Whether any keyword occurs in {@code text}, ignoring case. */
        public boolean firesOn(String text) {
            String lower = text.toLowerCase(Locale.ROOT);
            return keywords.stream().anyMatch(k -> lower.contains(k.toLowerCase(Locale.ROOT)));
        }
    }
}
