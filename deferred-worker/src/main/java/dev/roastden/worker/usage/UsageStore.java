package dev.roastden.worker.usage;

import dev.roastden.core.usage.TokenUsage;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Usage counters by UTC day and month, added to atomically by every model call: per server (no member ids in them),
 * and per member of a server (which {@code /forget me} deletes with the rest of what is stored about the member).
 */
public interface UsageStore {
    /**
     * Adds one model call to {@code day}'s and its month's counters.
     *
     * @return the month's cost after this call, in micro-dollars
     */
    long record(
            String scope,
            LocalDate day,
            String memberId,
            String command,
            String modelId,
            TokenUsage tokens,
            long costMicros);

    UsageTotals day(String scope, LocalDate day);

    UsageTotals month(String scope, YearMonth month);

    UsageTotals.Member memberDay(String scope, String memberId, LocalDate day);

    UsageTotals.Member memberMonth(String scope, String memberId, YearMonth month);

    /**
     * Marks that the managers were told about {@code month}'s budget reaching {@code level} (a percentage); true only
     * for the one caller that marked it first, so the warning goes out once however many workers race.
     */
    boolean markWarned(String scope, YearMonth month, int level);
}
