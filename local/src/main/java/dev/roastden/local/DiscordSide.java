package dev.roastden.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.json.Json;
import dev.roastden.core.signature.SignatureVerifier;
import dev.roastden.emulators.discord.DiscordEmulator;
import dev.roastden.handler.HttpRequest;
import dev.roastden.handler.HttpResponse;
import java.util.Optional;
import java.util.function.Function;

/**
 * Discord's side of every request to the local endpoint: whoever signed it (the playground, a script, curl with a
 * sample event), an interaction that verifies under the endpoint's key is what Discord would have sent, so the
 * emulated Discord learns it before the endpoint sees it and learns the endpoint's in-line answer after. That is
 * what makes the worker's later webhook calls for its token land, exactly as they would in Discord. A request that
 * does not verify is not an interaction Discord sent and is left to the endpoint to refuse.
 */
final class DiscordSide {
    private final SignatureVerifier verifier;
    private final Optional<DiscordEmulator> discord;

    DiscordSide(SignatureVerifier verifier, Optional<DiscordEmulator> discord) {
        this.verifier = verifier;
        this.discord = discord;
    }

    /** Passes {@code request} to {@code endpoint}, telling the emulated Discord what was sent and answered. */
    HttpResponse deliver(HttpRequest request, Function<HttpRequest, HttpResponse> endpoint) {
        Optional<String> token = received(request);
        HttpResponse response = endpoint.apply(request);
        token.ifPresent(t -> answered(t, response.statusCode(), response.body()));
        return response;
    }

    /** Registers the interaction when it verifies; its token, to report the answer with. */
    Optional<String> received(HttpRequest request) {
        if (discord.isEmpty()) {
            return Optional.empty();
        }
        byte[] body = request.body();
        if (!verifier.verify(request.header("X-Signature-Ed25519"), request.header("X-Signature-Timestamp"), body)) {
            return Optional.empty();
        }
        JsonNode interaction;
        try {
            interaction = Json.mapper().readTree(body);
        } catch (java.io.IOException notJson) {
            return Optional.empty();
        }
        if (interaction == null
                || !interaction.isObject()
                || interaction.path("token").asText("").isEmpty()) {
            return Optional.empty();
        }
        discord.get().receiveInteraction(interaction);
        return Optional.of(interaction.path("token").asText());
    }

    /** Reports the endpoint's answer for an interaction {@link #received} returned a token for. */
    void answered(String token, int status, String body) {
        discord.ifPresent(d -> d.interactionAnswered(token, status, body));
    }
}
