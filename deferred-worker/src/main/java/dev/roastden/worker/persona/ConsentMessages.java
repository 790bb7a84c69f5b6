package dev.roastden.worker.persona;

import dev.roastden.core.component.CustomId;
import dev.roastden.core.persona.Persona;
import dev.roastden.worker.reply.Reply;
import java.util.List;
import java.util.Optional;

/**
 * The consent request and what it turns into. The request is the one message that pings: only the member the persona
 * is of, nobody else. Its Accept / Decline buttons carry the persona id, the member and the version asked about; once
 * answered, the same message says so in place (the button's deferred update edits it), with a Withdraw button while
 * the persona is active. Later states name the member without pinging them.
 */
final class ConsentMessages {
    private ConsentMessages() {}

    /** A button to put on a message. */
    private record Control(CustomId id, String label, Reply.Button.Style style) {}

    /** The request to {@code member}: pings them, carries Accept / Decline for {@code version}. */
    static Reply request(Persona persona, String member, String askedBy, long version, boolean edited) {
        String what = edited
                ? "<@" + askedBy + "> edited **" + persona.name() + "** (`" + persona.id() + "`), the persona of you."
                : "<@" + askedBy + "> made **" + persona.name() + "** (`" + persona.id() + "`), a persona of you.";
        String text = what + "\n> " + persona.tagline() + "\nIt won't say a word until you accept. See all of it with"
                + " `/persona show persona:" + persona.id() + "`. Only you can answer.";
        return withControls(
                new Reply(Reply.Kind.NOTICE, Optional.empty(), Optional.empty(), text, List.of(member)),
                answers(persona, member, version));
    }

    private static List<Control> answers(Persona persona, String member, long version) {
        return List.of(
                new Control(
                        CustomId.of(CustomId.PERSONA_ACCEPT, persona.id(), member, Long.toString(version)),
                        "Accept",
                        Reply.Button.Style.SUCCESS),
                new Control(
                        CustomId.of(CustomId.PERSONA_DECLINE, persona.id(), member, Long.toString(version)),
                        "Decline",
                        Reply.Button.Style.DANGER));
    }

    /** Still waiting (pressed by someone else, or after an edit): the current question, without a new ping. */
    static Reply pendingAgain(Persona persona, String member, long version) {
        return withControls(
                Reply.notice("**" + persona.name() + "** (`" + persona.id() + "`) is waiting for <@" + member
                        + "> to accept or decline it; until then it won't speak.\n> " + persona.tagline()),
                answers(persona, member, version));
    }

    /** Accepted: it speaks now; Withdraw stays available. */
    static Reply accepted(Persona persona, String member, boolean already) {
        String text = (already ? "Already accepted: " : "") + "<@" + member + "> accepted **" + persona.name() + "** (`"
                + persona.id() + "`). It can speak now. Changed your mind? Press Withdraw at any time.";
        return withControls(
                Reply.notice(text),
                List.of(new Control(
                        CustomId.of(CustomId.PERSONA_WITHDRAW, persona.id(), member),
                        "Withdraw",
                        Reply.Button.Style.SECONDARY)));
    }

    /** Declined: it never speaks. */
    static Reply declined(Persona persona, String member, boolean already) {
        return withControls(
                Reply.notice((already ? "Already declined: " : "") + "<@" + member + "> declined **" + persona.name()
                        + "** (`" + persona.id() + "`). It will not speak."),
                List.of());
    }

    /** Withdrawn (retired): silent; memories stay until forgotten. */
    static Reply withdrawn(Persona persona, String member, boolean already) {
        return withControls(
                Reply.notice((already ? "Already withdrawn: " : "") + "<@" + member + "> withdrew **" + persona.name()
                        + "** (`" + persona.id() + "`). It is retired and will not speak; its memories stay until"
                        + " forgotten with `/forget persona`."),
                List.of());
    }

    /** The persona the button is about is gone, or the button is not this member's to press. */
    static Reply gone() {
        return withControls(
                Reply.notice("This request is no longer active: the persona it was about is gone or has changed."),
                List.of());
    }

    private static Reply withControls(Reply reply, List<Control> controls) {
        return new Reply(
                reply.kind(),
                reply.speaker(),
                reply.avatarUrl(),
                reply.text(),
                reply.pingUserIds(),
                controls.stream()
                        .map(c -> new Reply.Button(c.id().format(), c.label(), c.style(), Optional.empty(), false))
                        .toList());
    }
}
