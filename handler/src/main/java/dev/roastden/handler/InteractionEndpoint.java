package dev.roastden.handler;

import dev.roastden.core.interaction.Interaction;
import dev.roastden.core.interaction.InteractionParser;
import dev.roastden.core.interaction.MalformedInteractionException;
import dev.roastden.core.response.InteractionResponse;
import dev.roastden.core.response.ResponseJson;
import dev.roastden.core.signature.SignatureVerifier;

/**
 * The interactions endpoint, free of Lambda and HTTP server types: verify the signature over the raw bytes, parse,
 * route, render. Never throws; every outcome is an HTTP answer.
 */
public final class InteractionEndpoint {
    static final String SIGNATURE_HEADER = "X-Signature-Ed25519";
    static final String TIMESTAMP_HEADER = "X-Signature-Timestamp";

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
        byte[] body = request.bodyUnsafe();
        if (!verifier.verify(request.header(SIGNATURE_HEADER), request.header(TIMESTAMP_HEADER), body)) {
            log.rejected(401, "invalid request signature", started);
            return HttpResponse.error(401, "invalid request signature");
        }
        Interaction interaction;
        try {
            interaction = parser.parse(body);
        } catch (MalformedInteractionException e) {
            log.rejected(400, e.getMessage(), started);
            return HttpResponse.error(400, e.getMessage());
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
}
