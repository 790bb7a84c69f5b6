package dev.roastden.worker.persona;

import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.persona.RosterEntry;
import dev.roastden.worker.commands.Attempt;
import dev.roastden.worker.commands.CommandHandler;
import dev.roastden.worker.commands.ReplyProducer.Produced;
import dev.roastden.worker.reply.Reply;
import java.util.List;

/**
 * {@code /persona list} (public): everyone in the server's cast with id and status, the bundled defaults marked; one
 * roster read and one batched opt-out read. Names only, no pings: nobody's Higher Self is shown here, and the
 * personas of members who opted out are left out (a persona's name often names its member).
 */
public final class ListCommand implements CommandHandler {
    private static final int MAX_LINES = 60;

    private final PersonaTools tools;

    public ListCommand(PersonaTools tools) {
        this.tools = tools;
    }

    @Override
    public Produced handle(DeferredJob job, Attempt attempt) {
        if (job.guildId().isEmpty()) {
            return Produced.of(Reply.notice(PersonaCommands.NOT_HERE));
        }
        var roster = tools.store().roster(job.guildId().get());
        List<RosterEntry> everyone = roster.cast(tools.bundled());
        java.util.Set<String> optedOut = tools.consent()
                .optedOut(
                        job.guildId().get(),
                        everyone.stream()
                                .flatMap(e -> e.higherSelf().stream())
                                .distinct()
                                .toList());
        List<RosterEntry> cast = everyone.stream()
                .filter(e -> e.higherSelf().map(h -> !optedOut.contains(h)).orElse(true))
                .toList();
        if (cast.isEmpty()) {
            return Produced.of(
                    Reply.notice("No personas here yet. Make one with `/persona create` or" + " `/persona import`."));
        }
        StringBuilder out = new StringBuilder("**Personas in this server**");
        int shown = 0;
        for (RosterEntry entry : cast) {
            if (shown++ == MAX_LINES) {
                out.append("\n…and ").append(cast.size() - MAX_LINES).append(" more.");
                break;
            }
            boolean bundled = !roster.entries().containsKey(entry.id());
            out.append("\n• **")
                    .append(entry.name().replace("*", "\\*"))
                    .append("** (`")
                    .append(entry.id())
                    .append("`) — ")
                    .append(entry.status().wire())
                    .append(bundled ? " · default" : "")
                    .append(entry.higherSelf().isPresent() ? "" : " · fictional");
        }
        return Produced.of(Reply.notice(out.toString()));
    }
}
