package dev.roastden.worker.commands;

import java.time.Duration;

/**
 * Decides whether a fact taught with {@code /remember} may be stored. Stored facts go into every later prompt for
 * the persona, so a server with a content guardrail screens them before they are kept.
 */
public interface FactScreen {

    /**
     * The verdict on one fact.
     *
     * @param timeout how long the screening may take
     * @throws Unavailable when the screen could not give a verdict
     */
    Verdict screen(String fact, Duration timeout) throws Unavailable;

    /** Lets every fact through: for a deployment without a guardrail. */
    static FactScreen allowAll() {
        return (fact, timeout) -> new Verdict.Allowed();
    }

    /** Whether a fact may be stored. */
    sealed interface Verdict permits Verdict.Allowed, Verdict.Refused {
        /** The fact may be stored. */
        record Allowed() implements Verdict {}

        /**
         * The fact breaks the server's content rules.
         *
         * @param reason which kinds of rule it broke, for the logs; never the fact or the text that matched
         */
        record Refused(String reason) implements Verdict {}
    }

    /** No verdict: the screen failed. */
    final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        private final boolean retryable;

        /**
         * @param retryable whether a later attempt may get a verdict (throttling, an outage) rather than the same
         *     error (a missing guardrail, no permission)
         */
        public Unavailable(String message, boolean retryable, Throwable cause) {
            super(message, cause);
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }
}
