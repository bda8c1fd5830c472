package io.kafkaconnect.greenhouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.util.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/**
 * Connectors sharing one credential's budget, each paced at its own {@code rate.limit.budget.fraction}: an API
 * with fixed 10-s windows of 50 requests that says what remains and when the window resets, answering at once.
 */
class ConnectorPaceTest {
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final int LIMIT = 50;
    private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final long epoch = clock.instant().getEpochSecond();
    private final RateBudget budget = new RateBudget(clock, WINDOW, 1.0);
    private final Map<Object, List<Instant>> started = new LinkedHashMap<>();
    private final int[] perWindow = new int[100];
    private int refused;

    /**
     * Runs for {@code span}: at each moment the users ask in the order given, each while {@code asks} says it has
     * something to ask then and the budget lets it start; the clock moves to the next moment anyone may start.
     */
    private void run(Duration span, List<Object> users, BiPredicate<Object, Instant> asks) {
        Instant end = clock.instant().plus(span);
        while (clock.instant().isBefore(end)) {
            Duration next = Duration.ofMillis(100);
            for (Object user : users) {
                while (asks.test(user, clock.instant())) {
                    Duration wait = budget.reserveOrWait(user);
                    if (!wait.isZero()) {
                        next = wait.compareTo(next) < 0 ? wait : next;
                        break;
                    }
                    answer(user);
                }
            }
            clock.advance(next);
        }
    }

    private void answer(Object user) {
        Instant now = clock.instant();
        budget.release(now);
        int w = (int) ((now.getEpochSecond() - epoch) / WINDOW.toSeconds());
        if (perWindow[w] >= LIMIT) {
            refused++;
            budget.throttled(Headers.of("Retry-After", "1"), WINDOW);
            return;
        }
        perWindow[w]++;
        started.computeIfAbsent(user, u -> new ArrayList<>()).add(now);
        budget.update(Headers.of("X-RateLimit-Limit", String.valueOf(LIMIT),
                "X-RateLimit-Remaining", String.valueOf(LIMIT - perWindow[w]),
                "X-RateLimit-Reset", String.valueOf(epoch + (w + 1) * WINDOW.toSeconds())), now, now);
    }

    /** How many of {@code user}'s requests started in each 10-s window of the API, from the first. */
    private List<Integer> perWindowOf(Object user, int windows) {
        List<Integer> counts = new ArrayList<>();
        for (int w = 0; w < windows; w++) {
            Instant from = Instant.ofEpochSecond(epoch + w * WINDOW.toSeconds());
            Instant to = from.plus(WINDOW);
            counts.add((int) started.getOrDefault(user, List.of()).stream()
                    .filter(t -> !t.isBefore(from) && t.isBefore(to)).count());
        }
        return counts;
    }

    @Test
    void twoConnectorsAtHalfEachGetHalfThoughOneAlwaysAsksFirstAndInBursts() {
        Object a = new Object();
        Object b = new Object();
        budget.taskShare(a, "a", 1, 0.5);
        budget.taskShare(b, "b", 1, 0.5);
        run(Duration.ofSeconds(60), List.of(a, b), (user, now) -> true);
        assertThat(refused).isZero();
        assertThat(perWindowOf(a, 6).subList(1, 6)).as("a: 25 of each window, though it asks first")
                .allSatisfy(n -> assertThat(n).isBetween(24, 25));
        assertThat(perWindowOf(b, 6).subList(1, 6)).as("b: 25 of each window, though it asks second")
                .allSatisfy(n -> assertThat(n).isBetween(24, 25));
    }

    @Test
    void connectorsTakeTurnsWhicheverAsksFirstAndEachKeepsToItsOwnFraction() {
        Object a = new Object();
        Object b = new Object();
        budget.taskShare(a, "a", 1, 0.3);
        budget.taskShare(b, "b", 1, 0.7);
        // who asks first changes every second, and each asks in bursts of everything it may start
        run(Duration.ofSeconds(60), List.of(a, b), (user, now) -> ((now.getEpochSecond() - epoch) % 2 == 0) == (user == a));
        run(Duration.ofSeconds(60), List.of(b, a), (user, now) -> true);
        assertThat(refused).isZero();
        assertThat(perWindowOf(a, 12)).as("a: 0.3 of 50 in every window").allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(15));
        assertThat(perWindowOf(b, 12)).as("b: 0.7 of 50").allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(35));
        assertThat(perWindowOf(a, 12).subList(7, 12)).allSatisfy(n -> assertThat(n).isBetween(14, 15));
        assertThat(perWindowOf(b, 12).subList(7, 12)).allSatisfy(n -> assertThat(n).isBetween(34, 35));
    }

    /**
     * The other connector idle (or done): one connector never spends more than its fraction of a window, also after
     * a pause, when the window it resumes in has more left than its part, and after the other one stops; what the
     * window left it after the pause it spends before the reset.
     */
    @Test
    void aConnectorAloneNeverExceedsItsFractionOfAWindowButSpendsAllOfIt() {
        Object a = new Object();
        Object b = new Object();
        budget.taskShare(a, "a", 1, 0.5);
        RateBudget.Share bShare = budget.taskShare(b, "b", 1, 0.5);
        long pauseFrom = epoch + 23;
        long pauseTo = epoch + 27;
        run(Duration.ofSeconds(40), List.of(a, b), (user, now) -> user == a
                && (now.getEpochSecond() < pauseFrom || now.getEpochSecond() >= pauseTo));
        bShare.close();
        run(Duration.ofSeconds(30), List.of(a), (user, now) -> true);
        assertThat(refused).isZero();
        assertThat(perWindowOf(a, 7).subList(1, 7))
                .as("25 of each window: not more though the other leaves its half, but also after the pause at 23-27 s")
                .allSatisfy(n -> assertThat(n).isBetween(24, 25));
    }

    @Test
    void eachConnectorsTasksHerePaceAtTheirShareOfItsFraction() {
        Object a1 = new Object();
        Object a2 = new Object();
        Object b = new Object();
        budget.taskShare(a1, "a", 4, 0.5);
        budget.taskShare(a2, "a", 4, 0.5);
        budget.taskShare(b, "b", 1, 0.5);
        run(Duration.ofSeconds(60), List.of(a1, a2, b), (user, now) -> true);
        assertThat(refused).isZero();
        int aTogether = started.getOrDefault(a1, List.of()).size() + started.getOrDefault(a2, List.of()).size();
        assertThat(aTogether).as("two of a's four tasks here: half of its 25 per window (12 or 13), 6 windows, "
                + "not its whole fraction (150)").isBetween(72, 78);
        assertThat(perWindowOf(b, 6).subList(1, 6)).allSatisfy(n -> assertThat(n).isBetween(24, 25));
    }

    @Test
    void aUserWithoutATasksShareIsPacedWithTheWholeBudget() {
        Object check = new Object();
        run(Duration.ofSeconds(30), List.of(check), (user, now) -> true);
        assertThat(refused).isZero();
        assertThat(perWindowOf(check, 3).subList(1, 3)).allSatisfy(n -> assertThat(n).isBetween(49, 50));
    }
}
