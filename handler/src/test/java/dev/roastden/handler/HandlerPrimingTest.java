package dev.roastden.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roastden.core.job.DeferredJobCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandlerPrimingTest {
    @Test
    void primingRunsTheWholePathOnSignedRequestsWithoutAQueue() throws Exception {
        List<String> jobs = HandlerPriming.prime(3);
        // Per round the command, the modal submit and the button got past verification, were routed and serialised.
        assertThat(jobs).hasSize(9);
        assertThat(DeferredJobCodec.read(jobs.get(0)).command()).isEqualTo("ask");
        assertThat(DeferredJobCodec.read(jobs.get(1)).option("custom_id")).contains("rd1:pc:-");
        assertThat(DeferredJobCodec.read(jobs.get(2)).option("custom_id"))
                .contains("rd1:pa:priming:" + DynamoWarmUp.PRIMING_USER + ":1");
    }
}
