package dev.roastden.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.roastden.core.command.ApplicationCommandJson;
import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.json.Json;
import dev.roastden.core.persona.Persona;
import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.emulators.discord.DiscordEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The playground page and its small API. A person picks who they are and a command; the server builds the
 * interaction Discord would send, signs it with the development key and posts it to the real {@code /interactions}
 * endpoint over HTTP; the page then watches the emulated Discord message turn from "thinking…" into the reply.
 */
final class Playground {
    private static final Map<String, String> STATIC_FILES = Map.of(
            "/", "playground/index.html",
            "/playground/app.js", "playground/app.js",
            "/playground/style.css", "playground/style.css");

    /** Discord's limit on a message's content. */
    static final int MAX_MESSAGE_LENGTH = 2000;
    /** The playground's requests are a few options; anything larger is not one. */
    static final int MAX_REQUEST_BYTES = 64 * 1024;

    private final DiscordEmulator discord;
    private final PersonaCatalog personas;
    private final String modelDescription;
    private final PlaygroundActions actions;
    private final ChannelMessages channelMessages;

    /** Where channel messages that mention the bot go (the local stand-in for the gateway task). */
    interface ChannelMessages {
        /** Handles a message a member wrote in the channel; returns a short note for the page. */
        String post(DiscordUser author, String content);
    }

    Playground(
            DiscordEmulator discord,
            PersonaCatalog personas,
            byte[] signingSeed,
            URI interactionsUrl,
            String modelDescription,
            Clock clock,
            ChannelMessages channelMessages) {
        this.discord = discord;
        this.personas = personas;
        this.modelDescription = modelDescription;
        this.actions = new PlaygroundActions(
                discord, new PlaygroundInteractions(clock), new SignedPoster(signingSeed, interactionsUrl, clock));
        this.channelMessages = channelMessages;
    }

    void register(HttpServer server) {
        PlaygroundGuard guard = new PlaygroundGuard();
        server.createContext("/", this::staticFile).getFilters().add(guard);
        server.createContext("/playground/api/setup", exchange -> json(exchange, 200, setup()))
                .getFilters()
                .add(guard);
        server.createContext("/playground/api/command", exchange -> handle(exchange, actions::command))
                .getFilters()
                .add(guard);
        server.createContext("/playground/api/autocomplete", exchange -> handle(exchange, actions::autocomplete))
                .getFilters()
                .add(guard);
        server.createContext("/playground/api/component", exchange -> handle(exchange, actions::click))
                .getFilters()
                .add(guard);
        server.createContext("/playground/api/modal", exchange -> handle(exchange, actions::submitModal))
                .getFilters()
                .add(guard);
        server.createContext("/playground/api/context", exchange -> handle(exchange, actions::contextCommand))
                .getFilters()
                .add(guard);
        server.createContext("/playground/api/pick", exchange -> handle(exchange, actions::pick))
                .getFilters()
                .add(guard);
        server.createContext("/playground/api/messages", exchange -> json(exchange, 200, actions.messages()))
                .getFilters()
                .add(guard);
        server.createContext(
                        "/playground/api/original",
                        exchange -> json(exchange, 200, actions.original(query(exchange, "token"))))
                .getFilters()
                .add(guard);
        server.createContext("/playground/api/channel", exchange -> {
                    if ("POST".equals(exchange.getRequestMethod())) {
                        handle(exchange, this::channelMessage);
                    } else {
                        json(exchange, 200, channel());
                    }
                })
                .getFilters()
                .add(guard);
    }

    private ObjectNode setup() {
        ObjectNode root = Json.mapper().createObjectNode();
        ArrayNode members = root.putArray("members");
        for (DiscordUser member : SampleMembers.all()) {
            ObjectNode node = members.addObject();
            node.put("id", member.id());
            node.put("name", member.displayName());
            node.put("manager", member.canManageServer());
            personas.ofHigherSelf(member.id()).ifPresent(p -> node.put("higher_self_of", p.name()));
        }
        ArrayNode personaNodes = root.putArray("personas");
        for (Persona persona : personas.all()) {
            personaNodes
                    .addObject()
                    .put("id", persona.id())
                    .put("name", persona.name())
                    .put("tagline", persona.tagline());
        }
        root.set("commands", ApplicationCommandJson.catalog());
        root.put("model", modelDescription);
        root.put("bot_name", LocalMentions.BOT.displayName());
        return root;
    }

    private ObjectNode channelMessage(JsonNode request) {
        DiscordUser author = PlaygroundActions.member(request);
        String content = request.path("content").asText("");
        if (content.codePointCount(0, content.length()) > MAX_MESSAGE_LENGTH) {
            throw new IllegalArgumentException("A message can be at most " + MAX_MESSAGE_LENGTH + " characters");
        }
        String note = channelMessages.post(author, content);
        return Json.mapper().createObjectNode().put("note", note);
    }

    private ObjectNode channel() {
        ObjectNode out = Json.mapper().createObjectNode();
        ArrayNode messages = out.putArray("messages");
        discord.channelMessages(SampleMembers.CHANNEL_ID).forEach(messages::add);
        return out;
    }

    /** Turns "@Riley" into Riley's mention, as Discord's client does when a member picks someone in a text option. */
    static String mentions(String text) {
        String out = text;
        for (DiscordUser member : SampleMembers.all()) {
            out = out.replace("@" + member.displayName(), "<@" + member.id() + ">");
        }
        return out;
    }

    private static String query(HttpExchange exchange, String name) {
        return dev.roastden.emulators.http.HttpExchanges.query(
                        Optional.ofNullable(exchange.getRequestURI().getRawQuery())
                                .orElse(""))
                .getOrDefault(name, "");
    }

    private interface Action {
        ObjectNode apply(JsonNode request) throws IOException, GeneralSecurityException;
    }

    private void handle(HttpExchange exchange, Action action) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            json(exchange, 405, error("POST only"));
            return;
        }
        JsonNode request;
        Optional<byte[]> body = LocalHttp.body(exchange, MAX_REQUEST_BYTES);
        if (body.isEmpty()) {
            json(exchange, 413, error("The request is over " + MAX_REQUEST_BYTES + " bytes"));
            return;
        }
        try {
            request = Json.mapper().readTree(body.get());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            json(exchange, 400, error("The request is not JSON"));
            return;
        }
        try {
            json(exchange, 200, action.apply(request == null ? Json.mapper().createObjectNode() : request));
        } catch (IllegalArgumentException e) {
            json(exchange, 400, error(e.getMessage()));
        } catch (IOException | GeneralSecurityException e) {
            json(
                    exchange,
                    502,
                    error("The endpoint did not answer: " + e.getClass().getSimpleName()));
        }
    }

    private void staticFile(HttpExchange exchange) throws IOException {
        String resource = STATIC_FILES.get(exchange.getRequestURI().getPath());
        if (resource == null) {
            json(exchange, 404, error("Not found"));
            return;
        }
        byte[] body;
        try (InputStream in = Playground.class.getClassLoader().getResourceAsStream(resource)) {
            body = in.readAllBytes();
        }
        String type =
                resource.endsWith(".js") ? "text/javascript" : resource.endsWith(".css") ? "text/css" : "text/html";
        exchange.getResponseHeaders().put("Content-Type", List.of(type + "; charset=utf-8"));
        exchange.getResponseHeaders().put("Cache-Control", List.of("no-store"));
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static ObjectNode error(String message) {
        return Json.mapper().createObjectNode().put("error", message);
    }

    private static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().put("Content-Type", List.of("application/json"));
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
