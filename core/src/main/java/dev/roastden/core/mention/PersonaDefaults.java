package dev.roastden.core.mention;

import dev.roastden.core.persona.PersonaCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which persona answers a mention that names none: per channel, per server, then one for the whole deployment. Every
 * value is a persona id of the catalog.
 *
 * @param byChannel persona id by channel id
 * @param byServer persona id by server id
 * @param fallback the deployment's default persona id
 */
public record PersonaDefaults(Map<String, String> byChannel, Map<String, String> byServer, Optional<String> fallback) {
    public static final PersonaDefaults NONE = new PersonaDefaults(Map.of(), Map.of(), Optional.empty());

    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{1,20}");

    public PersonaDefaults {
        byChannel = Map.copyOf(byChannel);
        byServer = Map.copyOf(byServer);
    }

    /**
     * Reads the defaults from their configuration text and checks every persona against the catalog.
     *
     * @param channels {@code GATEWAY_CHANNEL_PERSONAS}: {@code channelId=persona} pairs separated by commas
     * @param servers {@code GATEWAY_SERVER_PERSONAS}: {@code serverId=persona} pairs separated by commas
     * @param fallback {@code GATEWAY_DEFAULT_PERSONA}: one persona id or name
     * @throws IllegalArgumentException naming every entry that is malformed or names an unknown persona
     */
    public static PersonaDefaults parse(
            Optional<String> channels, Optional<String> servers, Optional<String> fallback, PersonaCatalog catalog) {
        List<String> problems = new ArrayList<>();
        Map<String, String> byChannel = pairs("GATEWAY_CHANNEL_PERSONAS", channels, catalog, problems);
        Map<String, String> byServer = pairs("GATEWAY_SERVER_PERSONAS", servers, catalog, problems);
        Optional<String> fallbackId = Optional.empty();
        if (fallback.isPresent() && !fallback.get().isBlank()) {
            fallbackId = persona(fallback.get(), catalog);
            if (fallbackId.isEmpty()) {
                problems.add("GATEWAY_DEFAULT_PERSONA names no persona: '"
                        + fallback.get().trim() + "' (known: " + known(catalog) + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new PersonaDefaults(byChannel, byServer, fallbackId);
    }

    private static Map<String, String> pairs(
            String variable, Optional<String> text, PersonaCatalog catalog, List<String> problems) {
        Map<String, String> result = new LinkedHashMap<>();
        if (text.isEmpty() || text.get().isBlank()) {
            return result;
        }
        for (String entry : text.get().split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            String id = equals < 0 ? "" : trimmed.substring(0, equals).trim();
            String name = equals < 0 ? "" : trimmed.substring(equals + 1).trim();
            if (!SNOWFLAKE.matcher(id).matches() || name.isEmpty()) {
                problems.add(variable + " entry '" + trimmed + "' is not id=persona");
                continue;
            }
            Optional<String> persona = persona(name, catalog);
            if (persona.isEmpty()) {
                problems.add(variable + " entry '" + trimmed + "' names no persona (known: " + known(catalog) + ")");
                continue;
            }
            result.put(id, persona.get());
        }
        return result;
    }

    /** The id of the persona called {@code idOrName}, ignoring case. */
    private static Optional<String> persona(String idOrName, PersonaCatalog catalog) {
        String wanted = idOrName.trim().toLowerCase(Locale.ROOT);
        return catalog.all().stream()
                .filter(p -> p.id().equals(wanted)
                        || p.name().toLowerCase(Locale.ROOT).equals(wanted))
                .map(p -> p.id())
                .findFirst();
    }

    private static String known(PersonaCatalog catalog) {
        return String.join(", ", catalog.all().stream().map(p -> p.id()).toList());
    }
}
