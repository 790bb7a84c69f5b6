package dev.roastden.worker.support;

import dev.roastden.worker.time.Repeater;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A repeater whose periods pass only when a test says so: the first run happens at once, the next on each tick. */
public final class ManualRepeater implements Repeater {
    private final List<Runnable> active = new ArrayList<>();
    private final List<Duration> periods = new ArrayList<>();

    @Override
    public Repetition every(Duration period, Runnable task) {
        synchronized (this) {
            active.add(task);
            periods.add(period);
        }
        task.run();
        return () -> {
            synchronized (this) {
                active.remove(task);
            }
        };
    }

    /** One period passes: every repetition not yet cancelled runs once. */
    public void tick() {
        List<Runnable> due;
        synchronized (this) {
            due = List.copyOf(active);
        }
        due.forEach(Runnable::run);
    }

    /** How many repetitions are still running. */
    public synchronized int running() {
        return active.size();
    }

    /** The periods asked for, in order. */
    public synchronized List<Duration> periods() {
        return List.copyOf(periods);
    }
}
