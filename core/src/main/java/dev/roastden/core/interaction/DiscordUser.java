package dev.roastden.core.interaction;

/**
 * A Discord user as the product needs it.
 *
 * @param id the user's snowflake
 * @param displayName the server nickname, else the global display name, else the username
 * @param bot whether the account is a bot
 * @param permissions the member's permission bit set in the channel as a decimal string, {@code 0} when unknown
 */
public record DiscordUser(String id, String displayName, boolean bot, String permissions) {
    /** Discord's MANAGE_GUILD permission bit ("Manage Server"). */
    public static final long MANAGE_GUILD = 1L << 5;
    /** Discord's ADMINISTRATOR permission bit. */
    public static final long ADMINISTRATOR = 1L << 3;

    /** Whether the member may manage the server (Manage Server or Administrator). */
    public boolean canManageServer() {
        long bits;
        try {
            bits = Long.parseUnsignedLong(permissions);
        } catch (NumberFormatException notANumber) {
            return false;
        }
        return (bits & (MANAGE_GUILD | ADMINISTRATOR)) != 0;
    }
}
