package dev.roastden.worker.memories;

import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.component.CustomId;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.memory.Fact;
import dev.roastden.core.memory.MemoryStore;
import dev.roastden.core.mention.MentionText;
import dev.roastden.worker.commands.Attempt;
import dev.roastden.worker.commands.CommandHandler;
import dev.roastden.worker.commands.ReplyProducer.Produced;
import dev.roastden.worker.commands.Texts;
import dev.roastden.worker.persona.PersonaDirectory;
import dev.roastden.worker.reply.Reply;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /memories persona:(opt) about:(opt)} and its page buttons ({@link CustomId#MEMORIES_PAGE}): a private,
 * paged list of the facts stored in this server, newest first, with their ids and who added them, so that a member
 * sees what is kept about them. Any member may list them. A page button's custom_id is user input: only its page,
 * persona and member are taken from it, each checked, and the page is read again from the store (a stale page is
 * clamped to the last one). Mentions in the list never ping (the reply allows no mentions).
 */
public final class MemoriesCommand implements CommandHandler {
    /** Facts per page. */
    public static final int PAGE_SIZE = 10;
    /** Most facts read per persona (the list says when there are more). */
    static final int MAX_PER_PERSONA = 200;

    private static final int MAX_FACT_IN_LIST = 180;
    private static final int MAX_PAGE = 9_999;
    private static final String ABOUT_OPTION = "about";
    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{17,20}");
    private static final Pattern PAGE = Pattern.compile("\\d{1,4}");

    private final MemoryStore memory;
    private final PersonaDirectory personas;

    public MemoriesCommand(MemoryStore memory, PersonaDirectory personas) {
        this.memory = memory;
        this.personas = personas;
    }

    @Override
    public Produced handle(DeferredJob job, Attempt attempt) {
        if (job.guildId().isEmpty()) {
            return Produced.of(Reply.notice("Memories live in a server: use /memories there."));
        }
        Optional<Query> query = job.kind() == DeferredJob.Kind.COMPONENT ? fromButton(job) : fromCommand(job);
        if (query.isEmpty()) {
            return Produced.of(Reply.notice("That page button isn't valid any more. Run `/memories` again."));
        }
        return Produced.of(page(job.guildId().get(), query.get()));
    }

    /** What to list: a page, maybe one persona, maybe facts about one member. */
    record Query(int page, Optional<String> personaId, Optional<String> about) {}

    private static Optional<Query> fromCommand(DeferredJob job) {
        Optional<String> about = job.option(ABOUT_OPTION);
        if (about.isPresent() && !SNOWFLAKE.matcher(about.get()).matches()) {
            return Optional.empty();
        }
        return Optional.of(
                new Query(0, job.option(CommandCatalog.PERSONA_OPTION).map(String::strip), about));
    }

    private static Optional<Query> fromButton(DeferredJob job) {
        Optional<CustomId> id = job.option(DeferredJob.CUSTOM_ID).flatMap(CustomId::parse);
        if (id.isEmpty()
                || !id.get().kind().equals(CustomId.MEMORIES_PAGE)
                || id.get().args().size() != 3) {
            return Optional.empty();
        }
        Optional<String> page = id.get().arg(0).filter(p -> PAGE.matcher(p).matches());
        Optional<String> about = id.get().arg(2);
        if (page.isEmpty()
                || about.isPresent() && !SNOWFLAKE.matcher(about.get()).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Query(
                Math.min(Integer.parseInt(page.get()), MAX_PAGE), id.get().arg(1), about));
    }

    private Reply page(String guild, Query query) {
        PersonaDirectory.Server server = personas.in(guild);
        Map<String, String> names = server.names();
        if (query.personaId().isPresent()
                && !names.containsKey(query.personaId().get())) {
            return Reply.notice(MemoryTexts.unknownPersona(query.personaId().get(), server));
        }
        List<String> ids = query.personaId().map(List::of).orElseGet(server::allIds);
        List<Fact> facts = new ArrayList<>();
        boolean capped = false;
        for (String personaId : ids) {
            List<Fact> some = memory.facts(guild, personaId, MAX_PER_PERSONA);
            capped |= some.size() >= MAX_PER_PERSONA;
            for (Fact fact : some) {
                if (query.about().map(u -> isAbout(fact, u)).orElse(true)) {
                    facts.add(fact);
                }
            }
        }
        facts.sort(Comparator.comparing(Fact::createdAt).thenComparing(Fact::id).reversed());
        String scope = query.personaId().map(id -> " of " + names.get(id)).orElse("")
                + query.about().map(u -> " about <@" + u + ">").orElse("");
        if (facts.isEmpty()) {
            return Reply.notice("No memories" + scope + " are stored in this server.");
        }
        int pages = (facts.size() + PAGE_SIZE - 1) / PAGE_SIZE;
        int page = Math.min(query.page(), pages - 1);
        StringBuilder text = new StringBuilder("🧠 **Memories" + scope + "**: " + facts.size()
                + (facts.size() == 1 ? " fact" : " facts") + (capped ? " (the newest)" : "")
                + ", page " + (page + 1) + " of " + pages + ", newest first\n");
        for (Fact fact : facts.subList(page * PAGE_SIZE, Math.min(facts.size(), (page + 1) * PAGE_SIZE))) {
            text.append("• `")
                    .append(fact.id())
                    .append("` **")
                    .append(names.getOrDefault(fact.personaId(), fact.personaId()))
                    .append("**: ")
                    .append(Texts.clean(fact.text(), MAX_FACT_IN_LIST).replace("\n", " "))
                    .append(" (added by <@")
                    .append(fact.authorId())
                    .append("> <t:")
                    .append(fact.createdAt().getEpochSecond())
                    .append(":d>)\n");
        }
        text.append("Delete one with `/forget memory id:…`.");
        List<Reply.Button> buttons = pages == 1 ? List.of() : buttons(query, page, pages);
        return new Reply(Reply.Kind.NOTICE, Optional.empty(), Optional.empty(), text.toString(), List.of(), buttons);
    }

    /** Whether the fact is about this member: its subject, or mentioned in it (not merely its author). */
    private static boolean isAbout(Fact fact, String userId) {
        return fact.subjectId().equals(userId)
                || MentionText.mentionedUserIds(fact.text()).contains(userId);
    }

    private static List<Reply.Button> buttons(Query query, int page, int pages) {
        String persona = query.personaId().orElse(CustomId.NONE);
        String about = query.about().orElse(CustomId.NONE);
        String newer = CustomId.of(CustomId.MEMORIES_PAGE, Integer.toString(Math.max(page - 1, 0)), persona, about)
                .format();
        String older = CustomId.of(CustomId.MEMORIES_PAGE, Integer.toString(page + 1), persona, about)
                .format();
        return List.of(
                new Reply.Button(newer, "Newer", Reply.Button.Style.SECONDARY, Optional.of("◀️"), page == 0),
                new Reply.Button(older, "Older", Reply.Button.Style.SECONDARY, Optional.of("▶️"), page >= pages - 1));
    }
}
