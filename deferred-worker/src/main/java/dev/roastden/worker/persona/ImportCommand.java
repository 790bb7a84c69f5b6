package dev.roastden.worker.persona;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.interaction.Attachment;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.persona.PersonaStatus;
import dev.roastden.worker.commands.Attempt;
import dev.roastden.worker.commands.CommandHandler;
import dev.roastden.worker.commands.ReplyProducer.Produced;
import dev.roastden.worker.commands.RetryableFailure;
import dev.roastden.worker.persona.attachments.Fetched;
import dev.roastden.worker.persona.card.CardImporter;
import dev.roastden.worker.persona.card.Imported;
import dev.roastden.worker.persona.card.PersonaValidator;
import dev.roastden.worker.reply.Reply;
import java.util.Optional;

/**
 * {@code /persona import file member?}: fetches the attachment (Discord's CDN only, ≤ 2 MB), reads it as a Roast Den
 * persona or a character card (type from the bytes), validates it against the schema and stores it under a slug id
 * unique in the server. Of a member: pending, and the public reply is the consent request. Without: fictional,
 * managers only (checked before anything is fetched), active at once. Every refusal says what was wrong: the type,
 * the size, the schema field and its path.
 */
public final class ImportCommand implements CommandHandler {
    private final PersonaTools tools;

    public ImportCommand(PersonaTools tools) {
        this.tools = tools;
    }

    @Override
    public Produced handle(DeferredJob job, Attempt attempt) throws RetryableFailure {
        if (job.guildId().isEmpty()) {
            return Produced.of(Reply.notice(PersonaCommands.NOT_HERE));
        }
        String guild = job.guildId().get();
        Optional<String> member = job.option(CommandCatalog.MEMBER_OPTION).filter(m -> !m.isBlank());
        if (member.isEmpty() && !job.user().canManageServer()) {
            return refuse("only members with Manage Server can import a fictional persona. To import a persona of"
                    + " someone, pick them as `member`.");
        }
        if (member.isPresent()) {
            if (!CreateSubmit.SNOWFLAKE.matcher(member.get()).matches()) {
                return refuse("that `member` is not a Discord user.");
            }
            Optional<String> why = PersonaCommands.cannotBeOf(tools, guild, member.get(), job);
            if (why.isPresent()) {
                return refuse(why.get());
            }
        }
        Optional<Attachment> attachment = job.option(CommandCatalog.FILE_OPTION).map(job.attachments()::get);
        if (attachment.isEmpty()) {
            return refuse("I didn't receive the file. Attach it to the `file` option and try again.");
        }
        String filename = attachment.get().filename();
        Fetched fetched = tools.fetcher().fetch(attachment.get());
        if (fetched instanceof Fetched.Refused refused) {
            if (refused.retryable() && !attempt.lastChance()) {
                throw new RetryableFailure("The attachment could not be fetched yet: " + refused.reason(), null);
            }
            return refuse(refused.reason());
        }
        Imported imported = CardImporter.read(((Fetched.File) fetched).bytes());
        if (imported instanceof Imported.Refused refused) {
            return refuse(refused.reason());
        }
        Imported.Persona read = (Imported.Persona) imported;
        ObjectNode tree = read.persona();
        member.ifPresent(m -> tree.put("higher_self", m));
        Optional<PersonaValidator.Problem> problem = tools.validator().firstProblem(tree);
        if (problem.isPresent()) {
            return refuse(problem.get().describe() + ". Fix it in the file and import it again.");
        }
        int size = PersonaJson.text(tree).length();
        if (size > PersonaJson.MAX_CHARS) {
            return refuse("the persona, with what the card carries besides, is " + size / 1024 + " KB of JSON; the"
                    + " limit is " + PersonaJson.MAX_CHARS / 1024 + " KB. Remove unused parts (alternate greetings,"
                    + " disabled lorebook entries) and import it again.");
        }
        String wanted = tree.path("id").asText();
        ServerPersona stored = PersonaWrites.createUnique(
                tools,
                guild,
                tree,
                member.isPresent() ? PersonaStatus.PENDING : PersonaStatus.ACTIVE,
                job.user().id(),
                attempt.repeated() ? Optional.of(job.createdAt()) : Optional.empty());
        String renamed = stored.id().equals(wanted) ? "" : " (`" + wanted + "` was taken)";
        if (member.isPresent()) {
            return Produced.of(ConsentMessages.request(
                    stored.persona(), member.get(), job.user().id(), stored.version(), false));
        }
        int triggers = stored.persona().memoryTriggers().size();
        return Produced.of(Reply.notice("Imported **" + stored.persona().name() + "** as `" + stored.id() + "`"
                + renamed + " from " + describe(filename) + " (" + read.format().label() + ")"
                + (triggers > 0 ? ", with " + triggers + " memory trigger" + (triggers == 1 ? "" : "s") : "")
                + ". It is active now: try `/roast persona:" + stored.id() + "`."
                + (tree.has("extensions") ? " What Roast Den doesn't use is kept for `/persona export`." : "")));
    }

    private static String describe(String filename) {
        String clean = filename.replaceAll("[`*_~|<>@\\r\\n]", "");
        return clean.isBlank() ? "the file" : "`" + dev.roastden.worker.persona.card.Texts.cutWords(clean, 60) + "`";
    }

    private static Produced refuse(String why) {
        return Produced.of(Reply.notice("I couldn't import that file: " + why));
    }
}
