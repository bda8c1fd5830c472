package io.kafkaconnect.greenhouse.window.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class ChangeCurveTest {
    static final Instant END = Instant.parse("2026-11-29T00:00:00Z");
    static final Instant START = END.minus(Duration.ofDays(1096));
    /** Records changed before each instant, for a density that grows tenfold every year (edits lean recent). */
    private static final DoubleUnaryOperator TRUE_CUMULATIVE = seconds -> {
        double k = Math.log(10) / (365 * 86_400.0);
        return 1_000 * Math.expm1(k * (seconds - START.getEpochSecond()));
    };

    @Test
    void theCurveIsExactAtEveryCountedBoundAndCountsEverythingBeforeAnOpenStart() {
        ChangeCurve curve = countedByAge(8);
        List<Instant> bounds = ChangeCurve.boundsByAge(START, END, 8);
        for (int i = 0; i + 1 < bounds.size(); i++) {
            assertThat(curve.between(bounds.get(i), bounds.get(i + 1)))
                    .isCloseTo(truth(bounds.get(i), bounds.get(i + 1)), within(1.0));
        }
        assertThat(curve.between(null, END)).isCloseTo(truth(START, END), within(1.0));
        assertThat(curve.between(null, START)).isZero();
    }

    @Test
    void insideASpanTheCurveFollowsTheDensityItsNeighboursShow() {
        ChangeCurve curve = countedByAge(8);
        // pieces of about 12,000 records planned along the whole window, as the backfill plans them
        Instant from = START;
        double worst = 0;
        double sum = 0;
        int pieces = 0;
        double worstFlat = 0;
        while (from.isBefore(END.minus(Duration.ofDays(2)))) {
            Instant to = curve.end(from, 12_000, END);
            double truth = truth(from, to);
            worst = Math.max(worst, Math.abs(truth / 12_000 - 1));
            sum += Math.abs(truth / 12_000 - 1);
            pieces++;
            worstFlat = Math.max(worstFlat, Math.abs(flatBetween(from, to) / truth - 1));
            from = to;
        }
        assertThat(sum / pieces).as("mean error of a piece's expected count").isLessThan(0.02);
        // the long first spans, with a neighbour on one side only, are the least sure
        assertThat(worst).as("largest error of a piece's expected count").isLessThan(0.12);
        assertThat(worstFlat).as("a density taken as flat inside each span is much further off").isGreaterThan(0.5);
    }

    @Test
    void whereAPieceEndsInvertsHowManyRecordsItHolds() {
        ChangeCurve curve = countedByAge(8);
        Instant from = END.minus(Duration.ofDays(300));
        Instant to = curve.end(from, 5_000, END);
        assertThat(curve.between(from, to)).isCloseTo(5_000, within(1.0));
        assertThat(curve.end(from, 1e12, END)).as("never past the limit").isEqualTo(END);
        assertThat(curve.end(null, 100, END)).isAfter(START);
    }

    @Test
    void spansByAgeHalveTowardsTheEnd() {
        List<Instant> bounds = ChangeCurve.boundsByAge(START, END, 4);
        assertThat(bounds).hasSize(5);
        assertThat(bounds.get(0)).isEqualTo(START);
        assertThat(bounds.get(4)).isEqualTo(END);
        long whole = Duration.between(START, END).toSeconds();
        assertThat(Duration.between(bounds.get(3), END).toSeconds()).isEqualTo(whole / 8);
        assertThat(Duration.between(bounds.get(1), END).toSeconds()).isEqualTo(whole / 2);
        assertThat(ChangeCurve.boundsByAge(END.minusSeconds(3), END, 8)).as("no span under a second")
                .hasSize(3);
    }

    @Test
    void spansMustFollowOneAnother() {
        assertThatThrownBy(() -> new ChangeCurve(List.of(new ChangeCurve.Span(START, START.plusSeconds(10), 5),
                new ChangeCurve.Span(START.plusSeconds(11), END, 5)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChangeCurve(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static ChangeCurve countedByAge(int spans) {
        List<Instant> bounds = ChangeCurve.boundsByAge(START, END, spans);
        List<ChangeCurve.Span> counted = new ArrayList<>();
        for (int i = 0; i + 1 < bounds.size(); i++) {
            counted.add(new ChangeCurve.Span(bounds.get(i), bounds.get(i + 1),
                    Math.round(truth(bounds.get(i), bounds.get(i + 1)))));
        }
        return new ChangeCurve(counted);
    }

    /** Records in {@code [from, to)} by the same counts with a flat density inside each span. */
    private static double flatBetween(Instant from, Instant to) {
        List<Instant> bounds = ChangeCurve.boundsByAge(START, END, 8);
        double sum = 0;
        for (int i = 0; i + 1 < bounds.size(); i++) {
            long a = bounds.get(i).getEpochSecond();
            long b = bounds.get(i + 1).getEpochSecond();
            long lo = Math.max(a, from.getEpochSecond());
            long hi = Math.min(b, to.getEpochSecond());
            if (hi > lo) {
                sum += Math.round(truth(bounds.get(i), bounds.get(i + 1))) * (double) (hi - lo) / (b - a);
            }
        }
        return sum;
    }

    /** Records changed in {@code [from, to)} at the true density. */
    static double truth(Instant from, Instant to) {
        return TRUE_CUMULATIVE.applyAsDouble(to.getEpochSecond()) - TRUE_CUMULATIVE.applyAsDouble(from.getEpochSecond());
    }
}
