package dev.roastden.emulators.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roastden.emulators.http.HttpExchanges;
import dev.roastden.emulators.http.MultipartForm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request to the emulated API, read and checked the way Discord checks it before doing anything: the
 * User-Agent, the content type, a JSON body or a multipart body ({@code payload_json} plus {@code files[n]}) against
 * the operation's schema in the official spec, and the query of a message list. What is wrong goes into {@link
 * RecordedRequest#problems()}; the uploaded files come along by index.
 *
 * @param files the {@code files[n]} parts of a multipart body, by n
 */
record IncomingRequest(RecordedRequest request, Map<Integer, MultipartForm.Part> files) {
    static final Pattern USER_AGENT = Pattern.compile("^DiscordBot \\(\\S+, [^)\\s]+\\).*");

    /** The routes that take multipart bodies with files, as Discord's spec lists them. */
    private static final Set<String> MULTIPART_ROUTES = Set.of(
            DiscordEmulator.PATCH_ORIGINAL,
            DiscordEmulator.EXECUTE_WEBHOOK,
            DiscordEmulator.PATCH_MESSAGE,
            DiscordEmulator.CREATE_MESSAGE);

    private static final Pattern FILE_PART = Pattern.compile("files\\[(\\d)]");
    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{1,20}");

    IncomingRequest {
        files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** Reads a request to {@code path} (below {@code /api/v10}). */
    static IncomingRequest read(
            DiscordSpec spec,
            ObjectMapper mapper,
            String method,
            String path,
            String query,
            Map<String, String> headers,
            byte[] raw,
            Instant at) {
        Optional<DiscordSpec.Match> match = spec.match(method, path);
        List<String> problems = new ArrayList<>();
        String ua = headers.get("user-agent");
        if (ua == null || !USER_AGENT.matcher(ua).matches()) {
            problems.add("User-Agent must look like 'DiscordBot ($url, $versionNumber)', was '" + ua + "'");
        }
        String operationId = match.map(DiscordSpec.Match::operationId).orElse("unknown");
        String contentType = headers.getOrDefault("content-type", "");
        String body;
        JsonNode json = null;
        Map<Integer, MultipartForm.Part> files = new TreeMap<>();
        if (raw.length > 0 && MultipartForm.isMultipart(contentType)) {
            if (!MULTIPART_ROUTES.contains(operationId)) {
                problems.add("Content-Type must be application/json, was '" + contentType + "'");
            }
            Optional<MultipartForm.Part> payload = multipart(contentType, raw, files, problems);
            body = payload.map(MultipartForm.Part::text).orElse("");
            json = payload.flatMap(p -> readJson(mapper, p.text(), problems)).orElse(null);
            if (json != null) {
                problems.addAll(MessageFactory.attachmentProblems(json, files.keySet()));
            }
        } else {
            body = new String(raw, StandardCharsets.UTF_8);
            if (!body.isEmpty()) {
                if (!contentType.startsWith("application/json")) {
                    problems.add("Content-Type must be application/json, was '" + contentType + "'");
                }
                json = readJson(mapper, body, problems).orElse(null);
            }
        }
        if (match.isPresent() && json != null) {
            problems.addAll(spec.validateRequest(match.get(), MessageFactory.asSpecWrites(json)));
        }
        if (operationId.equals(DiscordEmulator.LIST_MESSAGES)) {
            problems.addAll(listQueryProblems(HttpExchanges.query(query)));
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (match.isPresent()) {
            for (String name : List.of(
                    "webhook_id",
                    "webhook_token",
                    "message_id",
                    "channel_id",
                    "application_id",
                    "guild_id",
                    "command_id")) {
                String value = match.get().param(name);
                if (value != null) {
                    params.put(name, value);
                }
            }
        }
        RecordedRequest request = new RecordedRequest(
                method, path, query, operationId, params, headers, body, Optional.ofNullable(json), problems, 0, at);
        return new IncomingRequest(request, files);
    }

    /** The parts of a multipart body: {@code files[n]} into {@code files}, and the {@code payload_json} part. */
    private static Optional<MultipartForm.Part> multipart(
            String contentType, byte[] raw, Map<Integer, MultipartForm.Part> files, List<String> problems) {
        List<MultipartForm.Part> parts;
        try {
            parts = MultipartForm.parse(contentType, raw);
        } catch (MultipartForm.MalformedException e) {
            problems.add("The multipart body is malformed: " + e.getMessage());
            return Optional.empty();
        }
        Optional<MultipartForm.Part> payload = Optional.empty();
        for (MultipartForm.Part part : parts) {
            Matcher file = FILE_PART.matcher(part.name());
            if (part.name().equals("payload_json")) {
                if (payload.isPresent()) {
                    problems.add("payload_json appears twice");
                }
                payload = Optional.of(part);
            } else if (file.matches()) {
                int index = Integer.parseInt(file.group(1));
                if (part.filename().filter(f -> !f.isBlank()).isEmpty()) {
                    problems.add(part.name() + " has no filename");
                }
                if (files.put(index, part) != null) {
                    problems.add(part.name() + " appears twice");
                }
            } else {
                problems.add("unknown form field '" + part.name() + "': send payload_json and files[0] to files[9]");
            }
        }
        if (payload.isEmpty()) {
            problems.add("a multipart body needs a payload_json part");
        }
        return payload;
    }

    private static Optional<JsonNode> readJson(ObjectMapper mapper, String text, List<String> problems) {
        try {
            return Optional.of(mapper.readTree(text));
        } catch (IOException notJson) {
            problems.add("The body is not JSON");
            return Optional.empty();
        }
    }

    private static List<String> listQueryProblems(Map<String, String> query) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : query.entrySet()) {
            switch (e.getKey()) {
                case "around", "before", "after" -> {
                    if (!SNOWFLAKE.matcher(e.getValue()).matches()) {
                        problems.add("query " + e.getKey() + " must be a snowflake, was '" + e.getValue() + "'");
                    }
                }
                case "limit" -> {
                    if (!e.getValue().matches("\\d{1,3}")
                            || Integer.parseInt(e.getValue()) < 1
                            || Integer.parseInt(e.getValue()) > 100) {
                        problems.add("query limit must be an integer from 1 to 100, was '" + e.getValue() + "'");
                    }
                }
                default -> problems.add("unknown query parameter '" + e.getKey() + "'");
            }
        }
        if (query.keySet().stream().filter(k -> !k.equals("limit")).count() > 1) {
            problems.add("around, before and after are mutually exclusive");
        }
        return problems;
    }
}
