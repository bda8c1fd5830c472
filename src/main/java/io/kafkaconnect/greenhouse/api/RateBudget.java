package io.kafkaconnect.greenhouse.api;

import static io.kafkaconnect.greenhouse.api.RateHeaders.REMAINING;
import static io.kafkaconnect.greenhouse.api.RateHeaders.RESET;
import static io.kafkaconnect.greenhouse.api.RateHeaders.RETRY_AFTER;
import static io.kafkaconnect.greenhouse.api.WaitLog.span;

import io.kafkaconnect.greenhouse.util.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Headers;

/**
 * The request budget of one credential, shared by every task of this JVM that uses it.
 *
 * <p>What the API says, and what is done with it (header names in any case):
 * <ul>
 *   <li>{@code X-RateLimit-Limit} (requests per window; 0 or less is ignored): requests are paced evenly at the
 *       users' {@code fraction} of it per window (99 % of that; the fractions of several connectors add up),
 *       faster where a window has more left than that pace would spend before a known reset (so that a quiet
 *       spell does not waste it); where the reset is not known but what remains is, the slots a quiet spell left
 *       unused start at once, up to a fifth of a window's requests ({@link #catchUpSlots}). Until the budget's
 *       first answer, one request at a time: the limit is not known yet, and the window may be spent by others (a
 *       task that moved here from another worker).</li>
 *   <li>{@code X-RateLimit-Remaining} (negative is ignored, more than the limit is taken as the limit): no more
 *       requests start than it allows, less the requests in flight that started after the one answered (the
 *       server had not counted those yet; {@link WindowAccount} keeps what it said). What it said is forgotten
 *       when the window resets, and when nothing new has been heard for a window: then one request is let
 *       through to learn the present.</li>
 *   <li>{@code X-RateLimit-Reset} (the Harvest docs say only "a timestamp", for 429s: its format is UNCERTAIN):
 *       epoch seconds, epoch milliseconds, an HTTP date, or (below 10^8) seconds from now. A spent window is
 *       waited out until then; successive reset times teach the API's real window. Where it is not sent, a
 *       fixed window may still show its reset by a jump of what remains ({@link WindowAccount}).</li>
 *   <li>A 429, or a throttling reply in a body (not counted as a failure), blocks every user for
 *       {@code Retry-After} (seconds or an HTTP date; 0 or less is ignored) or until the window resets,
 *       whichever is sooner, or for the caller's fallback (at most a window) where neither says.</li>
 * </ul>
 * The headers are read by {@link RateHeaders}. Any wait a header asks for beyond {@value #MAX_WAIT_WINDOWS} windows
 * is cut to that; waits are told of by {@link WaitLog}. Absolute times are converted to our clock with the
 * {@link ClockSkew} learned from the {@code Date} of 2xx answers. Where the API sends no headers but documents a
 * limit (e.g. Ashby), that limit is assumed and adjusted by throttles ({@link RateLimit}).
 *
 * <p>Users (API clients) join through {@link SharedRateBudgets} with their fraction and {@link #leave} when they
 * stop; with the tasks' shares the fractions of their connectors add up, else the most modest fraction of the
 * current users applies ({@link BudgetUsers}). A connector's tasks on other workers share the credential too,
 * each worker with its own budget: each paces at the share of the connector's tasks it runs ({@link #taskShare}),
 * so that together they keep to the pace, and the headers show each what the others have spent.
 */
public final class RateBudget {
    /** The longest wait a header may impose, in windows: anything longer is taken as a mistake. */
    static final int MAX_WAIT_WINDOWS = 3;
    /** How often a request that waits for the budget's first answer looks again. */
    private static final Duration FIRST_ANSWER_POLL = Duration.ofMillis(20);

    /** The key in {@link SharedRateBudgets}, or null for a budget of one user. */
    private final String key;
    private final Clock clock;
    private final WindowAccount account;
    private final BudgetUsers users;
    private final RateLimit limit = new RateLimit();
    private final InFlightRequests inFlight = new InFlightRequests();
    private final WaitLog waitLog = new WaitLog();
    private final ClockSkew skew = new ClockSkew();
    private Instant blockedUntil = Instant.MIN;
    private String blockedBecause;
    private Instant nextSlot = Instant.MIN;
    /** Whether any request of this budget has had its answer (or failed). */
    private boolean answered;

    RateBudget(Clock clock, Duration window, double fraction) {
        this(null, clock, window, fraction);
    }

    RateBudget(String key, Clock clock, Duration window, double fraction) {
        this.key = key;
        this.clock = clock;
        this.account = new WindowAccount(window);
        this.users = new BudgetUsers(fraction);
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
        SharedRateBudgets.leave(key, this, user);
    }

    synchronized void addUser(Object user, double share) {
        users.join(user, share);
    }

    /** @return whether no user is left */
    synchronized boolean removeUser(Object user) {
        return users.leave(user);
    }

    /**
     * One task of a connector with {@code taskCount} tasks uses this budget from now until the share is closed.
     * The connector's tasks may run on several workers, each with its own budget of the credential: each budget
     * paces at the share of the tasks it serves (all of them on one worker), so that the workers together keep to
     * the pace. Several connectors may share the credential (and the budget of a worker): each spends its own
     * {@code fraction} of the limit, so their fractions add up. Without a share (the connector's own checks) a
     * budget paces alone.
     *
     * @param connector the connector the task belongs to (equal for its tasks: its name)
     * @param fraction  the part of the limit the connector may spend ({@code rate.limit.budget.fraction})
     */
    public synchronized Share taskShare(Object connector, int taskCount, double fraction) {
        Share share = new Share(connector, 1.0 / Math.max(1, taskCount), fraction);
        users.addTaskShare(share);
        return share;
    }

    /** A task's part of the credential's budget; closing it (when the task stops) gives it back. */
    public final class Share implements AutoCloseable {
        private final Object connector;
        private final double part;
        private final double fraction;

        private Share(Object connector, double part, double fraction) {
            this.connector = connector;
            this.part = part;
            this.fraction = fraction;
        }

        Object connector() {
            return connector;
        }

        double part() {
            return part;
        }

        double fraction() {
            return fraction;
        }

        @Override
        public void close() {
            synchronized (RateBudget.this) {
                users.removeTaskShare(this);
            }
        }
    }

    /** The share of the limit in use: the connectors' fractions together, or the most modest of the users'. */
    public synchronized double fraction() {
        return users.fraction();
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
            waitLog.waiting(wait.duration(), wait.until(), wait.reason(), window());
            if (!sleeper.sleep(wait.duration())) {
                return null;
            }
        }
    }

    /** Why no request may start yet, and until when. */
    private record Wait(Duration duration, Instant until, String reason) {
    }

    private synchronized Duration window() {
        return account.length();
    }

    /**
     * Paces at {@code documentedLimit} requests per window until (if ever) the API announces its limit in an
     * X-RateLimit-Limit header: for APIs that document a limit but send no headers (e.g. Ashby).
     */
    public synchronized void assumeLimit(int documentedLimit) {
        limit.assume(documentedLimit);
    }

    /** The request that {@link #acquire} started at {@code started} has its answer (or failed). */
    public synchronized void release(Instant started) {
        answered = true;
        inFlight.answered(started);
    }

    /** Starts a request now if it may start (then zero), else says how long to wait. */
    synchronized Duration reserveOrWait() {
        Wait wait = reserveAt(clock.instant());
        return wait == null ? Duration.ZERO : wait.duration();
    }

    /** @return null when a request started, else the wait */
    private synchronized Wait reserveAt(Instant now) {
        forgetWhatIsStale(now);
        Duration window = account.length();
        limit.raiseIfDue(now, window, users.fraction());
        Instant earliest = nextSlot;
        String reason = "pacing at " + (limit.get() == null ? "?" : usableLimit()) + " requests per " + span(window);
        if (blockedUntil.isAfter(earliest)) {
            earliest = blockedUntil;
            reason = blockedBecause;
        }
        if (account.spent(reserved())) {
            Instant until = account.resetsAt() != null ? account.resetsAt() : spentWindowFrees();
            if (until.isAfter(earliest)) {
                earliest = until;
                reason = account.resetsAt() != null
                        ? "the window is spent; " + RESET + " said '" + account.resetSaid() + "'"
                        : "the window is spent (" + REMAINING + ") and no " + RESET + " was sent: waiting until a "
                                + "window after the first request it may count, then letting one request through";
            }
        }
        if (!earliest.isAfter(now) && limit.get() == null && !answered && inFlight.count() > 0) {
            // a budget that joins late (a task moved to this worker) must not burst into a window others spent
            earliest = now.plus(FIRST_ANSWER_POLL);
            reason = "waiting for the first answer, which tells the limit";
        }
        if (earliest.isAfter(now)) {
            return new Wait(Duration.between(now, earliest), earliest, reason);
        }
        inFlight.started(now, limit.get());
        limit.started();
        account.started();
        Duration gap = spacing(now);
        Instant unusedSince = now.minus(gap.multipliedBy(catchUpSlots()));
        nextSlot = (nextSlot.isAfter(unusedSince) ? nextSlot : unusedSince).plus(gap);
        return null;
    }

    /**
     * The pace's slots left unused in a quiet spell (the start of a backfill, a plan waiting for its counts' answers)
     * that may be used at once, where the answers tell what the window has left (which keeps such a burst from
     * overdrawing it) but not when it resets: a fifth of this worker's usable requests per window. None where the
     * reset is known (the pace spreads what is left until then: {@link Pace#gap}) or nothing is heard of what
     * remains (before the first answer, a limit only assumed).
     */
    private int catchUpSlots() {
        if (account.remaining() == null || account.resetsAt() != null || limit.get() == null) {
            return 0;
        }
        return (int) (usableLimit() * users.workerShare() * Pace.CATCH_UP_SHARE);
    }

    /**
     * What remained is forgotten when its window resets (the next answer tells the new one's state), and when no
     * answer has told anything new for a window: then one request may go, to learn the present.
     */
    private void forgetWhatIsStale(Instant now) {
        account.forgetIfReset(now);
        if (account.spent(reserved()) && account.resetsAt() == null && !now.isBefore(spentWindowFrees())) {
            account.guessRemaining(reserved() + 1, now);
        }
    }

    /**
     * Where no reset time is known, when a spent window frees a request: a window after the oldest of our last
     * {@code limit} requests (a fixed window that counts it ends by then, a rolling one lets it go then), and at
     * the latest a window after the last answer (where other clients spent the window, or the limit is unknown).
     */
    private Instant spentWindowFrees() {
        Instant latest = account.heardAt().plus(account.length());
        Instant firstCounted = limit.get() == null ? null : inFlight.firstOfLast(limit.get());
        if (firstCounted == null) {
            return latest;
        }
        Instant frees = firstCounted.plus(account.length());
        return frees.isBefore(latest) ? frees : latest;
    }

    /**
     * Requests of this window kept back: for other integrations (1 - fraction of the limit), and one for each of
     * the connector's tasks on other workers, whose latest request no answer here may have counted yet.
     */
    private int reserved() {
        return limit.get() == null ? 0 : limit.get() - usableLimit() + users.tasksElsewhere();
    }

    private int usableLimit() {
        return limit.usable(users.fraction());
    }

    /** The gap before the next request ({@link Pace}). */
    private Duration spacing(Instant now) {
        if (limit.get() == null) {
            return Duration.ZERO;
        }
        boolean known = account.remaining() != null && account.resetsAt() != null;
        return Pace.gap(account.length(), usableLimit(), users.workerShare(),
                known ? account.remaining() - reserved() : null,
                known ? Duration.between(now, account.resetsAt()) : null);
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
        RateHeaders said = RateHeaders.of(headers);
        if (said.limit() != null) {
            limit.announced(said.limit());
        }
        if (said.remaining() != null) {
            // more than the limit is taken as the limit; requests that started after the one answered (still in
            // flight) are not counted in it yet, those that started before it are
            int remaining = limit.get() != null ? Math.min(said.remaining(), limit.get()) : said.remaining();
            account.heardRemaining(remaining, started == null ? inFlight.count() : inFlight.startedAfter(started),
                    started, now, limit.get());
        }
        Instant reset = RateHeaders.timeSaid(said.reset(), now, skew.get());
        if (reset != null && reset.isAfter(now)) {
            Instant latest = latestWait(now);
            boolean cutShort = reset.isAfter(latest);
            if (cutShort) {
                waitLog.cutShort(RESET, said.reset(), now, latest, account.length());
            }
            account.heardReset(cutShort ? latest : reset, said.reset(), now, cutShort);
        }
    }

    /**
     * After a 429 (or a throttling reply): block everyone using the credential for the wait the API asked for.
     * Where the limit is only assumed (no headers), the throttle lowers it ({@link RateLimit}), unless it comes while
     * the last throttle's wait still runs (it answers a request that was already under way then). The answer's
     * {@code Date} is not learned from: a 429 may come from a proxy.
     *
     * @param fallback the wait where the API says nothing usable (cut to a window: a sliding window frees a
     *                 request by then, a fixed one starts anew)
     */
    public synchronized Duration throttled(Headers headers, Duration fallback) {
        update(headers, null, null);
        Instant now = clock.instant();
        Duration window = account.length();
        fallback = fallback.compareTo(window) < 0 ? fallback : window;
        limit.throttled(now, blockedUntil.isAfter(now), window);
        String retryAfterSaid = headers.get(RETRY_AFTER);
        Duration wait = retryAfter(retryAfterSaid, now);
        String because = "throttled; " + RETRY_AFTER + " said '" + retryAfterSaid + "'";
        Instant resetsAt = account.resetsAt();
        boolean resetKnown = resetsAt != null && resetsAt.isAfter(now);
        if (wait == null || (resetKnown && resetsAt.isBefore(now.plus(wait)))) {
            // Retry-After is whole seconds, rounded up: a window that resets sooner than that is waited for only
            wait = resetKnown ? Duration.between(now, resetsAt) : fallback;
            because = resetKnown ? "throttled; " + RESET + " said '" + account.resetSaid() + "'"
                    : "throttled, and neither " + RETRY_AFTER + " nor " + RESET + " said until when: waiting "
                            + fallback.toMillis() + " ms";
        }
        Instant until = now.plus(wait);
        if (until.isAfter(blockedUntil)) {
            blockedUntil = until;
            blockedBecause = because;
        }
        account.throttled(now, until, because);
        return wait;
    }

    /** The pace this budget allows, in requests per second, or null while the limit is unknown. */
    public synchronized Double requestsPerSecond() {
        return limit.get() == null ? null : Pace.requestsPerSecond(usableLimit(), users.workerShare(), account.length());
    }

    public synchronized Integer limit() {
        return limit.get();
    }

    /** The requests left in the current window as its answers told (less those started since), or null if unknown. */
    public synchronized Integer remaining() {
        return account.remaining();
    }

    private Instant latestWait(Instant now) {
        return now.plus(account.length().multipliedBy(MAX_WAIT_WINDOWS));
    }

    /** The wait a Retry-After asks for (cut to {@value #MAX_WAIT_WINDOWS} windows), or null if none is usable. */
    private Duration retryAfter(String value, Instant now) {
        Instant at = RateHeaders.timeSaid(value, now, skew.get());
        if (at == null || !at.isAfter(now)) {
            return null;
        }
        Instant latest = latestWait(now);
        if (at.isAfter(latest)) {
            waitLog.cutShort(RETRY_AFTER, value, now, latest, account.length());
            at = latest;
        }
        return Duration.between(now, at);
    }
}
