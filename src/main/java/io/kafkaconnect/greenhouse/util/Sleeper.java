package io.kafkaconnect.greenhouse.util;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Waits that end early when the owner stops, so a task's stop() never waits out a back-off. Not final: a test may
 * let its waits pass on a fake clock.
 */
public class Sleeper {
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** Sleeps for the duration; returns false (at once) if stopped before or during the wait. */
    public boolean sleep(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return !isStopped();
        }
        try {
            return !stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public void stop() {
        stopped.countDown();
    }

    public boolean isStopped() {
        return stopped.getCount() == 0;
    }
}
