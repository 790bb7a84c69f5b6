package dev.roastden.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roastden.core.job.DeferredJobCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandlerPrimingTest {
    @Test
    void primingRunsTheWholePathOnSignedRequestsWithoutAQueue() throws Exception {
        List<String> jobs = HandlerPriming.prime(3);
        // One command per round got past verification, was routed and serialised as a job.
        assertThat(jobs).hasSize(3);
        assertThat(DeferredJobCodec.read(jobs.get(0)).command()).isEqualTo("ask");
    }
}
