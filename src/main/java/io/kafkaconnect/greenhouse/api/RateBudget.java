package io.kafkaconnect.greenhouse.api;

import io.kafkaconnect.greenhouse.util.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request budget of one credential, shared by every task of this JVM that uses it. It learns the limit
 * from {@code X-RateLimit-Limit}, paces requests evenly at a share of it ({@code fraction} of the limit per
 * window, with a small margin; faster where a window has more left than that pace would spend before it
 * resets, so that a quiet spell does not waste it), never lets more requests start than
 * {@code X-RateLimit-Remaining} allows (less the requests in flight that started after the one answered: those
 * the server had not counted yet), waits for {@code X-RateLimit-Reset} when a window is spent, and after a 429
 * blocks everyone for {@code Retry-After} or until the window resets, whichever is sooner. Reset times are converted to our clock
 * with the closest difference between the clocks that the {@code Date} headers have shown. Tasks on other
 * workers share the credential too, each worker with its own budget: each paces at the share of the connector's
 * tasks it runs ({@link #join}), so that together they keep to the pace, and the headers show each what the
 * others have spent.
 */
public final class RateBudget {
    private static final Logger log = LoggerFactory.getLogger(RateBudget.class);
    private static final Map<String, RateBudget> SHARED = new ConcurrentHashMap<>();
    /**
     * Pace a little under the limit: a request may reach the server a little later than it starts, and a few
     * of them crowding into one window would cost a 429. (Remaining keeps a window from being overdrawn once
     * its first answers are back.)
     */
    private static final double PACING_MARGIN = 0.99;

    private final Clock clock;
    private Duration window;
    private volatile double fraction;
    private Integer limit;
    /** The limit is the API's documented one, not announced by a header: a 429 proves it too high. */
    private boolean limitAssumed;
    private Integer remaining;
    private Instant windowResetsAt;
    private Instant lastReset;
    private Instant blockedUntil = Instant.MIN;
    private Instant nextSlot = Instant.MIN;
    private int inFlight;
    /** The shares of the connector's tasks that run here ({@link #join}); none: this worker paces alone. */
    private final List<Share> shares = new ArrayList<>();
    /** When the requests in flight started: start → how many. */
    private final TreeMap<Instant, Integer> startedAt = new TreeMap<>();
    /**
     * The server's clock minus ours, as closely as its {@code Date} headers tell: each one is truncated to the
     * second, so each says at most the true difference, and the largest seen is the closest (null before any).
     */
    private Duration skew;

    RateBudget(Clock clock, Duration window, double fraction) {
        this.clock = clock;
        this.window = window;
        this.fraction = fraction;
    }

    /**
     * The one budget of a credential in this JVM.
     *
     * @param window   the API's rate-limit window (v1: 10 s, v3: 30 s), used to pace requests evenly
     * @param fraction the share of the limit this connector may use, in (0, 1]
     */
    public static RateBudget shared(String budgetKey, Clock clock, Duration window, double fraction) {
        RateBudget budget = SHARED.computeIfAbsent(budgetKey, k -> new RateBudget(clock, window, fraction));
        budget.fraction = Math.min(budget.fraction, fraction); // the most modest configuration wins
        return budget;
    }

    /**
     * Waits until a request may start and counts it as in flight; pair with {@link #release(Instant)}.
     *
     * @return when the request started, or null if the sleeper was stopped meanwhile (then nothing is counted)
     */
    public Instant acquire(Sleeper sleeper) {
        while (true) {
            Instant now = clock.instant();
            Duration wait = reserveAt(now);
            if (wait.isZero()) {
                return now;
            }
            if (wait.compareTo(Duration.ofSeconds(1)) > 0) {
                log.info("Rate budget: waiting {} ms before the next request", wait.toMillis());
            }
            if (!sleeper.sleep(wait)) {
                return null;
            }
        }
    }

    /**
     * One task of a connector with {@code taskCount} tasks uses this budget from now until the share is closed.
     * The connector's tasks may run on several workers, each with its own budget of the credential: each budget
     * paces at the share of the tasks it serves (all of them on one worker), so that the workers together keep to
     * the pace. Without a share (the connector's own checks) a budget paces alone.
     */
    public synchronized Share join(int taskCount) {
        Share share = new Share(1.0 / Math.max(1, taskCount));
        shares.add(share);
        return share;
    }

    /** A task's part of the credential's budget; closing it (when the task stops) gives it back. */
    public final class Share implements AutoCloseable {
        private final double part;

        private Share(double part) {
            this.part = part;
        }

        @Override
        public void close() {
            synchronized (RateBudget.this) {
                shares.remove(this);
            }
        }
    }

    /** This worker's part of the connector's pace: its tasks' shares (at most all of it). */
    private double workerShare() {
        return shares.isEmpty() ? 1.0 : Math.min(1.0, shares.stream().mapToDouble(s -> s.part).sum());
    }

    /**
     * Paces at {@code documentedLimit} requests per window until (if ever) the API announces its limit in an
     * X-RateLimit-Limit header: for APIs that document a limit but send no headers (Ashby).
     */
    public synchronized void assumeLimit(int documentedLimit) {
        if (limit == null && documentedLimit > 0) {
            limit = documentedLimit;
            limitAssumed = true;
        }
    }

    /** The request that {@link #acquire} started at {@code started} has its answer (or failed). */
    public synchronized void release(Instant started) {
        Integer n = startedAt.get(started);
        if (n == null) {
            return;
        }
        if (n == 1) {
            startedAt.remove(started);
        } else {
            startedAt.put(started, n - 1);
        }
        inFlight = Math.max(0, inFlight - 1);
    }

    synchronized Duration reserveOrWait() {
        return reserveAt(clock.instant());
    }

    private synchronized Duration reserveAt(Instant now) {
        if (windowResetsAt != null && !now.isBefore(windowResetsAt) && remaining != null) {
            remaining = null; // a new window: the next answer tells its state
            windowResetsAt = null;
        }
        Instant earliest = blockedUntil.isAfter(nextSlot) ? blockedUntil : nextSlot;
        if (remaining != null && remaining - reserved() <= 0) {
            Instant reset = windowResetsAt != null ? windowResetsAt : now.plus(window);
            if (reset.isAfter(earliest)) {
                earliest = reset;
            }
        }
        if (earliest.isAfter(now)) {
            return Duration.between(now, earliest);
        }
        inFlight++;
        startedAt.merge(now, 1, Integer::sum);
        if (remaining != null) {
            remaining--;
        }
        nextSlot = now.plus(spacing(now));
        return Duration.ZERO;
    }

    /**
     * Requests of this window kept back: for other integrations (1 - fraction of the limit), and one for each of
     * the connector's tasks on other workers, whose latest request no answer here may have counted yet.
     */
    private int reserved() {
        return limit == null ? 0 : limit - usableLimit() + tasksElsewhere();
    }

    /** The connector's tasks on other workers, as the shares of those here tell (equal shares: N - n). */
    private int tasksElsewhere() {
        double share = workerShare();
        return (int) Math.round((1 - share) * shares.size() / share);
    }

    private int usableLimit() {
        return Math.max(1, (int) Math.floor(limit * fraction));
    }

    /**
     * The gap before the next request: the limit spread evenly over the window, or less where the window still
     * allows more requests than that would start before it resets (after a quiet spell: the start of a backfill,
     * a pause), so that they are spent by then rather than lost. (One that starts after the reset after all is
     * counted in the next window, which the next answer shows.)
     */
    private Duration spacing(Instant now) {
        if (limit == null) {
            return Duration.ZERO;
        }
        double share = workerShare();
        Duration even = Duration.ofNanos((long) (window.toNanos() / (usableLimit() * share * PACING_MARGIN)));
        if (remaining == null || windowResetsAt == null) {
            return even;
        }
        int left = remaining - reserved();
        Duration untilReset = Duration.between(now, windowResetsAt);
        if (left <= 0 || untilReset.isNegative() || untilReset.isZero()) {
            return even;
        }
        // the other workers spend their shares of what is left too
        Duration catchUp = Duration.ofNanos((long) (untilReset.toNanos() / (left * share)));
        return catchUp.compareTo(even) < 0 ? catchUp : even;
    }

    /**
     * Reads the rate headers of the answer to a request that started at {@code started} (null: unknown).
     * {@code serverDate} converts an absolute reset time to our clock.
     */
    public synchronized void update(Headers headers, Instant serverDate, Instant started) {
        Integer l = intHeader(headers, "X-RateLimit-Limit");
        Integer r = intHeader(headers, "X-RateLimit-Remaining");
        if (l != null && l > 0) {
            limit = l;
            limitAssumed = false;
        }
        observeSkew(serverDate);
        if (r != null) {
            // requests that started after this one (still in flight) are not counted in r yet; those that
            // started before it are
            int others = started == null ? inFlight
                    : startedAt.tailMap(started, false).values().stream().mapToInt(Integer::intValue).sum();
            remaining = remaining == null ? r - others : Math.min(remaining, r - others);
        }
        Instant reset = resetTime(headers.get("X-RateLimit-Reset"));
        learnWindow(reset);
        if (reset != null) {
            if (windowResetsAt != null && reset.isAfter(windowResetsAt) && r != null) {
                remaining = r - inFlight; // the answer comes from a newer window
            }
            windowResetsAt = reset;
        }
    }

    /**
     * A fixed window shows itself when its reset time jumps by a whole window once the old reset has passed;
     * pacing then follows the API's real window rather than the documented one.
     */
    private void learnWindow(Instant reset) {
        if (reset == null) {
            return;
        }
        Instant previous = lastReset;
        lastReset = reset;
        if (previous == null || clock.instant().isBefore(previous)) {
            return;
        }
        Duration jump = Duration.between(previous, reset);
        if (jump.compareTo(Duration.ofSeconds(1)) >= 0 && jump.compareTo(Duration.ofMinutes(10)) <= 0) {
            window = jump;
        }
    }

    /**
     * After a 429: block everyone using the credential for the wait the API asked for. Where the limit is only the
     * documented one (no headers), the 429 shows the real budget is smaller (other clients of the key, or a
     * tighter limit): pace a fifth slower from now on.
     */
    public synchronized Duration throttled(Headers headers, Instant serverDate, Duration fallback) {
        update(headers, serverDate, null);
        if (limitAssumed && limit != null && limit > 1) {
            limit = Math.max(1, (int) Math.floor(limit * 0.8));
            log.info("Rate limited below the documented limit: pacing at {} requests per {} s from now on", limit,
                    window.toSeconds());
        }
        Duration wait = retryAfter(headers.get("Retry-After"));
        Instant now = clock.instant();
        boolean resetKnown = windowResetsAt != null && windowResetsAt.isAfter(now);
        if (wait == null || (resetKnown && windowResetsAt.isBefore(now.plus(wait)))) {
            // Retry-After is whole seconds, rounded up: a window that resets sooner than that is waited for only
            wait = resetKnown ? Duration.between(now, windowResetsAt) : fallback;
        }
        Instant until = now.plus(wait);
        if (until.isAfter(blockedUntil)) {
            blockedUntil = until;
        }
        remaining = 0;
        if (windowResetsAt == null || windowResetsAt.isBefore(until)) {
            windowResetsAt = until;
        }
        return wait;
    }

    /** The pace this budget allows, in requests per second, or null while the limit is unknown. */
    public synchronized Double requestsPerSecond() {
        return limit == null ? null : usableLimit() * workerShare() * PACING_MARGIN / (window.toNanos() / 1e9);
    }

    public synchronized Integer limit() {
        return limit;
    }

    private Instant resetTime(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant now = clock.instant();
        Duration skew = this.skew == null ? Duration.ZERO : this.skew; // learned from this answer in update()
        try {
            long n = Long.parseLong(value.trim());
            if (n < 100_000_000L) { // a small number is a delay in seconds, not a time
                return now.plusSeconds(n);
            }
            Instant at = n > 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
            return at.minus(skew);
        } catch (NumberFormatException e) {
            try {
                return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().minus(skew);
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }

    private Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            Instant at = resetTime(value);
            if (at == null) {
                return null;
            }
            Duration d = Duration.between(clock.instant(), at);
            return d.isNegative() ? Duration.ZERO : d;
        }
    }

    /** Learns the clocks' difference from a {@code Date} header. */
    private void observeSkew(Instant serverDate) {
        if (serverDate != null) {
            Duration seen = Duration.between(clock.instant(), serverDate);
            // a Date well behind the best estimate means the server's clock was set back: start again from it
            if (skew == null || seen.compareTo(skew) > 0 || seen.compareTo(skew.minusSeconds(2)) < 0) {
                skew = seen;
            }
        }
    }

    private static Integer intHeader(Headers headers, String name) {
        String v = headers.get(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
