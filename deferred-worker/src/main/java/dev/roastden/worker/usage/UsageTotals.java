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
 * @param memberCalls model calls by member id
 * @param memberCostMicros cost by member id
 * @param models model calls by model id
 */
public record UsageTotals(
        long calls,
        TokenUsage tokens,
        long costMicros,
        Map<String, Long> commands,
        Map<String, Long> memberCalls,
        Map<String, Long> memberCostMicros,
        Map<String, Long> models) {
    public static final UsageTotals NONE =
            new UsageTotals(0, TokenUsage.NONE, 0, Map.of(), Map.of(), Map.of(), Map.of());

    public UsageTotals {
        commands = Map.copyOf(commands);
        memberCalls = Map.copyOf(memberCalls);
        memberCostMicros = Map.copyOf(memberCostMicros);
        models = Map.copyOf(models);
    }

    public long callsBy(String memberId) {
        return memberCalls.getOrDefault(memberId, 0L);
    }

    public long costBy(String memberId) {
        return memberCostMicros.getOrDefault(memberId, 0L);
    }
}
