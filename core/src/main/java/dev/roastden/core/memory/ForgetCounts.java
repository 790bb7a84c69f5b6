package dev.roastden.core.memory;

/** How much a {@code /forget} deleted. */
public record ForgetCounts(int turns, int facts) {
    public static final ForgetCounts NONE = new ForgetCounts(0, 0);

    public int total() {
        return turns + facts;
    }

    public ForgetCounts plus(ForgetCounts other) {
        return new ForgetCounts(turns + other.turns, facts + other.facts);
    }
}
