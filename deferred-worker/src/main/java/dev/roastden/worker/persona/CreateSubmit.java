package dev.roastden.worker.persona;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.component.CustomId;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.json.Json;
import dev.roastden.core.persona.PersonaStatus;
import dev.roastden.worker.commands.Attempt;
import dev.roastden.worker.commands.CommandHandler;
import dev.roastden.worker.commands.ReplyProducer.Produced;
import dev.roastden.worker.reply.Reply;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The submit of the {@code /persona create} form, {@code rd1:pc:{member|-}}. Of a member: stored pending with the
 * member as Higher Self, and the (public) reply is the consent request, pinging only them. Fictional: only for
 * members with Manage Server (checked again here: the form's id is user input), active at once.
 */
public final class CreateSubmit implements CommandHandler {
    static final Pattern SNOWFLAKE = Pattern.compile("\\d{17,20}");

    private final PersonaTools tools;

    public CreateSubmit(PersonaTools tools) {
        this.tools = tools;
    }

    @Override
    public Produced handle(DeferredJob job, Attempt attempt) {
        Optional<CustomId> id = job.option(DeferredJob.CUSTOM_ID).flatMap(CustomId::parse);
        if (job.guildId().isEmpty() || id.isEmpty() || id.get().args().size() != 1) {
            return Produced.of(Reply.notice(PersonaCommands.NOT_HERE));
        }
        String guild = job.guildId().get();
        Optional<String> member = id.get().arg(0);
        if (member.isPresent() && !SNOWFLAKE.matcher(member.get()).matches()) {
            return Produced.of(Reply.notice("That form is broken. Run `/persona create` again."));
        }
        if (member.isEmpty() && !job.user().canManageServer()) {
            return Produced.of(FormReader.refuse(
                            job,
                            "only members with Manage Server can create a fictional persona."
                                    + " To make a persona of someone, pick them as `member`.")
                    .asReply());
        }
        if (member.isPresent()) {
            Optional<String> why = PersonaCommands.cannotBeOf(tools, guild, member.get(), job);
            if (why.isPresent()) {
                return Produced.of(FormReader.refuse(job, why.get()).asReply());
            }
        }
        ObjectNode base = Json.mapper().createObjectNode();
        member.ifPresent(m -> base.put("higher_self", m));
        FormReader.Read read = FormReader.read(job, base, tools.validator());
        if (read instanceof FormReader.Refused refused) {
            return Produced.of(refused.asReply());
        }
        ObjectNode tree = ((FormReader.Ok) read).tree();
        ServerPersona stored = PersonaWrites.createUnique(
                tools,
                guild,
                tree,
                member.isPresent() ? PersonaStatus.PENDING : PersonaStatus.ACTIVE,
                job.user().id(),
                attempt.repeated() ? Optional.of(job.createdAt()) : Optional.empty());
        if (member.isPresent()) {
            return Produced.of(ConsentMessages.request(
                    stored.persona(), member.get(), job.user().id(), stored.version(), false));
        }
        return Produced.of(Reply.notice("Created **" + stored.persona().name() + "** (`" + stored.id()
                + "`), a fictional persona. It is active now: try `/roast persona:" + stored.id() + "`."));
    }
}
