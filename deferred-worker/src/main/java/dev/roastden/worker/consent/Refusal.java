package dev.roastden.worker.consent;

import java.util.Optional;

/**
 * Why a persona may not speak to a request, and the private answer that says so and what to do.
 *
 * @param personaName the persona's name (or the id typed, for an unknown one)
 * @param targetName the display name of an opted-out target, as the invoker picked them
 */
public record Refusal(Reason reason, String personaName, Optional<String> targetName) {

    /** Why. */
    public enum Reason {
        UNKNOWN_PERSONA,
        PENDING,
        DECLINED,
        RETIRED,
        HIGHER_SELF_OPTED_OUT,
        INVOKER_OPTED_OUT,
        TARGET_OPTED_OUT,
        MENTIONED_OPTED_OUT
    }

    /** The same refusal naming nobody but the persona (for answers posted where everyone reads them). */
    public Refusal unnamed() {
        return new Refusal(reason, personaName, Optional.empty());
    }

    /** The answer to give the invoker. */
    public String message() {
        return switch (reason) {
            case UNKNOWN_PERSONA -> "There's no persona called `" + personaName + "` in this server.";
            case PENDING ->
                personaName + " is pending: the member it's based on hasn't pressed Accept yet, so it "
                        + "can't speak. Ask them to accept the request message (or use another persona).";
            case DECLINED ->
                personaName + " was declined by the member it's based on, so it doesn't speak. Only "
                        + "a new request they accept (after `/persona edit`) can change that.";
            case RETIRED ->
                personaName + " is retired and no longer speaks here. Its Higher Self or a manager can "
                        + "ask for it again with `/persona edit`.";
            case HIGHER_SELF_OPTED_OUT ->
                personaName + " stays quiet: the member it's based on has opted out in " + "this server.";
            case INVOKER_OPTED_OUT ->
                "You've opted out in this server, so personas don't talk to or about you. "
                        + "Use `/optin` to join in again.";
            case TARGET_OPTED_OUT ->
                targetName.orElse("That member")
                        + " has opted out of roasts and mentions here, so no persona will roast them. Pick someone else.";
            case MENTIONED_OPTED_OUT ->
                "Someone you mentioned has opted out in this server, so personas won't talk "
                        + "about them. Try again without mentioning them.";
        };
    }
}
