package dev.roastden.core.prompt;

import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.memory.Fact;
import dev.roastden.core.memory.Turn;
import dev.roastden.core.persona.Persona;
import dev.roastden.core.persona.PersonaCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Measures the real prompt: builds it with {@link PromptBuilder} for every bundled persona with a typical and a full
 * memory load, and counts its characters. Claude's tokenizer is not public, so tokens are estimated as characters
 * divided by {@value #CHARS_PER_TOKEN} (English prose runs at about 4 characters per token; 3.5 leaves room for
 * markup, names and ids, so the estimate errs on the high, i.e. expensive, side). Run {@code main} to print the
 * table that docs/DEPLOY.md's cost table is computed from; {@code PromptSizeTest} keeps the claims made from it true.
 */
public final class PromptSize {
    public static final double CHARS_PER_TOKEN = 3.5;

    /** Characters of one prompt, by part. */
    public record Measure(String persona, String load, int system, int context, int instruction, int userData) {
        public int total() {
            return system + context + instruction + userData;
        }

        public long tokens() {
            return estimateTokens(total());
        }

        public long systemTokens() {
            return estimateTokens(system);
        }
    }

    private PromptSize() {}

    public static long estimateTokens(int chars) {
        return (long) Math.ceil(chars / CHARS_PER_TOKEN);
    }

    /** Every bundled persona roasting with {@code facts} facts and {@code turns} turns of {@code replyChars} each. */
    public static List<Measure> measure(String load, int facts, int factChars, int turns, int replyChars) {
        List<Persona> roster = PersonaCatalog.fromClasspath().all();
        List<Measure> out = new ArrayList<>();
        for (Persona persona : roster) {
            PromptInput input = new PromptInput(
                    PromptInput.Task.ROAST,
                    persona,
                    roster,
                    new DiscordUser("200000000000000001", "Sam", false, "0"),
                    Optional.of(new DiscordUser("200000000000000002", "Alex", false, "0")),
                    "their new mechanical keyboard",
                    facts(persona, facts, factChars),
                    turns(persona, turns, replyChars));
            Prompt prompt = PromptBuilder.build(input);
            out.add(new Measure(
                    persona.id(),
                    load,
                    prompt.system().length(),
                    prompt.context().length(),
                    prompt.instruction().length(),
                    prompt.userData().length()));
        }
        return out;
    }

    /** The typical load: 5 facts of 80 characters, 8 recent turns with 220-character replies. */
    public static List<Measure> typical() {
        return measure("typical", 5, 80, PromptBuilder.MAX_TURNS, 220);
    }

    /** The most the builder puts in: 15 facts of 300 characters, 8 turns with 280-character replies. */
    public static List<Measure> full() {
        return measure("full", PromptBuilder.MAX_FACTS, 300, PromptBuilder.MAX_TURNS, 280);
    }

    private static List<Fact> facts(Persona persona, int count, int chars) {
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String text = ("Alex once spent a whole weekend tuning keyboard switches and still types slowly, fact " + i
                            + ". ")
                    .repeat(10)
                    .substring(0, chars);
            facts.add(new Fact(
                    "300000000000000001",
                    persona.id(),
                    "01HZX" + i,
                    text,
                    "200000000000000001",
                    "200000000000000002",
                    Set.of("200000000000000001", "200000000000000002"),
                    Instant.EPOCH));
        }
        return facts;
    }

    private static List<Turn> turns(Persona persona, int count, int replyChars) {
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String reply = ("Oh Alex, that keyboard clicks louder than your excuses, and your excuses are loud. ")
                    .repeat(10)
                    .substring(0, replyChars);
            turns.add(new Turn(
                    "300000000000000001",
                    persona.id(),
                    "01HZY" + i,
                    "roast",
                    "200000000000000001",
                    "Sam",
                    "200000000000000002",
                    "Alex",
                    Set.of("200000000000000001", "200000000000000002"),
                    "their cooking",
                    reply,
                    Instant.EPOCH,
                    Instant.EPOCH.plusSeconds(86_400)));
        }
        return turns;
    }

    public static void main(String[] args) {
        System.out.println("persona   load     system  context  instr  user  total chars  ~tokens  system ~tokens");
        List<Measure> all = new ArrayList<>(typical());
        all.addAll(full());
        for (Measure m : all) {
            System.out.printf(
                    "%-9s %-8s %6d %8d %6d %5d %12d %8d %15d%n",
                    m.persona(),
                    m.load(),
                    m.system(),
                    m.context(),
                    m.instruction(),
                    m.userData(),
                    m.total(),
                    m.tokens(),
                    m.systemTokens());
        }
    }
}
