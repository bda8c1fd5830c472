package io.kafkaconnect.greenhouse.api;

import io.kafkaconnect.greenhouse.util.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request budget of one credential, shared by every task of this JVM that uses it.
 *
 * <p>What the API says, and what is done with it (header names in any case):
 * <ul>
 *   <li>{@code X-RateLimit-Limit} (requests per window; 0 or less is ignored): requests are paced evenly at the
 *       users' most modest {@code fraction} of it per window (99 % of that), faster where a window has more left
 *       than that pace would spend before a known reset (so that a quiet spell does not waste it).</li>
 *   <li>{@code X-RateLimit-Remaining} (negative is ignored, more than the limit is taken as the limit): no more
 *       requests start than it allows, less the requests in flight that started after the one answered (the
 *       server had not counted those yet). The answer to the request that started last is taken as it is (so a new
 *       window shows itself even without a reset time); older answers can only lower it. What it said is
 *       forgotten when the window resets, and when nothing new has been heard for a window: then one request is
 *       let through to learn the present.</li>
 *   <li>{@code X-RateLimit-Reset} (the Harvest docs say only "a timestamp", for 429s: its format is UNCERTAIN):
 *       epoch seconds, epoch milliseconds, an HTTP date, or (below 10^8) seconds from now. A spent window is
 *       waited out until then; successive reset times teach the API's real window.</li>
 *   <li>A 429, or a throttling reply in a body (not counted as a failure), blocks every user for
 *       {@code Retry-After} (seconds or an HTTP date; 0 or less is ignored) or until the window resets,
 *       whichever is sooner, or for the caller's fallback (at most a window) where neither says.</li>
 * </ul>
 * Any wait a header asks for beyond {@value #MAX_WAIT_WINDOWS} windows is cut to that and logged; any wait longer
 * than a window is logged at WARN, once, with its reason and end. Absolute times are converted to our clock with
 * the {@link ClockSkew} learned from the {@code Date} of 2xx answers.
 *
 * <p>Where the API sends no headers but documents a limit (Ashby), that limit is assumed: a throttle lowers it by
 * a fifth (once per throttle: replies to requests already under way do not lower it again), and each window
 * without a throttle in which at least half of it was used raises it by a twentieth of the documented limit, never
 * above it, so that the pace finds the real limit and recovers when it rises again.
 *
 * <p>Users (API clients) {@link #join} with their fraction and {@link #leave} when they stop; the most modest
 * fraction of the current users applies, and the budget is forgotten when its last user leaves. A connector's tasks
 * on other workers share the credential too, each worker with its own budget: each paces at the share of the
 * connector's tasks it runs ({@link #taskShare}), so that together they keep to the pace, and the headers show
 * each what the others have spent.
 */
public final class RateBudget {
    private static final Logger log = LoggerFactory.getLogger(RateBudget.class);
    private static final Map<String, RateBudget> SHARED = new ConcurrentHashMap<>();
    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";
    static final String RETRY_AFTER = "Retry-After";
    /**
     * Pace a little under the limit: a request may reach the server a little later than it starts, and a few
     * of them crowding into one window would cost a 429. (Remaining keeps a window from being overdrawn once
     * its first answers are back.)
     */
    private static final double PACING_MARGIN = 0.99;
    /** The longest wait a header may impose, in windows: anything longer is taken as a mistake. */
    static final int MAX_WAIT_WINDOWS = 3;
    private static final double THROTTLE_DECREASE = 0.8;
    private static final int RAISE_STEPS = 20;

    /** The key in the shared map, or null for a budget of one user. */
    private final String key;
    private final Clock clock;
    private Duration window;
    private final Map<Object, Double> users = new IdentityHashMap<>();
    /** The shares of the connector's tasks that run here ({@link #taskShare}); none: this worker paces alone. */
    private final List<Share> shares = new ArrayList<>();
    private volatile double fraction;
    private Integer limit;
    /** The limit is the API's documented one (or below it after throttles), not announced by a header. */
    private boolean limitAssumed;
    private int documentedLimit;
    private Instant lastThrottled = Instant.MIN;
    private Instant assumedLimitSetAt = Instant.MIN;
    private int startedSinceAssumed;
    private Integer remaining;
    /** When the request started whose answer set {@link #remaining}: answers to older ones can only lower it. */
    private Instant remainingAsOf;
    /** When an answer last told what remains. */
    private Instant heardAt;
    private Instant windowResetsAt;
    private String resetSaid;
    private Instant lastReset;
    private Instant blockedUntil = Instant.MIN;
    private String blockedBecause;
    private Instant nextSlot = Instant.MIN;
    private Instant warnedUntil;
    /** When a wait cut short was last warned of, per header. */
    private final Map<String, Instant> clampWarnedAt = new HashMap<>();
    private int inFlight;
    /** When the requests in flight started: start → how many. */
    private final TreeMap<Instant, Integer> startedAt = new TreeMap<>();
    /** When our last {@link #limit} requests started, oldest first (none are kept while the limit is unknown). */
    private final ArrayDeque<Instant> recentStarts = new ArrayDeque<>();
    private final ClockSkew skew = new ClockSkew();

    RateBudget(Clock clock, Duration window, double fraction) {
        this(null, clock, window, fraction);
    }

    private RateBudget(String key, Clock clock, Duration window, double fraction) {
        this.key = key;
        this.clock = clock;
        this.window = window;
        this.fraction = fraction;
    }

    /**
     * Joins the one budget of a credential in this JVM (made on first use); pair with {@link #leave}.
     *
     * @param user     who uses it (identity): each API client joins once
     * @param window   the API's rate-limit window (v1: 10 s, v3: 30 s), used to pace requests evenly
     * @param fraction the share of the limit this user may use, in (0, 1]
     */
    public static RateBudget join(String budgetKey, Object user, Clock clock, Duration window, double fraction) {
        return SHARED.compute(budgetKey, (k, budget) -> {
            RateBudget joined = budget != null ? budget : new RateBudget(k, clock, window, fraction);
            joined.addUser(user, fraction);
            return joined;
        });
    }

    /** A budget for one user that shares nothing with others (e.g. the checks of validate()). */
    public static RateBudget unshared(Clock clock, Duration window, double fraction) {
        return new RateBudget(clock, window, fraction);
    }

    /** {@code user} stops using the budget; the last one to leave a shared budget releases it. */
    public void leave(Object user) {
        if (key == null) {
            removeUser(user);
            return;
        }
        SHARED.computeIfPresent(key, (k, budget) -> budget != this || !removeUser(user) ? budget : null);
    }

    /** Whether a budget is kept for {@code budgetKey} (for tests). */
    static boolean isShared(String budgetKey) {
        return SHARED.containsKey(budgetKey);
    }

    private synchronized void addUser(Object user, double share) {
        users.put(user, share);
        fraction = users.values().stream().mapToDouble(Double::doubleValue).min().orElse(share);
    }

    /** @return whether no user is left */
    private synchronized boolean removeUser(Object user) {
        users.remove(user);
        users.values().stream().mapToDouble(Double::doubleValue).min().ifPresent(f -> fraction = f);
        return users.isEmpty();
    }

    /**
     * One task of a connector with {@code taskCount} tasks uses this budget from now until the share is closed.
     * The connector's tasks may run on several workers, each with its own budget of the credential: each budget
     * paces at the share of the tasks it serves (all of them on one worker), so that the workers together keep to
     * the pace. Without a share (the connector's own checks) a budget paces alone.
     */
    public synchronized Share taskShare(int taskCount) {
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

    /** The share of the limit in use: the most modest of the current users'. */
    public double fraction() {
        return fraction;
    }

    /**
     * Waits until a request may start and counts it as in flight; pair with {@link #release(Instant)}.
     *
     * @return when the request started, or null if the sleeper was stopped meanwhile (then nothing is counted)
     */
    public Instant acquire(Sleeper sleeper) {
        while (true) {
            Instant now = clock.instant();
            Wait wait = reserveAt(now);
            if (wait == null) {
                return now;
            }
            report(wait);
            if (!sleeper.sleep(wait.duration())) {
                return null;
            }
        }
    }

    /** Why no request may start yet, and until when. */
    record Wait(Duration duration, Instant until, String reason) {
    }

    private void report(Wait wait) {
        if (wait.duration().compareTo(window()) > 0) {
            synchronized (this) {
                if (wait.until().equals(warnedUntil)) {
                    return;
                }
                warnedUntil = wait.until();
            }
            log.warn("Rate budget: no request until {} ({} s): {}", wait.until(), wait.duration().toSeconds(),
                    wait.reason());
        } else if (wait.duration().compareTo(Duration.ofSeconds(1)) > 0) {
            log.info("Rate budget: waiting {} ms before the next request ({})", wait.duration().toMillis(),
                    wait.reason());
        }
    }

    private synchronized Duration window() {
        return window;
    }

    /**
     * Paces at {@code documentedLimit} requests per window until (if ever) the API announces its limit in an
     * X-RateLimit-Limit header: for APIs that document a limit but send no headers (Ashby).
     */
    public synchronized void assumeLimit(int documentedLimit) {
        if (limit == null && documentedLimit > 0) {
            limit = documentedLimit;
            this.documentedLimit = documentedLimit;
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

    /** Starts a request now if it may start (then zero), else says how long to wait. */
    synchronized Duration reserveOrWait() {
        Wait wait = reserveAt(clock.instant());
        return wait == null ? Duration.ZERO : wait.duration();
    }

    /** @return null when a request started, else the wait */
    private synchronized Wait reserveAt(Instant now) {
        forgetWhatIsStale(now);
        raiseAssumedLimit(now);
        Instant earliest = nextSlot;
        String reason = "pacing at " + (limit == null ? "?" : usableLimit()) + " requests per " + span(window);
        if (blockedUntil.isAfter(earliest)) {
            earliest = blockedUntil;
            reason = blockedBecause;
        }
        if (remaining != null && remaining - reserved() <= 0) {
            Instant until = windowResetsAt != null ? windowResetsAt : spentWindowFrees();
            if (until.isAfter(earliest)) {
                earliest = until;
                reason = windowResetsAt != null
                        ? "the window is spent; " + RESET + " said '" + resetSaid + "'"
                        : "the window is spent (" + REMAINING + ") and no " + RESET + " was sent: waiting until a "
                                + "window after the first request it may count, then letting one request through";
            }
        }
        if (earliest.isAfter(now)) {
            return new Wait(Duration.between(now, earliest), earliest, reason);
        }
        inFlight++;
        startedSinceAssumed++;
        startedAt.merge(now, 1, Integer::sum);
        recentStarts.addLast(now);
        while (recentStarts.size() > (limit == null ? 0 : limit)) {
            recentStarts.pollFirst();
        }
        if (remaining != null) {
            remaining--;
        }
        nextSlot = now.plus(spacing(now));
        return null;
    }

    /**
     * What remained is forgotten when its window resets (the next answer tells the new one's state), and when no
     * answer has told anything new for a window: then one request may go, to learn the present.
     */
    private void forgetWhatIsStale(Instant now) {
        if (windowResetsAt != null && !now.isBefore(windowResetsAt)) {
            windowResetsAt = null;
            resetSaid = null;
            remaining = null;
        }
        if (remaining != null && remaining - reserved() <= 0 && windowResetsAt == null
                && !now.isBefore(spentWindowFrees())) {
            remaining = reserved() + 1;
            remainingAsOf = Instant.MIN; // a guess: any answer tells more
            heardAt = now;
        }
    }

    /**
     * Where no reset time is known, when a spent window frees a request: a window after the oldest of our last
     * {@code limit} requests (a fixed window that counts it ends by then, a rolling one lets it go then), and at
     * the latest a window after the last answer (where other clients spent the window, or the limit is unknown).
     */
    private Instant spentWindowFrees() {
        Instant latest = heardAt.plus(window);
        if (limit == null || recentStarts.size() < limit) {
            return latest;
        }
        Instant frees = recentStarts.peekFirst().plus(window);
        return frees.isBefore(latest) ? frees : latest;
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
     *
     * @param serverDate the {@code Date} of a 2xx answer, which teaches the server's clock; null for other answers
     */
    public synchronized void update(Headers headers, Instant serverDate, Instant started) {
        Instant now = clock.instant();
        if (serverDate != null) {
            skew.observe(Duration.between(now, serverDate));
        }
        Integer l = intHeader(headers, LIMIT);
        if (l != null && l > 0) {
            limit = l;
            limitAssumed = false;
        }
        Integer r = intHeader(headers, REMAINING);
        if (r != null && r >= 0) {
            if (limit != null && r > limit) {
                r = limit;
            }
            // requests that started after this one (still in flight) are not counted in r yet; those that
            // started before it are
            int others = started == null ? inFlight
                    : startedAt.tailMap(started, false).values().stream().mapToInt(Integer::intValue).sum();
            boolean newest = remaining == null || (started != null && started.isAfter(remainingAsOf));
            if (newest) {
                remaining = r - others;
                remainingAsOf = started != null ? started : now;
            } else {
                remaining = Math.min(remaining, r - others);
            }
            heardAt = now;
        }
        String said = headers.get(RESET);
        Instant reset = resetTime(said, now);
        if (reset != null && reset.isAfter(now)) {
            Instant latest = latestWait(now);
            if (reset.isAfter(latest)) {
                warnClamped(RESET, said, now, latest);
                reset = latest;
            } else {
                learnWindow(reset, now);
            }
            windowResetsAt = reset;
            resetSaid = said;
        }
    }

    /**
     * A fixed window shows itself when its reset time jumps by a whole window once the old reset has passed (less
     * than a window ago: reset times heard only now and then, as from 429s, may lie several windows apart);
     * pacing then follows the API's real window rather than the documented one.
     */
    private void learnWindow(Instant reset, Instant now) {
        Instant previous = lastReset;
        lastReset = reset;
        if (previous == null || now.isBefore(previous) || !now.isBefore(previous.plus(window))) {
            return;
        }
        Duration jump = Duration.between(previous, reset);
        if (jump.compareTo(Duration.ofSeconds(1)) >= 0 && jump.compareTo(Duration.ofMinutes(10)) <= 0) {
            window = jump;
        }
    }

    /**
     * After a 429 (or a throttling reply): block everyone using the credential for the wait the API asked for.
     * Where the limit is only assumed (no headers), the throttle shows the real budget is smaller (other clients
     * of the key, or a tighter limit): pace a fifth slower, unless it comes while the last throttle's wait still
     * runs (it answers a request that was already under way then). The answer's {@code Date} is not learned from:
     * a 429 may come from a proxy.
     *
     * @param fallback the wait where the API says nothing usable (cut to a window: a sliding window frees a
     *                 request by then, a fixed one starts anew)
     */
    public synchronized Duration throttled(Headers headers, Duration fallback) {
        update(headers, null, null);
        Instant now = clock.instant();
        fallback = fallback.compareTo(window) < 0 ? fallback : window;
        lowerAssumedLimit(now);
        String retryAfterSaid = headers.get(RETRY_AFTER);
        Duration wait = retryAfter(retryAfterSaid, now);
        String because = "throttled; " + RETRY_AFTER + " said '" + retryAfterSaid + "'";
        boolean resetKnown = windowResetsAt != null && windowResetsAt.isAfter(now);
        if (wait == null || (resetKnown && windowResetsAt.isBefore(now.plus(wait)))) {
            // Retry-After is whole seconds, rounded up: a window that resets sooner than that is waited for only
            wait = resetKnown ? Duration.between(now, windowResetsAt) : fallback;
            because = resetKnown ? "throttled; " + RESET + " said '" + resetSaid + "'"
                    : "throttled, and neither " + RETRY_AFTER + " nor " + RESET + " said until when: waiting "
                            + fallback.toMillis() + " ms";
        }
        Instant until = now.plus(wait);
        if (until.isAfter(blockedUntil)) {
            blockedUntil = until;
            blockedBecause = because;
        }
        remaining = 0;
        remainingAsOf = now;
        heardAt = now;
        if (windowResetsAt == null || windowResetsAt.isBefore(until)) {
            windowResetsAt = until;
            resetSaid = resetSaid == null ? "(none; " + because + ")" : resetSaid;
        }
        return wait;
    }

    private void lowerAssumedLimit(Instant now) {
        boolean answersOneUnderWay = blockedUntil.isAfter(now); // the last throttle's wait still runs
        lastThrottled = now;
        if (!limitAssumed || limit == null || limit <= 1 || answersOneUnderWay) {
            return;
        }
        limit = Math.max(1, (int) Math.floor(limit * THROTTLE_DECREASE));
        assumedLimitSetAt = now;
        startedSinceAssumed = 0;
        log.info("Rate limited below the documented limit: pacing at {} requests per {} from now on", limit,
                span(window));
    }

    /**
     * Raises an assumed limit that throttles lowered by a step after each window without a throttle in which at
     * least half of it was used (a window barely used proves nothing), up to the documented limit.
     */
    private void raiseAssumedLimit(Instant now) {
        if (!limitAssumed || limit == null || limit >= documentedLimit
                || now.isBefore(assumedLimitSetAt.plus(window)) || now.isBefore(lastThrottled.plus(window))) {
            return;
        }
        if (startedSinceAssumed * 2 >= usableLimit()) {
            limit = Math.min(documentedLimit, limit + Math.max(1, documentedLimit / RAISE_STEPS));
            log.info("No throttling for {}: pacing at {} requests per {}", span(window), limit, span(window));
        }
        assumedLimitSetAt = now;
        startedSinceAssumed = 0;
    }

    /** The pace this budget allows, in requests per second, or null while the limit is unknown. */
    public synchronized Double requestsPerSecond() {
        return limit == null ? null : usableLimit() * workerShare() * PACING_MARGIN / (window.toNanos() / 1e9);
    }

    public synchronized Integer limit() {
        return limit;
    }

    private static String span(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private Instant latestWait(Instant now) {
        return now.plus(window.multipliedBy(MAX_WAIT_WINDOWS));
    }

    /**
     * Warns of a wait cut short, once per header in {@value #MAX_WAIT_WINDOWS} windows (a server may say it on
     * every answer).
     */
    private void warnClamped(String header, String said, Instant now, Instant until) {
        Instant last = clampWarnedAt.get(header);
        if (last == null || !now.isBefore(last.plus(window.multipliedBy(MAX_WAIT_WINDOWS)))) {
            clampWarnedAt.put(header, now);
            log.warn("The API asked to wait longer than {} windows ({} said '{}'): taken as a mistake, waiting until {}"
                    + " at the latest", MAX_WAIT_WINDOWS, header, said, until);
        }
    }

    /** An absolute or relative reset time in our clock, or null if the value is none of the known shapes. */
    private Instant resetTime(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Duration difference = skew.get() == null ? Duration.ZERO : skew.get();
        try {
            long n = Long.parseLong(value.trim());
            if (n < 100_000_000L) { // a small number is a delay in seconds, not a time
                return now.plusSeconds(n);
            }
            Instant at = n > 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
            return at.minus(difference);
        } catch (NumberFormatException | java.time.DateTimeException | ArithmeticException e) {
            return httpDate(value, difference);
        }
    }

    private static Instant httpDate(String value, Duration difference) {
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()
                    .minus(difference);
        } catch (RuntimeException ignored) {
            return null;
        }
    }

    /** The wait a Retry-After asks for (cut to {@value #MAX_WAIT_WINDOWS} windows), or null if none is usable. */
    private Duration retryAfter(String value, Instant now) {
        Instant at = resetTime(value, now);
        if (at == null || !at.isAfter(now)) {
            return null;
        }
        Instant latest = latestWait(now);
        if (at.isAfter(latest)) {
            warnClamped(RETRY_AFTER, value, now, latest);
            at = latest;
        }
        return Duration.between(now, at);
    }

    private static Integer intHeader(Headers headers, String name) {
        String v = headers.get(name); // OkHttp matches header names in any case
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
