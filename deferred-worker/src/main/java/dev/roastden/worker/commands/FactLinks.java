package dev.roastden.worker.commands;

import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.memory.NameMentions;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whom a fact taught with {@code /remember} is linked to, so that each of them can delete it with {@code /forget
 * me}: its author; the member the {@code about} option names; every member it mentions; and every member the
 * command knows (the author and the members its options resolve) whose display name or nickname the text uses
 * without an @. The fact is about the {@code about} member, else the first one mentioned, else the first one named,
 * else its author. The names of linked members are stored with the fact, so a later rename does not hide it.
 *
 * @param subject whom the fact is about
 * @param users everyone it is linked to
 * @param names the display names of the linked members the command knows, by id
 */
public record FactLinks(String subject, Set<String> users, Map<String, String> names) {
    private static final Pattern MENTION = Pattern.compile("<@!?(\\d{1,20})>");

    public FactLinks {
        users = Set.copyOf(new LinkedHashSet<>(users));
        names = Map.copyOf(names);
    }

    /** The links of {@code fact}, told by the job's invoker, about the member its {@code about} option names. */
    public static FactLinks of(DeferredJob job, String fact) {
        return of(job, fact, job.option(CommandCatalog.ABOUT_OPTION));
    }

    /**
     * The links of {@code fact}, told by the job's invoker, about {@code about} when given (a kept message's author
     * for "Remember this").
     */
    public static FactLinks of(DeferredJob job, String fact, Optional<String> about) {
        DiscordUser author = job.user();
        Set<String> users = new LinkedHashSet<>();
        users.add(author.id());
        Optional<String> subject = about.filter(id -> !id.isBlank());
        subject.ifPresent(users::add);
        Matcher m = MENTION.matcher(fact);
        while (m.find()) {
            users.add(m.group(1));
            if (subject.isEmpty()) {
                subject = Optional.of(m.group(1));
            }
        }
        Map<String, DiscordUser> known = new LinkedHashMap<>(job.resolvedUsers());
        known.putIfAbsent(author.id(), author);
        for (DiscordUser member : known.values()) {
            if (!member.bot() && NameMentions.names(fact, member.displayName())) {
                users.add(member.id());
                if (subject.isEmpty() && !member.id().equals(author.id())) {
                    subject = Optional.of(member.id());
                }
            }
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (String user : users) {
            DiscordUser member = known.get(user);
            if (member != null && !member.displayName().equals(member.id())) {
                names.put(user, member.displayName());
            }
        }
        return new FactLinks(subject.orElse(author.id()), users, names);
    }
}
