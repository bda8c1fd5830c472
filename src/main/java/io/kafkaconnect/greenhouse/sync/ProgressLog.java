package io.kafkaconnect.greenhouse.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far a long read of one resource is (a backfill, a full or delta pass), told at INFO at most once an interval
 * while it runs: records so far, the share done and the time left where the total is known, and records per
 * second. A read that ends within the interval says nothing here.
 */
public final class ProgressLog {
    private static final Logger log = LoggerFactory.getLogger(ProgressLog.class);

    private final String resource;
    private final Duration interval;
    private final Clock clock;
    private String what;
    private Long expected;
    private long records;
    private Instant started;
    private Instant lastLine;

    /** @param interval at most one line per interval; zero: none */
    public ProgressLog(String resource, Duration interval, Clock clock) {
        this.resource = resource;
        this.interval = interval;
        this.clock = clock;
    }

    /**
     * A read begins.
     *
     * @param what     what is read, for the message, e.g. {@code backfill of [start, 2024-01-01T00:00:00Z)}
     * @param expected about how many records it holds, or null if that is not known
     */
    public void begin(String what, Long expected) {
        this.what = what;
        this.expected = expected;
        this.records = 0;
        this.started = clock.instant();
        this.lastLine = started;
    }

    /** {@code n} more records of the read were handed over; logs a line if one is due. */
    public void sent(int n) {
        if (what == null) {
            return;
        }
        records += n;
        Instant now = clock.instant();
        if (interval.isZero() || Duration.between(lastLine, now).compareTo(interval) < 0) {
            return;
        }
        lastLine = now;
        log.info("{}: {}", resource, line(now));
    }

    /** The read ended. */
    public void end() {
        what = null;
    }

    String line(Instant now) {
        double seconds = Math.max(0.001, Duration.between(started, now).toMillis() / 1000.0);
        double rate = records / seconds;
        StringBuilder line = new StringBuilder(what).append(": ");
        if (expected == null || expected <= 0) {
            line.append(String.format(Locale.ROOT, "%,d records", records));
        } else {
            long total = Math.max(expected, records);
            line.append(String.format(Locale.ROOT, "%,d of about %,d records (%d %%)", records, total, records * 100 / total));
        }
        line.append(String.format(Locale.ROOT, rate < 10 ? ", %.1f records/s" : ", %,.0f records/s", rate));
        if (expected != null && expected > records && rate > 0) {
            line.append(", about ").append(human(Duration.ofSeconds(Math.round((expected - records) / rate))))
                    .append(" left");
        }
        return line.toString();
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60) : s + " s";
    }
}
