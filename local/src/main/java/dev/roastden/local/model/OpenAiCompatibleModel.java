package dev.roastden.local.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.json.Json;
import dev.roastden.core.model.ModelException;
import dev.roastden.core.model.ModelReply;
import dev.roastden.core.model.ModelRequest;
import dev.roastden.core.model.PersonaModel;
import dev.roastden.core.prompt.Prompt;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * A model behind an OpenAI-compatible chat-completions endpoint, such as a local Ollama
 * ({@code http://127.0.0.1:11434/v1}) or llama.cpp server.
 */
public final class OpenAiCompatibleModel implements PersonaModel {
    private final HttpClient http;
    private final URI completions;
    private final String model;
    private final Optional<String> apiKey;

    public OpenAiCompatibleModel(HttpClient http, String baseUrl, String model, Optional<String> apiKey) {
        this.http = http;
        this.completions = URI.create(baseUrl.replaceAll("/+$", "") + "/chat/completions");
        this.model = model;
        this.apiKey = apiKey;
    }

    @Override
    public ModelReply generate(ModelRequest request) throws ModelException {
        Prompt prompt = request.prompt();
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("model", model);
        body.put("max_tokens", request.maxTokens());
        ArrayNode messages = body.putArray("messages");
        String system = prompt.context().isBlank() ? prompt.system() : prompt.system() + "\n\n" + prompt.context();
        messages.addObject().put("role", "system").put("content", system);
        String user =
                prompt.userData().isBlank() ? prompt.instruction() : prompt.instruction() + "\n\n" + prompt.userData();
        messages.addObject().put("role", "user").put("content", user);
        HttpRequest.Builder builder = HttpRequest.newBuilder(completions)
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        apiKey.ifPresent(key -> builder.header("Authorization", "Bearer " + key));
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ModelException(
                    ModelException.Kind.TRANSIENT, "The model endpoint " + completions + " is unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException(ModelException.Kind.TRANSIENT, "Interrupted", e);
        }
        int status = response.statusCode();
        if (status == 429) {
            throw new ModelException(ModelException.Kind.THROTTLED, "The model endpoint is rate limiting");
        }
        if (status >= 500) {
            throw new ModelException(ModelException.Kind.TRANSIENT, "The model endpoint answered " + status);
        }
        if (status >= 400) {
            throw new ModelException(
                    ModelException.Kind.PERMANENT, "The model endpoint refused the request: " + status);
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new ModelException(
                    ModelException.Kind.TRANSIENT, "The model endpoint answered with something that is not JSON", e);
        }
        String text = root.path("choices")
                .path(0)
                .path("message")
                .path("content")
                .asText("")
                .trim();
        if (text.isEmpty()) {
            throw new ModelException(ModelException.Kind.TRANSIENT, "The model returned no text");
        }
        return new ModelReply(
                text,
                root.path("usage").path("prompt_tokens").asInt(0),
                root.path("usage").path("completion_tokens").asInt(0),
                false);
    }

    @Override
    public String label() {
        return "OpenAI-compatible endpoint " + completions + " (" + model + ")";
    }
}
