package dev.roastden.worker.reply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.json.Json;

/**
 * Renders a {@link Reply} as the JSON body of a Discord message edit or create. Mentions are explicit: only the
 * reply's ping users can be pinged, nobody else, whatever the text says. Text that does not fit Discord's 2000
 * character content goes to an embed (4096 characters); beyond that it is cut with an ellipsis. Buttons become action
 * rows of at most five; {@code components} is always sent, so an edit also clears buttons a reply no longer has.
 */
public final class MessageRenderer {
    /** Discord's limit on message content. */
    public static final int MAX_CONTENT = 2000;
    /** Discord's limit on an embed description. */
    public static final int MAX_EMBED_DESCRIPTION = 4096;
    /** Discord's limit on an embed author name. */
    public static final int MAX_AUTHOR_NAME = 256;
    /** Buttons in one action row. */
    public static final int BUTTONS_PER_ROW = 5;

    private static final int ACTION_ROW = 1;
    private static final int BUTTON = 2;
    private static final int STRING_SELECT = 3;
    private static final int MAX_PLACEHOLDER = 150;
    private static final int MAX_OPTION_TEXT = 100;

    private static final int ERROR_COLOUR = 0xE67E22;
    private static final int PERSONA_COLOUR = 0x5865F2;

    private MessageRenderer() {}

    /** The body for editing an interaction's original response (no flags: they cannot change after deferral). */
    public static ObjectNode render(Reply reply) {
        ObjectNode body = Json.mapper().createObjectNode();
        String pings = pingLine(reply);
        String header =
                reply.speaker().map(s -> "**" + escapeMarkdown(s) + "**").orElse("");
        String firstLine = join(header, pings, " → ");
        String full = join(firstLine, reply.text(), "\n");
        ArrayNode embeds = body.putArray("embeds");
        if (full.length() <= MAX_CONTENT) {
            body.put("content", full);
        } else {
            body.put("content", pings.isEmpty() ? "" : pings);
            ObjectNode embed = embeds.addObject();
            reply.speaker().ifPresent(name -> {
                ObjectNode author = embed.putObject("author");
                author.put("name", cut(name, MAX_AUTHOR_NAME));
                reply.avatarUrl().ifPresent(url -> author.put("icon_url", url));
            });
            embed.put("description", cut(reply.text(), MAX_EMBED_DESCRIPTION));
            embed.put("color", reply.kind() == Reply.Kind.ERROR ? ERROR_COLOUR : PERSONA_COLOUR);
        }
        ArrayNode rows = body.putArray("components");
        ArrayNode row = null;
        for (int i = 0; i < reply.buttons().size(); i++) {
            if (i % BUTTONS_PER_ROW == 0) {
                ObjectNode actionRow = rows.addObject();
                actionRow.put("type", ACTION_ROW);
                row = actionRow.putArray("components");
            }
            Reply.Button button = reply.buttons().get(i);
            ObjectNode b = row.addObject();
            b.put("type", BUTTON);
            b.put("style", button.style().wire());
            b.put("label", button.label());
            b.put("custom_id", button.customId());
            button.emoji().ifPresent(e -> b.putObject("emoji").put("name", e));
            b.put("disabled", button.disabled());
        }
        reply.select().ifPresent(menu -> {
            ObjectNode actionRow = rows.addObject();
            actionRow.put("type", ACTION_ROW);
            ObjectNode select = actionRow.putArray("components").addObject();
            select.put("type", STRING_SELECT);
            select.put("custom_id", menu.customId());
            select.put("placeholder", cut(menu.placeholder(), MAX_PLACEHOLDER));
            select.put("min_values", 1);
            select.put("max_values", 1);
            ArrayNode options = select.putArray("options");
            for (Reply.Select.Choice choice : menu.options()) {
                ObjectNode option = options.addObject();
                option.put("label", cut(choice.label(), MAX_OPTION_TEXT));
                option.put("value", choice.value());
                choice.description().ifPresent(d -> option.put("description", cut(d, MAX_OPTION_TEXT)));
            }
        });
        ObjectNode allowed = body.putObject("allowed_mentions");
        allowed.putArray("parse");
        if (!reply.pingUserIds().isEmpty()) {
            ArrayNode users = allowed.putArray("users");
            reply.pingUserIds().stream().distinct().limit(100).forEach(users::add);
        }
        // Sent as files[0] of a multipart body; an edit that lists no attachments would keep none.
        reply.file().ifPresent(file -> {
            ObjectNode attachment = body.putArray("attachments").addObject();
            attachment.put("id", 0);
            attachment.put("filename", file.filename());
        });
        return body;
    }

    /** Whether a message Discord returned shows what {@link #render(Reply)} would send. */
    public static boolean shows(JsonNode message, Reply reply) {
        ObjectNode expected = render(reply);
        if (!message.path("content").asText("").equals(expected.path("content").asText(""))) {
            return false;
        }
        JsonNode embeds = message.path("embeds");
        JsonNode wanted = expected.path("embeds");
        if (embeds.size() != wanted.size()) {
            return false;
        }
        for (int i = 0; i < wanted.size(); i++) {
            if (!embeds.get(i)
                    .path("description")
                    .asText("")
                    .equals(wanted.get(i).path("description").asText(""))) {
                return false;
            }
        }
        if (reply.file().isPresent()) {
            String filename = reply.file().get().filename();
            boolean attached = false;
            for (JsonNode attachment : message.path("attachments")) {
                attached |= attachment.path("filename").asText("").equals(filename);
            }
            return attached;
        }
        return true;
    }

    /** {@code text} cut to at most {@code max} characters, ending with an ellipsis when cut. */
    public static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    private static String pingLine(Reply reply) {
        StringBuilder out = new StringBuilder();
        for (String id : reply.pingUserIds()) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append("<@").append(id).append('>');
        }
        return out.toString();
    }

    private static String join(String a, String b, String separator) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return a + separator + b;
    }

    private static String escapeMarkdown(String text) {
        return text.replace("*", "\\*").replace("_", "\\_").replace("`", "\\`");
    }
}
