package dev.roastden.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import org.crac.Core;

/**
 * The Lambda behind Discord's Interactions Endpoint URL (API Gateway HTTP API, payload format 2.0).
 *
 * <p>Thin by design: read the event, hand the request to {@link InteractionEndpoint}, write the answer. All wiring
 * is in {@link HandlerWiring}.
 */
public final class InteractionsHandler implements RequestStreamHandler {
    private final InteractionEndpoint endpoint;
    /**
     * Held here because the CRaC runtime holds registered resources only weakly: a priming nobody references can be
     * collected before the snapshot, and the snapshot is then taken unprimed.
     */
    private final Optional<HandlerPriming> priming;

    /** Used by Lambda: configured from the environment and primed for SnapStart. */
    public InteractionsHandler() {
        this(HandlerWiring.fromEnvironment(), Core.getGlobalContext());
    }

    /** A wired handler whose priming is registered for the snapshot of {@code checkpoints}. */
    InteractionsHandler(HandlerWiring.Wired wired, org.crac.Context<org.crac.Resource> checkpoints) {
        this.endpoint = wired.endpoint();
        this.priming = Optional.of(wired.priming());
        checkpoints.register(wired.priming());
    }

    /** Used by tests and the local server. */
    public InteractionsHandler(InteractionEndpoint endpoint) {
        this.endpoint = endpoint;
        this.priming = Optional.empty();
    }

    /** The priming resource registered for the snapshot, held strongly; empty for tests and the local server. */
    Optional<HandlerPriming> priming() {
        return priming;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Optional<HttpRequest> request = HttpApiEvents.read(input);
        HttpResponse response = request.map(endpoint::handle)
                .orElseGet(() -> HttpResponse.error(400, "not an HTTP API event with a readable body"));
        output.write(HttpApiEvents.write(response));
    }
}
