package dev.roastden.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.core.signature.SignatureVerifier;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.crac.Context;
import org.crac.Resource;
import org.junit.jupiter.api.Test;

/**
 * The CRaC runtime keeps registered resources only through weak references, so the handler itself must hold its
 * priming: otherwise a garbage collection between init and the snapshot drops it and the snapshot is unprimed.
 */
class HandlerPrimingReachabilityTest {
    /** A context that, like the runtime's, holds what is registered weakly. */
    static final class WeakContext extends Context<Resource> {
        final List<WeakReference<Resource>> registered = new ArrayList<>();

        @Override
        public void register(Resource resource) {
            registered.add(new WeakReference<>(resource));
        }

        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {}

        @Override
        public void afterRestore(Context<? extends Resource> context) {}
    }

    @Test
    void thePrimingSurvivesACollectionWhileTheHandlerLives() {
        WeakContext checkpoints = new WeakContext();
        TestSigner signer = new TestSigner();
        FakePersonaReads reads = new FakePersonaReads();
        InteractionEndpoint endpoint = new InteractionEndpoint(
                SignatureVerifier.fromHex(signer.publicKeyHex()),
                new InteractionRouter(new RecordingQueue(), PersonaCatalog.fromClasspath(), reads),
                RequestLog.silent());
        HandlerConfig config = new HandlerConfig(
                signer.publicKeyHex(), "http://127.0.0.1:1/queue/jobs", "us-east-1", java.util.Optional.empty());
        InteractionsHandler handler = new InteractionsHandler(
                new HandlerWiring.Wired(endpoint, new HandlerPriming(config, reads), reads), checkpoints);
        assertThat(checkpoints.registered).hasSize(1);
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        assertThat(checkpoints.registered.get(0).get()).isNotNull();
        assertThat(handler.priming())
                .containsSame((HandlerPriming) checkpoints.registered.get(0).get());
    }
}
