package dev.roastden.core.prompt;

import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.memory.Fact;
import dev.roastden.core.memory.Turn;
import dev.roastden.core.persona.Persona;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Builds the prompt for a persona. Pure and deterministic: the static part for a persona is byte-identical on every
 * call, which is what makes a prompt-cache point after it pay off.
 */
public final class PromptBuilder {
    /** Most long-term facts put in one prompt. */
    public static final int MAX_FACTS = 15;
    /** Most recent turns put in one prompt. */
    public static final int MAX_TURNS = 8;

    private static final int MAX_FACT_CHARS = 300;
    private static final int MAX_TURN_TEXT_CHARS = 200;
    private static final int MAX_TURN_REPLY_CHARS = 280;
    private static final int MAX_NAME_CHARS = 64;
    private static final Pattern DELIMITER_TAGS =
            Pattern.compile("</?\\s*(user_input|memories)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

    private PromptBuilder() {}

    /** The prompt for {@code input}. */
    public static Prompt build(PromptInput input) {
        return new Prompt(
                staticPart(input.persona(), input.roster()), context(input), instruction(input), userData(input));
    }

    /** The static, cacheable system text for a persona: safety rules, card, roster, output rules. */
    public static String staticPart(Persona persona, List<Persona> roster) {
        StringBuilder out = new StringBuilder(4096);
        out.append(SafetyRules.TEXT).append('\n');
        out.append("# Your character: ").append(persona.name()).append('\n');
        appendIfPresent(out, persona.summary());
        appendList(out, "Traits", persona.traits(), true);
        appendList(out, "How you talk", persona.speechPatterns(), false);
        appendList(out, "Interests", persona.interests(), true);
        if (!persona.roastStyle().isBlank()) {
            out.append("Roast style: ").append(persona.roastStyle()).append('\n');
        }
        appendList(out, "Catchphrases (use sparingly, at most one per message)", persona.catchphrases(), false);
        appendList(out, "Boundaries (never joke about these)", persona.boundaries(), false);
        if (persona.higherSelf().isPresent()) {
            out.append("Your Higher Self, the real person you are based on, is the Discord user with id ")
                    .append(persona.higherSelf().get())
                    .append(".\n");
        } else {
            out.append("You are a fictional character: no member of the server is behind you.\n");
        }
        appendList(
                out,
                "Notes from your author (follow them unless they conflict with the rules above, which always win)",
                persona.notes(),
                false);
        out.append('\n');
        out.append("# The others in the group (personas like you, each a bot based on a friend)\n");
        boolean any = false;
        for (Persona other : roster) {
            if (!other.id().equals(persona.id())) {
                any = true;
                out.append("- ")
                        .append(other.name())
                        .append(" (")
                        .append(other.id())
                        .append(')');
                if (!other.tagline().isBlank()) {
                    out.append(": ").append(other.tagline());
                }
                out.append('\n');
            }
        }
        if (!any) {
            out.append("- (nobody else yet)\n");
        }
        out.append("\n# Output\n")
                .append("- Write only the message itself, in your voice: no name prefix, no stage directions, ")
                .append("no surrounding quotation marks.\n")
                .append("- Plain Discord markdown. Stay in character unless rule 1 applies.\n");
        return out.toString();
    }

    private static String context(PromptInput input) {
        Persona persona = input.persona();
        StringBuilder out = new StringBuilder(1024);
        String scan = triggerText(input);
        List<String> triggered = new ArrayList<>();
        for (Persona.MemoryTrigger trigger : persona.memoryTriggers()) {
            if (trigger.firesOn(scan)) {
                triggered.add(trigger.memory());
            }
        }
        if (!triggered.isEmpty()) {
            out.append("# Shared memories that come to mind\n");
            triggered.forEach(m -> out.append("- ").append(m).append('\n'));
        }
        List<Fact> facts = orderFacts(input);
        List<Turn> turns = input.recentTurns().size() > MAX_TURNS
                ? input.recentTurns()
                        .subList(
                                input.recentTurns().size() - MAX_TURNS,
                                input.recentTurns().size())
                : input.recentTurns();
        if (!facts.isEmpty() || !turns.isEmpty()) {
            out.append("<memories>\n");
            if (!facts.isEmpty()) {
                out.append("Things you were told to remember in this server:\n");
                for (Fact fact : facts) {
                    out.append("- ").append(data(fact.text(), MAX_FACT_CHARS)).append('\n');
                }
            }
            if (!turns.isEmpty()) {
                out.append("Your recent exchanges in this server, oldest first:\n");
                for (Turn turn : turns) {
                    out.append("- ").append(data(turn.invokerName(), MAX_NAME_CHARS));
                    if (turn.command().equals("roast")) {
                        out.append(" had you roast ").append(data(turn.subjectName(), MAX_NAME_CHARS));
                    } else {
                        out.append(" said");
                    }
                    turn.userTextIfAny().ifPresent(t -> out.append(" (\"")
                            .append(data(t, MAX_TURN_TEXT_CHARS))
                            .append("\")"));
                    out.append("; you replied: \"")
                            .append(data(turn.reply(), MAX_TURN_REPLY_CHARS))
                            .append("\"\n");
                }
            }
            out.append("</memories>\n");
        }
        if (out.length() == 0) {
            out.append("No memories apply right now.\n");
        }
        return out.toString();
    }

    private static List<Fact> orderFacts(PromptInput input) {
        List<Fact> about = new ArrayList<>();
        List<Fact> rest = new ArrayList<>();
        String targetId = input.target().map(DiscordUser::id).orElse("");
        String targetName = input.target()
                .map(t -> t.displayName().toLowerCase(Locale.ROOT))
                .orElse("");
        for (Fact fact : input.facts()) {
            boolean aboutTarget = !targetId.isEmpty()
                    && (fact.involves(targetId)
                            || (!targetName.isBlank()
                                    && fact.text().toLowerCase(Locale.ROOT).contains(targetName)));
            (aboutTarget ? about : rest).add(fact);
        }
        about.addAll(rest);
        return about.size() > MAX_FACTS ? List.copyOf(about.subList(0, MAX_FACTS)) : about;
    }

    private static String triggerText(PromptInput input) {
        StringBuilder scan = new StringBuilder(input.userText());
        input.target().ifPresent(t -> scan.append(' ').append(t.displayName()));
        for (Turn turn : input.recentTurns()) {
            scan.append(' ').append(turn.userText());
        }
        return scan.toString();
    }

    private static String instruction(PromptInput input) {
        Persona persona = input.persona();
        boolean higherSelf = persona.isHigherSelf(input.invoker().id());
        String asker = higherSelf ? "your Higher Self" : "a member of the server";
        switch (input.task()) {
            case ROAST:
                return "Task: " + asker + " asked you to roast the person named as target in <user_input>. "
                        + "Roast them in your own voice and roast style in at most three sentences, using what you "
                        + "remember about them if it fits. Address them by name; their mention is added for you.";
            case ASK:
                return "Task: " + asker + " asked you the question in <user_input>. Answer it in character in at "
                        + "most 120 words. If it needs facts you do not have, say so in character.";
            case MENTION:
            default:
                if (input.target().isPresent()) {
                    return "Task: " + asker + " mentioned you in the message in <user_input>, pointing you at "
                            + "the person named as target there. Reply in character in at most three sentences, "
                            + "aimed at the target rather than at whoever wrote the message: roast them if that is "
                            + "what was asked, and address them by name; their mention is added for you.";
                }
                return "Task: " + asker + " mentioned you in the message in <user_input>. Reply to them in "
                        + "character in at most three sentences.";
        }
    }

    private static String userData(PromptInput input) {
        StringBuilder out = new StringBuilder(256);
        out.append("<user_input>\n");
        out.append("from: ")
                .append(data(input.invoker().displayName(), MAX_NAME_CHARS))
                .append('\n');
        input.target().ifPresent(t -> out.append("target: ")
                .append(data(t.displayName(), MAX_NAME_CHARS))
                .append('\n'));
        if (!input.userText().isBlank()) {
            String label;
            switch (input.task()) {
                case ROAST:
                    label = "topic";
                    break;
                case ASK:
                    label = "question";
                    break;
                case MENTION:
                default:
                    label = "message";
                    break;
            }
            out.append(label).append(": ").append(data(input.userText(), 2000)).append('\n');
        }
        out.append("</user_input>");
        return out.toString();
    }

    /** User-written text made safe to place between delimiters: no delimiter tags, no control characters. */
    public static String data(String text, int maxChars) {
        String cleaned = DELIMITER_TAGS.matcher(text).replaceAll("");
        cleaned = CONTROL.matcher(cleaned).replaceAll(" ").strip();
        if (cleaned.length() > maxChars) {
            cleaned = cleaned.substring(0, maxChars - 1) + "…";
        }
        return cleaned;
    }

    private static void appendIfPresent(StringBuilder out, String text) {
        if (!text.isBlank()) {
            out.append(text).append('\n');
        }
    }

    private static void appendList(StringBuilder out, String title, List<String> items, boolean inline) {
        if (items.isEmpty()) {
            return;
        }
        if (inline) {
            out.append(title).append(": ").append(String.join(", ", items)).append('\n');
        } else {
            out.append(title).append(":\n");
            items.forEach(i -> out.append("- ").append(i).append('\n'));
        }
    }
}
