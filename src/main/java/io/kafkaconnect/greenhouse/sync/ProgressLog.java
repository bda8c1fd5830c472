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
 * second. A read that ends within the interval says nothing here. The same numbers are the task's progress metrics
 * ({@link #now()}, read from another thread: the fields are volatile, written by the sync's thread only).
 */
public final class ProgressLog {
    private static final Logger log = LoggerFactory.getLogger(ProgressLog.class);

    private final String resource;
    private final Duration interval;
    private final Clock clock;
    private volatile String what;
    private volatile Long expected;
    private volatile long records;
    private volatile long pages;
    private volatile Instant started;
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
        this.pages = 0;
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

    /** A page of the read was read (its records are told by {@link #sent}); nothing while no read is under way. */
    public void pageRead() {
        if (what != null) {
            pages++;
        }
    }

    /** The read ended. */
    public void end() {
        what = null;
    }

    /**
     * How far the read under way is.
     *
     * @param records    records handed over so far
     * @param pages      pages read so far
     * @param total      about how many it holds (never fewer than {@code records}), or null if not known
     * @param perSecond  records per second since it began
     * @param secondsLeft about how long is left at that rate, or null if not known
     */
    public record Progress(long records, long pages, Long total, double perSecond, Long secondsLeft) {

        /** The share done (0 to 1), or null if the total is not known. */
        public Double shareDone() {
            return total == null ? null : (double) records / total;
        }
    }

    /** How far the read under way is at {@code now}, or null if none is. */
    public Progress at(Instant now) {
        String reading = what;
        Instant since = started;
        if (reading == null || since == null) {
            return null;
        }
        long done = records;
        Long about = expected;
        double rate = done / Math.max(0.001, Duration.between(since, now).toMillis() / 1000.0);
        Long total = about == null || about <= 0 ? null : Math.max(about, done);
        Long left = about != null && about > done && rate > 0 ? Math.round((about - done) / rate) : null;
        return new Progress(done, pages, total, rate, left);
    }

    /** How far the read under way is now, or null if none is. */
    public Progress now() {
        return at(clock.instant());
    }

    String line(Instant now) {
        Progress p = at(now);
        StringBuilder line = new StringBuilder(what).append(": ");
        if (p.total() == null) {
            line.append(String.format(Locale.ROOT, "%,d records", p.records()));
        } else {
            line.append(String.format(Locale.ROOT, "%,d of about %,d records (%d %%)", p.records(), p.total(),
                    p.records() * 100 / p.total()));
        }
        line.append(String.format(Locale.ROOT, p.perSecond() < 10 ? ", %.1f records/s" : ", %,.0f records/s",
                p.perSecond()));
        if (p.secondsLeft() != null) {
            line.append(", about ").append(human(Duration.ofSeconds(p.secondsLeft()))).append(" left");
        }
        return line.toString();
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60) : s + " s";
    }
}
