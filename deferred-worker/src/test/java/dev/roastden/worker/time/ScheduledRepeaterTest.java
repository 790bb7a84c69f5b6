package dev.roastden.worker.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ScheduledRepeaterTest {

    @Test
    void runsTheTaskAgainAndAgainOnADaemonThreadUntilCancelled() throws InterruptedException {
        CountDownLatch thrice = new CountDownLatch(3);
        CountDownLatch onDaemon = new CountDownLatch(1);
        Repeater.Repetition repetition = new ScheduledRepeater().every(Duration.ofMillis(1), () -> {
            if (Thread.currentThread().isDaemon()) {
                onDaemon.countDown();
            }
            thrice.countDown();
        });
        try {
            assertThat(thrice.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(onDaemon.await(0, TimeUnit.SECONDS)).isTrue();
        } finally {
            repetition.cancel();
            repetition.cancel();
        }
    }
}
