package io.kafkaconnect.greenhouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.util.LogCapture;
import io.kafkaconnect.greenhouse.util.ManualClock;
import io.kafkaconnect.greenhouse.util.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RateBudgetTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));

    private static Headers rate(int limit, int remaining, long resetEpochSecond) {
        return Headers.of("X-RateLimit-Limit", String.valueOf(limit), "X-RateLimit-Remaining", String.valueOf(remaining),
                "X-RateLimit-Reset", String.valueOf(resetEpochSecond));
    }

    /** A first request, answered: the limit, what remains of the window and when it resets, in seconds. */
    private void firstAnswer(RateBudget budget, int limit, int remaining, int resetInSeconds) {
        assertThat(budget.reserveOrWait()).as("nothing is known before the first answer").isZero();
        budget.release(clock.instant());
        budget.update(rate(limit, remaining, clock.instant().plusSeconds(resetInSeconds).getEpochSecond()),
                clock.instant(), null);
    }

    @Test
    void untilTheFirstAnswerOneRequestAtATime() {
        RateBudget budget = new RateBudget(clock, Duration.ofSeconds(10), 1.0);
        Instant first = clock.instant();
        assertThat(budget.reserveOrWait()).isZero();
        assertThat(budget.reserveOrWait()).as("the limit is unknown and the first request has no answer yet")
                .isPositive();
        clock.advance(Duration.ofSeconds(2));
        assertThat(budget.reserveOrWait()).as("still no answer").isPositive();
        budget.release(first);
        assertThat(budget.reserveOrWait()).as("answered without rate headers: nothing more to wait for").isZero();
    }

    @Test
    void pacesEvenlyAtTheLimitPerWindow() {
        RateBudget budget = new RateBudget(clock, Duration.ofSeconds(10), 1.0);
        firstAnswer(budget, 50, 49, 10);
        assertThat(budget.reserveOrWait()).as("first request after learning the limit").isZero();
        Duration gap = budget.reserveOrWait();
        assertThat(gap).as("10 s / 50 requests, a little slower").isBetween(Duration.ofMillis(200), Duration.ofMillis(215));
    }

    @Test
    void aFractionLeavesPartOfTheBudgetToOthers() {
        RateBudget budget = new RateBudget(clock, Duration.ofSeconds(10), 0.5);
        firstAnswer(budget, 50, 30, 5);
        assertThat(budget.reserveOrWait()).isZero();
        assertThat(budget.reserveOrWait()).as("paced at 25 per 10 s").isBetween(Duration.ofMillis(400), Duration.ofMillis(420));
        budget.update(rate(50, 25, clock.instant().plusSeconds(5).getEpochSecond()), clock.instant(), null);
        clock.advance(Duration.ofSeconds(1));
        assertThat(budget.reserveOrWait()).as("25 of 50 left are kept for others: wait for the reset")
                .isBetween(Duration.ofSeconds(3), Duration.ofSeconds(5));
    }

    @Test
    void requestsInFlightCountAgainstWhatRemains() {
        RateBudget budget = new RateBudget(clock, Duration.ofSeconds(1), 1.0);
        firstAnswer(budget, 100, 2, 1);
        // two more start; the third must wait for the window, though no answer said 0 yet
        clock.advance(Duration.ofMillis(20));
        assertThat(budget.reserveOrWait()).isZero();
        clock.advance(Duration.ofMillis(20));
        assertThat(budget.reserveOrWait()).isZero();
        clock.advance(Duration.ofMillis(20));
        assertThat(budget.reserveOrWait()).isGreaterThan(Duration.ofMillis(500));
    }

    @Test
    void learnsTheApisRealWindowFromItsResetTimes() {
        RateBudget budget = new RateBudget(clock, Duration.ofSeconds(10), 1.0);
        long reset = clock.instant().plusSeconds(2).getEpochSecond();
        budget.update(rate(20, 19, reset), clock.instant(), null);
        clock.advance(Duration.ofSeconds(3));
        budget.update(rate(20, 9, reset + 2), clock.instant(), null); // half of it spent, half of it to go
        budget.reserveOrWait();
        assertThat(budget.reserveOrWait()).as("2 s / 20 requests").isBetween(Duration.ofMillis(100), Duration.ofMillis(110));
        assertThat(budget.requestsPerSecond()).isBetween(9.0, 10.0);
    }

    /** A sleeper that advances the test's clock instead of waiting. */
    private Sleeper advancing() {
        return new Sleeper() {
            @Override
            public boolean sleep(Duration duration) {
                clock.advance(duration);
                return true;
            }
        };
    }

    @Test
    void aWaitLongerThanAWindowIsWarnedOfWithItsReasonAndEndAndAShortOneIsNot() {
        RateBudget budget = new RateBudget(clock, Duration.ofSeconds(10), 1.0);
        budget.release(budget.acquire(advancing()));
        try (LogCapture logs = new LogCapture()) {
            budget.throttled(Headers.of("Retry-After", "25"), Duration.ofSeconds(1));
            budget.release(budget.acquire(advancing()));
            budget.throttled(Headers.of("Retry-After", "4"), Duration.ofSeconds(1));
            budget.release(budget.acquire(advancing()));

            List<String> warnings = logs.warnings().stream().filter(l -> l.contains("Rate budget")).toList();
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0)).endsWith("Rate budget: no request until 2030-01-01T00:00:25Z (25 s): "
                    + "throttled; Retry-After said '25'");
            assertThat(logs.lines()).as("the shorter wait, at INFO").anySatisfy(l -> assertThat(l).contains("INFO")
                    .contains("Rate budget: waiting 4000 ms before the next request (throttled; Retry-After said '4')"));
        }
    }

    @Test
    void aSpentWindowWaitedOutPastAWindowIsWarnedOfWithTheResetThatSaidSo() {
        RateBudget budget = new RateBudget(clock, Duration.ofSeconds(10), 1.0);
        budget.release(budget.acquire(advancing()));
        long reset = clock.instant().plusSeconds(30).getEpochSecond();
        budget.update(rate(50, 0, reset), clock.instant(), null);
        try (LogCapture logs = new LogCapture()) {
            budget.release(budget.acquire(advancing()));

            assertThat(logs.warnings()).anySatisfy(w -> assertThat(w).contains("Rate budget: no request until "
                    + "2030-01-01T00:00:30Z (30 s): the window is spent; X-RateLimit-Reset said '" + reset + "'"));
        }
    }

    @Test
    void a429BlocksEveryoneForRetryAfter() {
        RateBudget budget = new RateBudget(clock, Duration.ofSeconds(10), 1.0);
        budget.reserveOrWait();
        budget.release(clock.instant());
        Duration wait = budget.throttled(Headers.of("Retry-After", "7"), Duration.ofSeconds(1));
        assertThat(wait).isEqualTo(Duration.ofSeconds(7));
        assertThat(budget.reserveOrWait()).isEqualTo(Duration.ofSeconds(7));
        clock.advance(Duration.ofSeconds(7));
        assertThat(budget.reserveOrWait()).isZero();
    }

    @Test
    void onlyRequestsStartedAfterTheAnsweredOneAreTakenFromWhatRemains() {
        RateBudget budget = new RateBudget(clock, Duration.ofSeconds(10), 1.0);
        // 100 per 10 s, but others used most of this window: 10 are left
        budget.update(rate(100, 10, clock.instant().plusSeconds(10).getEpochSecond()), clock.instant(), null);
        Instant first = clock.instant();
        budget.reserveOrWait(); // counted by the server when it arrived
        clock.advance(Duration.ofMillis(200));
        Instant second = clock.instant();
        budget.reserveOrWait(); // started before the first one's answer: counted too
        clock.advance(Duration.ofMillis(200));
        budget.reserveOrWait(); // started after it: not counted in the first answer
        budget.release(second);
        budget.update(rate(100, 8, clock.instant().plusSeconds(9).getEpochSecond()), clock.instant(), second);
        clock.advance(Duration.ofMillis(200));
        // the server counted 2 of the 10 by the second's answer; the third is in flight: 7 may still start
        for (int i = 0; i < 7; i++) {
            assertThat(budget.reserveOrWait()).as("request %d", i).isZero();
            clock.advance(Duration.ofMillis(200));
        }
        // now 2.0 s after the start; the window resets at 9 s (9.4 s, in whole seconds)
        assertThat(budget.reserveOrWait()).as("the window is spent: wait for its reset")
                .isEqualTo(Duration.ofSeconds(7));
        budget.release(first);
    }

    @Test
    void resetTimesUseTheClosestOfTheDateHeadersTruncatedToTheSecond() {
        RateBudget budget = new RateBudget(clock, Duration.ofSeconds(10), 1.0);
        Instant start = clock.instant(); // a whole second, on both clocks
        long reset = start.getEpochSecond() + 5;
        clock.advance(Duration.ofMillis(900));
        budget.update(rate(5, 1, reset), clock.instant(), null); // a Date that happens to be exact
        clock.advance(Duration.ofMillis(900));
        // 1.8 s after the start this Date says 1 s (truncated): taken alone it would put the reset 0.8 s late
        budget.update(rate(5, 0, reset), start.plusSeconds(1), null);
        assertThat(budget.reserveOrWait()).as("waits for the reset, to the instant the server means")
                .isEqualTo(Duration.ofMillis(3_200));
    }

    @Test
    void a429WaitsForAResetSoonerThanItsRetryAfter() {
        RateBudget budget = new RateBudget(clock, Duration.ofSeconds(10), 1.0);
        clock.advance(Duration.ofMillis(800));
        long reset = clock.instant().getEpochSecond() + 1; // 0.2 s from now
        Duration wait = budget.throttled(Headers.of("Retry-After", "1", "X-RateLimit-Limit", "50",
                "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", String.valueOf(reset)), Duration.ofSeconds(1));
        assertThat(wait).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void whatAWindowLeftUnusedIsSpentBeforeItResets() {
        RateBudget budget = new RateBudget(clock, Duration.ofSeconds(10), 1.0);
        firstAnswer(budget, 50, 49, 10);
        clock.advance(Duration.ofSeconds(4)); // nothing to ask for a while
        assertThat(budget.reserveOrWait()).isZero();
        assertThat(budget.reserveOrWait()).as("48 left in 6 s, where an even pace would spend 30")
                .isBetween(Duration.ofMillis(120), Duration.ofMillis(130));
        clock.advance(Duration.ofSeconds(6));
        budget.update(rate(50, 49, clock.instant().plusSeconds(10).getEpochSecond()), clock.instant(), null);
        assertThat(budget.reserveOrWait()).isZero();
        assertThat(budget.reserveOrWait()).as("a new window, at an even pace again")
                .isBetween(Duration.ofMillis(200), Duration.ofMillis(215));
    }

    @Test
    void theMostModestFractionOfTheCurrentUsersAppliesAndTheLastToLeaveReleasesTheBudget() {
        String key = "k-" + System.nanoTime();
        Object taskA = new Object();
        Object taskB = new Object();
        RateBudget a = SharedRateBudgets.join(key, taskA, clock, Duration.ofSeconds(10), 1.0);
        RateBudget b = SharedRateBudgets.join(key, taskB, clock, Duration.ofSeconds(10), 0.5);
        assertThat(a).isSameAs(b);
        assertThat(a.fraction()).isEqualTo(0.5);
        firstAnswer(a, 50, 49, 10);
        a.reserveOrWait();
        assertThat(a.reserveOrWait()).as("paced at 25 per 10 s").isGreaterThanOrEqualTo(Duration.ofMillis(400));

        b.leave(taskB); // the modest connector's configuration changed: its task stops...
        assertThat(a.fraction()).as("the remaining user's share applies").isEqualTo(1.0);
        RateBudget again = SharedRateBudgets.join(key, taskB, clock, Duration.ofSeconds(10), 0.8); // ...and starts again
        assertThat(again).as("the budget and what it learned are kept while used").isSameAs(a);
        assertThat(a.fraction()).isEqualTo(0.8);
        assertThat(a.limit()).isEqualTo(50);

        a.leave(taskA);
        assertThat(SharedRateBudgets.isShared(key)).isTrue();
        again.leave(taskB);
        assertThat(SharedRateBudgets.isShared(key)).as("released with its last user").isFalse();
        RateBudget fresh = SharedRateBudgets.join(key, taskA, clock, Duration.ofSeconds(10), 1.0);
        assertThat(fresh).isNotSameAs(a);
        assertThat(fresh.limit()).as("nothing of the old one is left").isNull();
        fresh.leave(taskA);
        a.leave(taskA); // leaving twice, or a released budget, changes nothing
        assertThat(SharedRateBudgets.isShared(key)).isFalse();
    }

    @Test
    void anUnsharedBudgetIsNotInTheSharedMap() {
        RateBudget own = RateBudget.unshared(clock, Duration.ofSeconds(10), 1.0);
        own.leave(new Object());
        assertThat(own.reserveOrWait()).isZero();
    }

    @Test
    void aWorkerPacesAtTheShareOfTheConnectorsTasksItRuns() {
        RateBudget budget = new RateBudget(clock, Duration.ofSeconds(10), 1.0);
        RateBudget.Share first = budget.taskShare("connector", 3, 1.0);
        firstAnswer(budget, 50, 49, 10);
        assertThat(budget.reserveOrWait()).isZero();
        assertThat(budget.reserveOrWait()).as("one task of three here: 50 / 3 per 10 s")
                .isBetween(Duration.ofMillis(600), Duration.ofMillis(615));
        assertThat(budget.requestsPerSecond()).isCloseTo(50 * 0.99 / 3 / 10, org.assertj.core.data.Offset.offset(0.01));
        RateBudget.Share second = budget.taskShare("connector", 3, 1.0);
        assertThat(budget.requestsPerSecond()).as("two of three")
                .isCloseTo(50 * 0.99 * 2 / 3 / 10, org.assertj.core.data.Offset.offset(0.01));
        first.close();
        second.close();
        first.close();
        assertThat(budget.requestsPerSecond()).as("no task here: paces alone")
                .isCloseTo(50 * 0.99 / 10, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void connectorsSharingACredentialEachSpendTheirOwnFraction() {
        RateBudget budget = new RateBudget(clock, Duration.ofSeconds(10), 0.5);
        RateBudget.Share a = budget.taskShare("a", 1, 0.5);
        assertThat(budget.requestsPerSecond()).as("before the limit is known").isNull();
        firstAnswer(budget, 50, 49, 10);
        assertThat(budget.requestsPerSecond()).as("one connector at half the limit")
                .isCloseTo(25 * 0.99 / 10, org.assertj.core.data.Offset.offset(0.01));
        RateBudget.Share b = budget.taskShare("b", 1, 0.5);
        assertThat(budget.requestsPerSecond()).as("two at half each: the whole limit")
                .isCloseTo(50 * 0.99 / 10, org.assertj.core.data.Offset.offset(0.01));
        RateBudget.Share b2 = budget.taskShare("b", 1, 0.5);
        assertThat(budget.requestsPerSecond()).as("a second task of b adds nothing")
                .isCloseTo(50 * 0.99 / 10, org.assertj.core.data.Offset.offset(0.01));
        b.close();
        b2.close();
        RateBudget.Share c = budget.taskShare("c", 2, 0.4);
        assertThat(budget.requestsPerSecond()).as("a at half, c at 0.4 with one of its two tasks here")
                .isCloseTo((25 + 10) * 0.99 / 10, org.assertj.core.data.Offset.offset(0.01));
        a.close();
        c.close();
    }

    @Test
    void theTasksElsewhereOfEachConnectorKeepTheirRequestBack() {
        RateBudget budget = new RateBudget(clock, Duration.ofSeconds(10), 0.5);
        budget.taskShare("a", 2, 0.5);
        budget.taskShare("b", 2, 0.5);
        firstAnswer(budget, 50, 49, 10);
        clock.advance(Duration.ofSeconds(9));
        budget.update(rate(50, 3, clock.instant().plusSeconds(1).getEpochSecond()), clock.instant(), null);
        assertThat(budget.reserveOrWait()).as("3 left, 2 of them for a's and b's tasks elsewhere").isZero();
        clock.advance(Duration.ofMillis(10));
        assertThat(budget.reserveOrWait()).as("the rest waits for the reset").isGreaterThan(Duration.ofMillis(900));
    }

    @Test
    void aWorkerSpendsOnlyItsShareOfWhatAWindowHasLeft() {
        RateBudget budget = new RateBudget(clock, Duration.ofSeconds(10), 1.0);
        budget.taskShare("connector", 3, 1.0);
        firstAnswer(budget, 50, 49, 10);
        clock.advance(Duration.ofSeconds(4));
        budget.update(rate(50, 44, clock.instant().plusSeconds(6).getEpochSecond()), clock.instant(), null);
        assertThat(budget.reserveOrWait()).isZero();
        assertThat(budget.reserveOrWait()).as("a third of the 41 left (less one for each of the 2 tasks elsewhere) "
                + "in 6 s, where a third of an even pace would spend 10").isBetween(Duration.ofMillis(435),
                Duration.ofMillis(445));
    }

    @Test
    void tasksOnOtherWorkersKeepARequestEachOfTheirsBackAtTheEndOfAWindow() {
        RateBudget budget = new RateBudget(clock, Duration.ofSeconds(10), 1.0);
        budget.taskShare("connector", 3, 1.0);
        firstAnswer(budget, 50, 49, 10);
        clock.advance(Duration.ofSeconds(9));
        budget.update(rate(50, 3, clock.instant().plusSeconds(1).getEpochSecond()), clock.instant(), null);
        assertThat(budget.reserveOrWait()).as("3 left, 2 of them for the tasks elsewhere").isZero();
        clock.advance(Duration.ofMillis(10));
        assertThat(budget.reserveOrWait()).as("the rest waits for the reset").isGreaterThan(Duration.ofMillis(900));
    }

    @Test
    void aDocumentedLimitPacesWithoutHeadersAndEachThrottleLowersItButNotTheAnswersUnderWayThen() {
        RateBudget budget = new RateBudget(clock, Duration.ofMinutes(1), 1.0);
        assertThat(budget.requestsPerSecond()).as("nothing known yet").isNull();
        budget.assumeLimit(1_000);
        assertThat(budget.requestsPerSecond()).isCloseTo(1_000 * 0.99 / 60, org.assertj.core.data.Offset.offset(0.01));
        budget.throttled(Headers.of(), Duration.ofSeconds(10));
        assertThat(budget.limit()).isEqualTo(800);
        clock.advance(Duration.ofSeconds(1));
        budget.throttled(Headers.of(), Duration.ofSeconds(10));
        assertThat(budget.limit()).as("another request that was under way: the same news").isEqualTo(800);
        clock.advance(Duration.ofSeconds(10));
        budget.throttled(Headers.of("Retry-After", "2"), Duration.ofSeconds(10));
        assertThat(budget.limit()).as("throttled again after the wait: slower still").isEqualTo(640);

        RateBudget announced = new RateBudget(clock, Duration.ofMinutes(1), 1.0);
        announced.assumeLimit(1_000);
        announced.update(rate(300, 299, clock.instant().plusSeconds(60).getEpochSecond()), clock.instant(), null);
        assertThat(announced.limit()).as("a header wins over the documented limit").isEqualTo(300);
        announced.throttled(Headers.of(), Duration.ofSeconds(1));
        assertThat(announced.limit()).as("an announced limit is not second-guessed").isEqualTo(300);
        announced.assumeLimit(1_000);
        assertThat(announced.limit()).isEqualTo(300);
    }

    @Test
    void anAssumedLimitThatThrottlesLoweredRisesAgainStepByStepAfterQuietWindowsButNotAboveTheDocumentedOne() {
        RateBudget budget = new RateBudget(clock, Duration.ofMinutes(1), 1.0);
        budget.assumeLimit(100);
        budget.throttled(Headers.of(), Duration.ofSeconds(1));
        budget.throttled(Headers.of(), Duration.ofSeconds(1)); // under way: not lowered again
        clock.advance(Duration.ofSeconds(2));
        budget.throttled(Headers.of(), Duration.ofSeconds(1));
        assertThat(budget.limit()).isEqualTo(64);

        clock.advance(Duration.ofMinutes(5)); // idle: a window barely used proves nothing
        budget.reserveOrWait();
        assertThat(budget.limit()).isEqualTo(64);

        List<Integer> limits = new ArrayList<>();
        for (int minute = 0; minute < 12; minute++) {
            runFor(budget, Duration.ofMinutes(1)); // busy, at the pace it allows, and never throttled
            limits.add(budget.limit());
        }
        assertThat(limits).as("+5 (a twentieth of 100) per quiet window, up to 100 and no further")
                .containsExactly(64, 69, 74, 79, 84, 89, 94, 99, 100, 100, 100, 100);
    }

    /** Sends requests as fast as the budget allows for {@code span}, each answered at once without headers. */
    private void runFor(RateBudget budget, Duration span) {
        Instant end = clock.instant().plus(span);
        while (clock.instant().isBefore(end)) {
            Duration wait = budget.reserveOrWait();
            if (wait.isZero()) {
                budget.release(clock.instant());
            } else {
                clock.advance(wait);
            }
        }
    }

    /**
     * Harvest v1 sends no reset time on 2xx answers. A fixed window shows where it begins when what remains jumps up;
     * from then on what a window has left is spent before its (inferred) reset, so a pause costs nothing, and no
     * request is refused.
     */
    @Test
    void withoutResetTimesAFixedWindowIsInferredFromWhatRemainsAndItsLeftoverSpentBeforeItResets() {
        RateBudget budget = new RateBudget(clock, Duration.ofSeconds(10), 1.0);
        long epoch = clock.instant().getEpochSecond();
        int[] perWindow = new int[6];
        int refused = 0;
        Instant end = clock.instant().plusSeconds(60);
        while (clock.instant().isBefore(end)) {
            long at = clock.instant().getEpochSecond() - epoch;
            if (at >= 34 && at < 37) {
                clock.advance(Duration.ofMillis(100)); // nothing to ask for a while, early in the fourth window
                continue;
            }
            Duration wait = budget.reserveOrWait();
            if (!wait.isZero()) {
                clock.advance(wait);
                continue;
            }
            int w = (int) (at / 10);
            Instant started = clock.instant();
            budget.release(started);
            if (perWindow[w] >= 50) {
                refused++;
                budget.throttled(Headers.of("Retry-After", "1"), Duration.ofSeconds(10));
                continue;
            }
            perWindow[w]++;
            budget.update(Headers.of("X-Ratelimit-Limit", "50", "X-Ratelimit-Remaining",
                    String.valueOf(50 - perWindow[w])), clock.instant(), started);
        }
        assertThat(refused).as("no request refused").isZero();
        assertThat(perWindow[3]).as("the window with a pause of 3 s still spends its budget, before it resets")
                .isGreaterThanOrEqualTo(49);
        assertThat(perWindow[2]).as("a full window").isGreaterThanOrEqualTo(49);
    }

    /**
     * The start of a v1 backfill: one request, then nothing asked for 3.5 s (its answer, the counts' answers), then
     * more asked for than the pace allows, from a server that sends no reset time (v1 on 2xx answers). Paced evenly
     * from there, the first window spends 34 of its 50; the slots the quiet spell left unused (up to a fifth of the
     * window) start at once. A window that rolls instead of resetting refuses nothing either: what remains bounds
     * the burst.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aQuietStartOfAWindowWithoutResetTimesIsCaughtUpAndNothingIsRefused(boolean rolling) {
        RateBudget budget = new RateBudget(clock, Duration.ofSeconds(10), 1.0);
        Instant begin = clock.instant();
        List<Instant> served = new ArrayList<>();
        int refused = 0;
        while (clock.instant().isBefore(begin.plusSeconds(30))) {
            if (!served.isEmpty() && clock.instant().isBefore(begin.plusMillis(3_500))) {
                clock.advance(Duration.ofMillis(100));
                continue;
            }
            Duration wait = budget.reserveOrWait();
            if (!wait.isZero()) {
                clock.advance(wait);
                continue;
            }
            Instant now = clock.instant();
            Instant windowStart = rolling ? now.minusSeconds(10).plusNanos(1)
                    : begin.plusSeconds(Duration.between(begin, now).toSeconds() / 10 * 10);
            budget.release(now);
            if (served.stream().filter(t -> !t.isBefore(windowStart)).count() >= 50) {
                refused++;
                budget.throttled(Headers.of("Retry-After", "1"), Duration.ofSeconds(10));
                continue;
            }
            served.add(now);
            long used = served.stream().filter(t -> !t.isBefore(windowStart)).count();
            budget.update(Headers.of("X-Ratelimit-Limit", "50", "X-Ratelimit-Remaining", String.valueOf(50 - used)),
                    now, now);
        }
        assertThat(refused).as("no request refused, of " + served.size()).isZero();
        long firstWindow = served.stream().filter(t -> t.isBefore(begin.plusSeconds(10))).count();
        assertThat(firstWindow).as("the first window, with 3.5 s of it quiet").isBetween(43L, 50L);
    }

    @Test
    void aBurstAfterAQuietSpellStartsNoMoreThanWhatRemains() {
        RateBudget budget = new RateBudget(clock, Duration.ofSeconds(10), 1.0);
        assertThat(budget.reserveOrWait()).isZero();
        budget.release(clock.instant());
        budget.update(Headers.of("X-Ratelimit-Limit", "50", "X-Ratelimit-Remaining", "4"), clock.instant(),
                clock.instant());
        clock.advance(Duration.ofSeconds(4));
        int atOnce = 0;
        while (budget.reserveOrWait().isZero()) {
            atOnce++;
        }
        assertThat(atOnce).as("4 remain, though 4 s of slots went unused").isEqualTo(4);
    }

    @Test
    void anAssumedLimitCatchesNothingUpAfterAQuietSpell() {
        RateBudget budget = new RateBudget(clock, Duration.ofSeconds(60), 1.0);
        budget.assumeLimit(1_000);
        assertThat(budget.reserveOrWait()).isZero();
        budget.release(clock.instant());
        clock.advance(Duration.ofSeconds(10));
        assertThat(budget.reserveOrWait()).isZero();
        assertThat(budget.reserveOrWait()).as("no header tells what the window has left: evenly paced")
                .isPositive();
    }

    /**
     * The reported hang: v1 answers without X-RateLimit-Reset. A spent window is waited out for a window from the
     * last answer, then one request goes; its answer (a new window, on the server) lets the others go again.
     */
    @Test
    void withoutResetTimesASpentWindowEndsAWindowAfterTheLastAnswerAndOneRequestProbesTheNext() {
        RateBudget budget = new RateBudget(clock, Duration.ofSeconds(10), 1.0);
        int served = 0;
        Instant end = clock.instant().plus(Duration.ofMinutes(2));
        int serverWindow = -1;
        int usedInWindow = 0;
        for (int step = 0; step < 10_000 && clock.instant().isBefore(end); step++) {
            Duration wait = budget.reserveOrWait();
            if (!wait.isZero()) {
                assertThat(wait).as("no wait longer than a window").isLessThanOrEqualTo(Duration.ofSeconds(10));
                clock.advance(wait);
                continue;
            }
            Instant started = clock.instant();
            int w = (int) (started.getEpochSecond() / 10); // the server: 5 per fixed 10 s window
            if (w != serverWindow) {
                serverWindow = w;
                usedInWindow = 0;
            }
            budget.release(started);
            if (usedInWindow >= 5) {
                budget.throttled(Headers.of("X-RateLimit-Reset", String.valueOf((w + 1) * 10L), "Retry-After", "1"),
                        Duration.ofSeconds(10));
                continue;
            }
            usedInWindow++;
            served++;
            budget.update(Headers.of("X-Ratelimit-Limit", "5", "X-Ratelimit-Remaining", String.valueOf(5 - usedInWindow)),
                    clock.instant(), started);
            clock.advance(Duration.ofMillis(50));
        }
        assertThat(served).as("about 5 per 10 s for 2 minutes, where the old budget stopped after the first 5")
                .isGreaterThanOrEqualTo(40);
    }

    @Test
    void headerNamesAreMatchedInAnyCase() {
        RateBudget budget = new RateBudget(clock, Duration.ofSeconds(10), 1.0);
        budget.reserveOrWait();
        budget.release(clock.instant());
        budget.update(Headers.of("x-ratelimit-limit", "50", "X-RATELIMIT-REMAINING", "0", "x-RateLimit-reset",
                String.valueOf(clock.instant().getEpochSecond() + 4)), clock.instant(), null);
        assertThat(budget.limit()).isEqualTo(50);
        assertThat(budget.reserveOrWait()).isEqualTo(Duration.ofSeconds(4));
    }

    @ParameterizedTest(name = "Reset {0}")
    @ValueSource(strings = {"epochSeconds", "epochMillis", "httpDate", "deltaSeconds"})
    void aResetInEachShapeIsWaitedFor(String shape) {
        RateBudget budget = new RateBudget(clock, Duration.ofSeconds(10), 1.0);
        budget.reserveOrWait();
        budget.release(clock.instant());
        Instant reset = clock.instant().plusSeconds(6);
        String value = switch (shape) {
            case "epochSeconds" -> String.valueOf(reset.getEpochSecond());
            case "epochMillis" -> String.valueOf(reset.toEpochMilli());
            case "httpDate" -> DateTimeFormatter.RFC_1123_DATE_TIME.format(reset.atZone(ZoneOffset.UTC));
            default -> "6";
        };
        budget.update(Headers.of("X-RateLimit-Limit", "50", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", value),
                clock.instant(), null);
        assertThat(budget.reserveOrWait()).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void aRetryAfterAsAnHttpDateIsWaitedFor() {
        RateBudget budget = new RateBudget(clock, Duration.ofSeconds(10), 1.0);
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().plusSeconds(8).atZone(ZoneOffset.UTC));
        assertThat(budget.throttled(Headers.of("Retry-After", at), Duration.ofSeconds(1)))
                .isEqualTo(Duration.ofSeconds(8));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"X-RateLimit-Reset, 4102444800", "X-RateLimit-Reset, 4102444800000", "Retry-After, 99999999",
            "Retry-After, 'Fri, 01 Jan 2100 00:00:00 GMT'"})
    void aWaitYearsAheadIsCutToAFewWindows(String header, String value) {
        RateBudget budget = new RateBudget(clock, Duration.ofSeconds(10), 1.0);
        budget.reserveOrWait();
        budget.release(clock.instant());
        Duration wait = budget.throttled(Headers.of(header, value), Duration.ofSeconds(1));
        Duration limit = Duration.ofSeconds(10).multipliedBy(RateBudget.MAX_WAIT_WINDOWS);
        assertThat(wait).isEqualTo(limit);
        assertThat(budget.reserveOrWait()).isEqualTo(limit);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"Retry-After, 0", "Retry-After, -5", "Retry-After, soon", "X-RateLimit-Reset, 0",
            "X-RateLimit-Reset, -1700000000"})
    void aThrottleWithAWaitOfZeroOrLessWaitsTheFallback(String header, String value) {
        RateBudget budget = new RateBudget(clock, Duration.ofSeconds(10), 1.0);
        assertThat(budget.throttled(Headers.of(header, value), Duration.ofSeconds(3)))
                .isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aThrottleThatSaysNothingWaitsAtMostAWindow() {
        RateBudget budget = new RateBudget(clock, Duration.ofSeconds(2), 1.0);
        assertThat(budget.throttled(Headers.of(), Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aLimitOfZeroOrLessIsIgnoredAndARemainingBelowZeroOrAboveTheLimitIsNotBelieved() {
        RateBudget budget = new RateBudget(clock, Duration.ofSeconds(10), 1.0);
        budget.update(Headers.of("X-RateLimit-Limit", "0", "X-RateLimit-Remaining", "-3"), clock.instant(), null);
        assertThat(budget.limit()).isNull();
        assertThat(budget.reserveOrWait()).isZero();
        budget.update(Headers.of("X-RateLimit-Limit", "-50"), clock.instant(), null);
        assertThat(budget.limit()).isNull();
        budget.release(clock.instant());
        budget.update(Headers.of("X-RateLimit-Limit", "2", "X-RateLimit-Remaining", "1000000", "X-RateLimit-Reset",
                String.valueOf(clock.instant().getEpochSecond() + 25)), clock.instant(), null);
        assertThat(budget.reserveOrWait()).isZero();
        clock.advance(Duration.ofMillis(5_100));
        assertThat(budget.reserveOrWait()).isZero();
        clock.advance(Duration.ofMillis(5_100));
        assertThat(budget.reserveOrWait()).as("Remaining taken as the limit, 2: the third waits for the reset")
                .isEqualTo(Duration.ofMillis(25_000 - 10_200));
    }

    @Test
    void resetTimesIgnoreADateFarFromTheOthersUntilAnswersAgreeOnIt() {
        RateBudget budget = new RateBudget(clock, Duration.ofSeconds(10), 1.0);
        budget.update(Headers.of(), clock.instant(), null);
        budget.update(Headers.of(), clock.instant().plus(Duration.ofHours(1)), null); // an odd stamp
        Headers spent = Headers.of("X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset",
                String.valueOf(clock.instant().getEpochSecond() + 5));
        budget.update(spent, null, null);
        assertThat(budget.reserveOrWait()).as("the reset read with the clock as it was").isEqualTo(Duration.ofSeconds(5));
    }
}
