package dev.roastden.local;

import dev.roastden.core.interaction.DiscordUser;
import java.util.List;
import java.util.Optional;

/**
 * The people in the playground's pretend server: the Higher Selves of the shipped personas, two friends, and a
 * server admin with Manage Server.
 */
public final class SampleMembers {
    /** Permission bits of an ordinary member (view channel, send messages, use application commands). */
    static final String MEMBER_PERMISSIONS = Long.toString((1L << 10) | (1L << 11) | (1L << 31));
    /** Permission bits of a member who may manage the server. */
    static final String MANAGER_PERMISSIONS = Long.toString(Long.parseLong(MEMBER_PERMISSIONS) | (1L << 5));

    public static final String GUILD_ID = "1200000000000000001";
    public static final String CHANNEL_ID = "1200000000000000002";
    public static final String APPLICATION_ID = "1200000000000000003";

    private static final List<DiscordUser> MEMBERS = List.of(
            new DiscordUser("100000000000000001", "Fordie", false, MEMBER_PERMISSIONS),
            new DiscordUser("100000000000000002", "June", false, MEMBER_PERMISSIONS),
            new DiscordUser("100000000000000003", "Maggie", false, MEMBER_PERMISSIONS),
            new DiscordUser("100000000000000004", "Becca", false, MEMBER_PERMISSIONS),
            new DiscordUser("100000000000000005", "Sam", false, MEMBER_PERMISSIONS),
            new DiscordUser("100000000000000006", "Riley", false, MEMBER_PERMISSIONS),
            new DiscordUser("100000000000000007", "Admin Alex", false, MANAGER_PERMISSIONS));

    private SampleMembers() {}

    public static List<DiscordUser> all() {
        return MEMBERS;
    }

    public static Optional<DiscordUser> find(String id) {
        return MEMBERS.stream().filter(m -> m.id().equals(id)).findFirst();
    }
}
