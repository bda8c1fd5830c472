package io.kafkaconnect.greenhouse.window.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoutPlanTest {
    private static final Instant END = ChangeCurveTest.END;
    private static final Instant START = ChangeCurveTest.START;

    /** {@code n} change times spread evenly over the {@code days} before the end, as a first page shows them. */
    private static List<Instant> sample(int n, int days) {
        List<Instant> out = new ArrayList<>();
        long seconds = Duration.ofDays(days).toSeconds();
        for (int i = 0; i < n; i++) {
            out.add(END.minusSeconds(seconds - seconds * i / n));
        }
        return out;
    }

    @Test
    void anOpenWindowIsScoutedAtTheBoundsOfSpansByAgeEachScoutHalfAPageAtTheFirstPagesDensity() {
        List<ScoutPlan.Scout> scouts = ScoutPlan.place(null, END, sample(500, 5), 500);

        List<Instant> bounds = ChangeCurve.boundsByAge(END.minus(ScoutPlan.HORIZON), END, ScoutPlan.SPANS);
        assertThat(scouts).hasSize(bounds.size());
        Duration halfAPage = Duration.ofMillis(Duration.ofDays(5).toMillis() / 2);
        ScoutPlan.Scout first = scouts.get(0);
        assertThat(first.readFrom()).as("the first scout reads everything older too").isNull();
        assertThat(first.from()).isEqualTo(bounds.get(0));
        assertThat(Duration.between(first.from(), first.to())).isEqualTo(halfAPage);
        ScoutPlan.Scout last = scouts.get(scouts.size() - 1);
        assertThat(last.to()).isEqualTo(END);
        assertThat(Duration.between(last.from(), last.to())).isEqualTo(halfAPage);
        for (int i = 1; i < scouts.size() - 1; i++) {
            ScoutPlan.Scout s = scouts.get(i);
            assertThat(s.readFrom()).isEqualTo(s.from());
            assertThat(Duration.between(s.from(), s.to())).isEqualTo(halfAPage);
            assertThat(s.from().plus(halfAPage.dividedBy(2))).as("centred on its bound").isEqualTo(bounds.get(i));
            assertThat(s.from()).as("apart from the one before").isAfter(scouts.get(i - 1).to());
        }
    }

    @Test
    void scoutsStayApartAndInsideAShortWindow() {
        Instant from = END.minus(Duration.ofHours(1));
        List<ScoutPlan.Scout> scouts = ScoutPlan.place(from, END, sample(500, 30), 500);

        assertThat(scouts).hasSizeGreaterThanOrEqualTo(2);
        assertThat(scouts.get(0).readFrom()).isEqualTo(from);
        for (int i = 0; i < scouts.size(); i++) {
            ScoutPlan.Scout s = scouts.get(i);
            assertThat(s.to()).isAfter(s.from());
            assertThat(s.from()).isAfterOrEqualTo(from);
            assertThat(s.to()).isBeforeOrEqualTo(END);
            if (i > 0) {
                assertThat(s.from()).isAfterOrEqualTo(scouts.get(i - 1).to());
            }
        }
    }

    @Test
    void withoutASampleThereIsNothingToSizeScoutsBy() {
        assertThat(ScoutPlan.place(null, END, List.of(), 500)).isEmpty();
    }

    @Test
    void theScoutsCurveIsExactOverEachScoutAndCloseBetweenThemWhereTheDensityGrowsExponentially() {
        List<ScoutPlan.Scout> scouts = ScoutPlan.place(START, END, sample(500, 20), 500);
        // the density of ChangeCurveTest, which grows tenfold every year over three years
        List<Long> counts = scouts.stream().map(s -> Math.round(ChangeCurveTest.truth(s.from(), s.to()))).toList();

        ChangeCurve curve = ScoutPlan.curve(scouts, counts);

        for (int i = 0; i < scouts.size(); i++) {
            ScoutPlan.Scout s = scouts.get(i);
            assertThat(curve.between(s.from(), s.to())).isCloseTo(counts.get(i), within(1.0));
            if (i > 0) {
                Instant gapFrom = scouts.get(i - 1).to();
                double truth = ChangeCurveTest.truth(gapFrom, s.from());
                // between scouts the density is taken to go exponentially from one scout's to the next one's; an
                // arithmetic mean of the two would be off by 86 % in the oldest span here
                assertThat(curve.between(gapFrom, s.from())).as("the span before scout %d", i)
                        .isCloseTo(truth, within(0.05 * truth));
            }
        }
    }

    @Test
    void theMeanOfAnExponentialDensityIsTheLogarithmicMeanAndLinearWhereOneEndIsEmpty() {
        assertThat(ScoutPlan.meanDensity(1, Math.E)).isCloseTo(Math.E - 1, within(1e-9));
        assertThat(ScoutPlan.meanDensity(3, 3)).isCloseTo(3, within(1e-9));
        assertThat(ScoutPlan.meanDensity(0, 4)).isEqualTo(2);
        assertThat(ScoutPlan.meanDensity(0, 0)).isZero();
    }
}
