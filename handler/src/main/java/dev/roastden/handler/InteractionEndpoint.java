package dev.roastden.handler;

import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.interaction.CommandOptions;
import dev.roastden.core.interaction.Interaction;
import dev.roastden.core.interaction.InteractionIds;
import dev.roastden.core.interaction.InteractionParser;
import dev.roastden.core.interaction.MalformedInteractionException;
import dev.roastden.core.response.InteractionResponse;
import dev.roastden.core.response.ResponseJson;
import dev.roastden.core.signature.SignatureVerifier;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The interactions endpoint, free of Lambda and HTTP server types: bound the request, verify the signature over
 * the raw bytes, parse, check the ids, route, render. Never throws; every outcome is an HTTP answer: 413 for a body
 * over {@link #MAX_BODY_BYTES}, 431 for headers over {@link #MAX_HEADER_BYTES}, 401 for a bad signature, 400 with
 * the reason for a signed body that is not an interaction (whatever the parser trips on), else 200.
 */
public final class InteractionEndpoint {
    static final String SIGNATURE_HEADER = "X-Signature-Ed25519";
    static final String TIMESTAMP_HEADER = "X-Signature-Timestamp";
    /** Discord's interactions are a few kilobytes; a megabyte is generous. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /** Names and values of all headers together. */
    public static final int MAX_HEADER_BYTES = 32 * 1024;

    private final SignatureVerifier verifier;
    private final InteractionParser parser;
    private final InteractionRouter router;
    private final RequestLog log;

    public InteractionEndpoint(SignatureVerifier verifier, InteractionRouter router, RequestLog log) {
        this.verifier = verifier;
        this.parser = new InteractionParser();
        this.router = router;
        this.log = log;
    }

    /** Answers one request. */
    public HttpResponse handle(HttpRequest request) {
        long started = System.nanoTime();
        try {
            return answer(request, started);
        } catch (RuntimeException | StackOverflowError bug) {
            // Nothing a client sends may drop the connection: a bug in reading it is still an answer.
            log.rejected(400, "unreadable request: " + bug.getClass().getSimpleName(), started);
            return HttpResponse.error(400, "The request could not be read as an interaction");
        }
    }

    private HttpResponse answer(HttpRequest request, long started) {
        byte[] body = request.bodyUnsafe();
        if (body.length > MAX_BODY_BYTES) {
            return reject(413, "The body is over " + MAX_BODY_BYTES + " bytes", started);
        }
        if (headerBytes(request.headers()) > MAX_HEADER_BYTES) {
            return reject(431, "The headers are over " + MAX_HEADER_BYTES + " bytes", started);
        }
        if (!verifier.verify(request.header(SIGNATURE_HEADER), request.header(TIMESTAMP_HEADER), body)) {
            return reject(401, "invalid request signature", started);
        }
        Interaction interaction;
        try {
            interaction = parser.parse(body);
            InteractionIds.check(interaction);
        } catch (MalformedInteractionException e) {
            return reject(400, e.getMessage(), started);
        }
        Optional<String> tooLong = tooLong(interaction);
        if (tooLong.isPresent()) {
            log.answered(interaction, "too-long", Optional.empty(), started);
            return HttpResponse.ok(ResponseJson.write(InteractionResponse.ChannelMessage.privately(tooLong.get())));
        }
        InteractionRouter.Routed routed;
        try {
            routed = router.route(interaction);
        } catch (RuntimeException bug) {
            // A signed request that trips a bug still gets a clear, private answer rather than a 5xx.
            log.failed(interaction, bug, started);
            return HttpResponse.ok(ResponseJson.write(InteractionResponse.ChannelMessage.privately(
                    "Something went wrong on our side and nothing was done. Please try again.")));
        }
        log.answered(interaction, routed.outcome(), routed.detail(), started);
        return HttpResponse.ok(ResponseJson.write(routed.response()));
    }

    private HttpResponse reject(int status, String reason, long started) {
        log.rejected(status, reason, started);
        return HttpResponse.error(status, reason);
    }

    private static long headerBytes(Map<String, String> headers) {
        long total = 0;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            total += header.getKey().length() + header.getValue().length() + 4;
        }
        return total;
    }

    /**
     * The catalog's length limits, held for every client (Discord's own client already keeps to them): a command
     * with a text longer than its option allows is refused privately, saying what to do.
     */
    static Optional<String> tooLong(Interaction interaction) {
        if (!(interaction instanceof Interaction.ApplicationCommand command)) {
            return Optional.empty();
        }
        CommandOptions options = command.options();
        for (CommandOptions.OptionValue option : options.values()) {
            OptionalInt limit = CommandCatalog.maxLength(command.commandName(), options.subcommand(), option.name());
            int length = option.value().codePointCount(0, option.value().length());
            if (limit.isPresent() && length > limit.getAsInt()) {
                return Optional.of("The " + option.name() + " can be at most " + limit.getAsInt()
                        + " characters and yours has " + length + ". Shorten it and try again; nothing was done.");
            }
        }
        return Optional.empty();
    }
}
