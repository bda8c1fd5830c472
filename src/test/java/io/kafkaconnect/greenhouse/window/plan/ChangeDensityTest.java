package io.kafkaconnect.greenhouse.window.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChangeDensityTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void nothingReadMeansNoRate() {
        ChangeDensity density = new ChangeDensity(100, 2, 50);
        assertThat(density.rateAfter(T0)).isNull();
        assertThat(density.rateAfter(null)).isNull();
    }

    @Test
    void anEvenDensityIsLearnedFromThePiecesBeforeThePointAsked() {
        ChangeDensity density = new ChangeDensity(100, 2, 50);
        for (int i = 0; i < 10; i++) { // 10 records per second
            density.read(T0.plusSeconds(10L * i), T0.plusSeconds(10L * (i + 1)), 100);
        }
        assertThat(density.rateAfter(T0.plusSeconds(100))).isCloseTo(10.0, within(0.01));
        assertThat(density.rateAfter(T0.plusSeconds(20))).as("only pieces before the point count")
                .isCloseTo(10.0, within(0.01));
        assertThat(density.rateAfter(T0.plusSeconds(5))).as("no piece ends before it").isNull();
    }

    @Test
    void aRisingDensityIsExtrapolatedAndPiecesThatHeldMoreRaiseTheEstimate() {
        ChangeDensity rising = new ChangeDensity(100, 2, 50);
        for (int i = 0; i < 8; i++) { // the density doubles from piece to piece
            rising.read(T0.plusSeconds(10L * i), T0.plusSeconds(10L * (i + 1)), 50L << i);
        }
        double flat = (50L << 7) / 10.0; // the last piece's density
        assertThat(rising.rateAfter(T0.plusSeconds(80))).isGreaterThan(flat).isLessThanOrEqualTo(2 * flat);

        ChangeDensity density = new ChangeDensity(100, 2, 50);
        density.read(T0, T0.plusSeconds(100), 1000);
        double before = density.rateAfter(T0.plusSeconds(100));
        density.sized(100, 150);
        assertThat(density.rateAfter(T0.plusSeconds(100))).isGreaterThan(before).isLessThan(before * 1.1);
    }
}
