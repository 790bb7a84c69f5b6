package dev.roastden.worker.usage;

import dev.roastden.core.usage.TokenUsage;
import java.util.Map;

/**
 * A server's use in one period (a UTC day or month).
 *
 * @param calls model calls
 * @param tokens the tokens they used
 * @param costMicros what they cost, in micro-dollars
 * @param commands model calls by command
 * @param models model calls by model id
 */
public record UsageTotals(
        long calls, TokenUsage tokens, long costMicros, Map<String, Long> commands, Map<String, Long> models) {
    public static final UsageTotals NONE = new UsageTotals(0, TokenUsage.NONE, 0, Map.of(), Map.of());

    public UsageTotals {
        commands = Map.copyOf(commands);
        models = Map.copyOf(models);
    }

    /**
     * One member's share of a server's use in a period.
     *
     * @param calls model calls they caused
     * @param costMicros what those cost
     */
    public record Member(long calls, long costMicros) {
        public static final Member NONE = new Member(0, 0);
    }
}
