package io.kafkaconnect.greenhouse.util;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * Polls a task as Connect does, for tests: a poll returns nothing while the task's step runs longer than the poll's
 * bound (a second), and the next poll hands over its records, so a test waits for records rather than for one poll.
 */
public final class TaskPolls {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private TaskPolls() {
    }

    /** The records of the first poll that hands any over; null if none does within 30 s. */
    public static List<SourceRecord> next(SourceTask task) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            List<SourceRecord> records = task.poll();
            if (records != null) {
                return records;
            }
        }
        return null;
    }

    /** Polls until {@code done} holds (at most 30 s); what the polls handed over, in order. */
    public static List<SourceRecord> until(SourceTask task, BooleanSupplier done) throws InterruptedException {
        List<SourceRecord> all = new ArrayList<>();
        long end = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < end) {
            List<SourceRecord> records = task.poll();
            if (records != null) {
                all.addAll(records);
            }
        }
        return all;
    }
}
