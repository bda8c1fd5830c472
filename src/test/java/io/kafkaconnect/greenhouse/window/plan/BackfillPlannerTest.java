package io.kafkaconnect.greenhouse.window.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kafkaconnect.greenhouse.dialect.Window;
import io.kafkaconnect.greenhouse.window.plan.BackfillPlanner.Piece;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the pieces of a backfill are planned, without reading anything: the planner is told what reads find. */
class BackfillPlannerTest {
    private static final Instant END = ChangeCurveTest.END;
    private static final Instant START = END.minus(Duration.ofDays(100));
    private static final int PAGE = 100;

    /** {@code n} change times spread evenly over {@code [from, to)}, as a first page shows them. */
    private static List<Instant> sample(Instant from, Instant to, int n) {
        long seconds = Duration.between(from, to).toSeconds();
        List<Instant> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(from.plusSeconds(seconds * i / n));
        }
        return out;
    }

    /** Records in {@code [from, to)} where {@code total} records changed evenly over the whole window. */
    private static long uniform(Window span, long total) {
        Instant from = span.from() == null ? START : span.from();
        return total * Duration.between(from, span.to()).toSeconds() / Duration.between(START, END).toSeconds();
    }

    private static BackfillPlanner counted(int pages, List<Window> done, List<Window> reading) {
        return new BackfillPlanner(new BackfillPlanner.Start(START, END, pages, true, sample(START, END, PAGE),
                done, reading), PAGE);
    }

    /** Plans at the frontier until it cannot, each piece counted as soon as it is planned. */
    private static List<Piece> planAll(BackfillPlanner planner, int reads) {
        List<Piece> out = new ArrayList<>();
        Piece p;
        while ((p = planner.next(reads, () -> 0)) != null) {
            out.add(p);
        }
        return out;
    }

    /** The spans given tile {@code [from, to)}: in order of time, each starting where the one before ended. */
    private static void assertTiles(List<Window> spans, Instant from, Instant to) {
        List<Window> sorted = spans.stream()
                .sorted(Comparator.comparing(w -> BackfillPlanner.key(w.from()))).toList();
        assertThat(sorted).isNotEmpty();
        assertThat(sorted.get(0).from()).isEqualTo(from);
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(sorted.get(i).from()).as("piece %d starts where the one before ends", i)
                    .isEqualTo(sorted.get(i - 1).to());
            assertThat(sorted.get(i).from()).isBefore(sorted.get(i).to());
        }
        assertThat(sorted.get(sorted.size() - 1).to()).isEqualTo(to);
    }

    private static List<Window> spans(List<Piece> pieces) {
        return pieces.stream().map(p -> new Window(p.from(), p.to())).toList();
    }

    @Test
    void aCountedWindowIsCutIntoPiecesOfFortyPagesLessHalfAPageThatTileIt() {
        long total = 200_000;
        BackfillPlanner planner = counted((int) (total / PAGE), List.of(), List.of());
        assertThat(planner.firstPieces()).isEmpty();
        assertThat(planner.counting()).isTrue();
        assertThat(planner.next(1, () -> 0)).as("nothing is planned before spans are counted").isNull();
        List<Window> probes = new ArrayList<>();
        for (int i = 0; i < planner.probes(); i++) {
            probes.add(planner.probeSpan(i));
        }
        assertThat(probes).hasSize(BackfillPlanner.PROBES);
        assertTiles(probes, START, END);
        for (int i = 0; i < probes.size(); i++) {
            planner.probed(i, uniform(probes.get(i), total));
        }
        assertThat(planner.counting()).isFalse();

        List<Piece> pieces = planAll(planner, 1);
        assertThat(planner.allPlanned()).isTrue();
        assertTiles(spans(pieces), START, END);
        Piece first = pieces.get(0);
        assertThat((double) first.expected()).isCloseTo((BackfillPlanner.COUNTED_PIECE_PAGES - 0.5) * PAGE,
                within(0.02 * BackfillPlanner.COUNTED_PIECE_PAGES * PAGE));
        assertThat(first.guessPages()).as("its walk starts at its expected last page")
                .isEqualTo(BackfillPlanner.COUNTED_PIECE_PAGES);
        assertThat(first.maxPages()).isEqualTo(PieceCutter.MAX_PAGES_FACTOR * first.guessPages());
        assertThat(pieces.stream().mapToLong(Piece::expected).sum()).isCloseTo(total, within(total / 100));
    }

    @Test
    void nearTheEndOfACountedWindowEachReadGetsItsShareOfWhatIsLeftIncludingWhatIsInFlight() {
        long total = 20_000; // 200 pages: 25 a read for eight reads
        BackfillPlanner planner = counted((int) (total / PAGE), List.of(), List.of());
        for (int i = 0; i < planner.probes(); i++) {
            planner.probed(i, uniform(planner.probeSpan(i), total));
        }
        Piece shared = planner.next(8, () -> 0);
        assertThat((double) shared.expected()).isCloseTo(24.5 * PAGE, within(0.5 * PAGE));

        BackfillPlanner busy = counted((int) (total / PAGE), List.of(), List.of());
        for (int i = 0; i < busy.probes(); i++) {
            busy.probed(i, uniform(busy.probeSpan(i), total));
        }
        Piece more = busy.next(8, () -> 8.0 * 10 * PAGE); // eight reads hold ten pages each still to read
        assertThat((double) more.expected()).isCloseTo(34.5 * PAGE, within(0.5 * PAGE));
    }

    @Test
    void planningWaitsForTwoCountsStaysBeforeTheLastSpanCountedAndFallsBackToTheSampleIfACountFails() {
        BackfillPlanner planner = counted(2_000, List.of(), List.of());
        planner.probed(0, uniform(planner.probeSpan(0), 200_000));
        assertThat(planner.mayPlan()).isFalse();
        planner.probed(1, uniform(planner.probeSpan(1), 200_000));
        assertThat(planner.mayPlan()).isTrue();
        Instant lastCounted = planner.probeSpan(1).from();
        List<Piece> before = planAll(planner, 1);
        assertThat(before).isNotEmpty().allSatisfy(p -> assertThat(p.to()).isBeforeOrEqualTo(lastCounted));
        assertThat(planner.allPlanned()).isFalse();

        planner.probed(2, null);
        assertThat(planner.counting()).isFalse();
        Piece sampled = planner.next(1, () -> 0);
        assertThat(sampled.from()).isEqualTo(before.get(before.size() - 1).to());
        assertThat(sampled.byRate()).isFalse();
        assertThat(sampled.maxPages()).as("a piece cut by the sample is cut again past two pages").isEqualTo(2);
        assertThat(sampled.expected()).isEqualTo((long) Math.ceil(PieceCutter.SAMPLE_FILL * PAGE));
    }

    @Test
    void aWindowTooSmallToCountIsPlannedByItsSampleThenByTheDensityItsPiecesShow() {
        BackfillPlanner planner = new BackfillPlanner(new BackfillPlanner.Start(START, END, 20, true,
                sample(START, END, PAGE), List.of(), List.of()), PAGE);
        assertThat(planner.probes()).isZero();
        assertThat(planner.firstPieces()).isEmpty();
        Piece sampled = planner.next(4, () -> 0);
        assertThat(sampled.byRate()).isFalse();
        planner.counted(sampled, uniform(new Window(sampled.from(), sampled.to()), 2_000));

        Piece byRate = planner.next(4, () -> 0);
        assertThat(byRate.from()).isEqualTo(sampled.to());
        assertThat(byRate.byRate()).isTrue();
        assertThat(byRate.expected()).isGreaterThan(sampled.expected());
        assertThat(byRate.guessPages()).isBetween(BackfillPlanner.MIN_PIECE_PAGES, BackfillPlanner.PIECE_PAGES);
    }

    @Test
    void aCursorWindowIsScoutedFirstAndTheRestPlannedFromTheScoutsCounts() {
        List<Instant> sample = sample(END.minus(Duration.ofDays(5)), END, 500);
        BackfillPlanner planner = new BackfillPlanner(new BackfillPlanner.Start(START, END, 400, false, sample,
                List.of(), List.of()), 500);
        List<ScoutPlan.Scout> places = ScoutPlan.place(START, END, sample, 500);
        List<Piece> scouts = planner.firstPieces();
        assertThat(spans(scouts)).containsExactlyElementsOf(
                places.stream().map(s -> new Window(s.readFrom(), s.to())).toList());
        assertThat(planner.mayPlan()).isFalse();

        long total = 200_000;
        planner.counted(scouts.get(0), uniform(new Window(scouts.get(0).from(), scouts.get(0).to()), total));
        assertThat(planner.mayPlan()).as("one scout draws no curve").isFalse();
        for (Piece scout : scouts.subList(1, scouts.size())) {
            planner.counted(scout, uniform(new Window(scout.from(), scout.to()), total));
        }
        assertThat(planner.mayPlan()).isTrue();
        List<Piece> pieces = planAll(planner, 1);
        assertThat(planner.allPlanned()).isTrue();
        assertThat(pieces).allSatisfy(p -> {
            assertThat(p.guessPages()).as("a cursor piece starts at its first page").isEqualTo(1);
            assertThat(p.maxPages()).as("and is walked whole").isEqualTo(Integer.MAX_VALUE);
        });
        List<Window> all = new ArrayList<>(spans(scouts));
        all.addAll(spans(pieces));
        assertTiles(all, START, END);
    }

    @Test
    void aCursorWindowTooShortToScoutIsCutAsAWholeIntoOnePagePiecesBySample() {
        Instant from = END.minusSeconds(5); // too short for two scouts
        BackfillPlanner planner = new BackfillPlanner(new BackfillPlanner.Start(from, END, 4, false,
                sample(from, END, PAGE), List.of(), List.of()), PAGE);
        assertThat(planner.allPlanned()).isTrue();
        List<Piece> pieces = planner.firstPieces();
        assertThat(pieces).hasSize((int) Math.ceil(4 / 0.85));
        assertTiles(spans(pieces), from, END);
    }

    @Test
    void aRestartPlansOnlyWhatThePreviousRunNeitherReadNorBegan() {
        Instant a = START.plus(Duration.ofDays(10));
        Instant b = START.plus(Duration.ofDays(20));
        Instant c = START.plus(Duration.ofDays(50));
        Instant d = START.plus(Duration.ofDays(51));
        List<Window> done = List.of(new Window(a, b));
        Window reading = new Window(c, d);
        BackfillPlanner planner = counted(2_000, done, List.of(reading));
        for (int i = 0; i < planner.probes(); i++) {
            planner.probed(i, uniform(planner.probeSpan(i), 200_000));
        }
        Piece resumed = planner.resumed(reading);
        assertThat(new Window(resumed.from(), resumed.to())).isEqualTo(new Window(c, d));
        assertThat(resumed.maxPages()).as("read on whole").isEqualTo(Integer.MAX_VALUE);

        List<Window> all = new ArrayList<>(spans(planAll(planner, 1)));
        all.addAll(done);
        all.add(new Window(c, d));
        assertTiles(all, START, END);
    }

    @Test
    void aRefusedPieceIsCutAgainByItsPageCountOrEvenlyIntoOnePagePiecesWithoutACount() {
        BackfillPlanner planner = counted(2_000, List.of(), List.of());
        Instant from = START.plus(Duration.ofDays(1));
        Instant to = START.plus(Duration.ofDays(2));
        Piece refused = Piece.of(from, to, 2, 6, 200);

        List<Piece> byCount = planner.recut(refused, 100, true, sample(from, to, PAGE));
        assertThat(byCount).hasSize((int) Math.ceil(100 / (BackfillPlanner.PIECE_PAGES - 0.5)));
        assertTiles(spans(byCount), from, to);
        assertThat(byCount).allSatisfy(p -> assertThat(p.guessPages()).isBetween(20, 25));

        List<Piece> uncounted = planner.recut(refused, 10, false, sample(from, to, PAGE));
        assertThat(uncounted).hasSize((int) Math.ceil(10 / 0.85));
        assertTiles(spans(uncounted), from, to);
        assertThat(uncounted).allSatisfy(p -> assertThat(p.guessPages()).isEqualTo(1));
    }

    @Test
    void aPieceTooShortToCutIsWalkedWhole() {
        Piece oneSecond = Piece.of(START, START.plusSeconds(1), 3, 9, 300);
        assertThat(oneSecond.maxPages()).isEqualTo(Integer.MAX_VALUE);
        Piece longer = Piece.of(START, START.plusSeconds(2), 3, 9, 300);
        assertThat(longer.maxPages()).isEqualTo(9);
    }
}
