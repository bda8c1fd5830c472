package io.kafkaconnect.greenhouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PaceTest {
    private static final Duration WINDOW = Duration.ofSeconds(10);
    /** 10 s / (50 × 0.99). */
    private static final Duration EVEN = Duration.ofNanos(202_020_202);

    @Test
    void spreadsTheUsableLimitEvenlyOverTheWindowALittleUnderIt() {
        assertThat(Pace.gap(WINDOW, 50, 1.0, null, null)).isEqualTo(EVEN);
        assertThat(Pace.requestsPerSecond(50, 1.0, WINDOW)).isCloseTo(4.95, Offset.offset(1e-9));
    }

    @Test
    void aWorkerPacesAtItsShareOfTheConnectorsTasks() {
        assertThat(Pace.gap(WINDOW, 50, 1.0 / 3, null, null)).isEqualTo(Duration.ofNanos(606_060_606));
        assertThat(Pace.requestsPerSecond(50, 1.0 / 3, WINDOW)).isCloseTo(1.65, Offset.offset(1e-9));
    }

    @Test
    void spendsWhatAWindowHasLeftBeforeItResets() {
        assertThat(Pace.gap(WINDOW, 50, 1.0, 48, Duration.ofSeconds(6))).isEqualTo(Duration.ofMillis(125));
        assertThat(Pace.gap(WINDOW, 50, 1.0 / 3, 41, Duration.ofSeconds(6)))
                .as("the other workers spend their shares of it too").isEqualTo(Duration.ofNanos(439_024_390));
    }

    @Test
    void whereWhatIsLeftAndTheResetAreKnownTheWindowIsSpentInFullWithoutTheMargin() {
        assertThat(Pace.gap(WINDOW, 50, 1.0, 10, Duration.ofSeconds(6)))
                .as("little left: 10 s / 50, not slower (Remaining keeps the window from being overdrawn)")
                .isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void evenWhereWhatIsLeftOrTheResetIsUnknownOrPast() {
        assertThat(Pace.gap(WINDOW, 50, 1.0, null, Duration.ofSeconds(6))).isEqualTo(EVEN);
        assertThat(Pace.gap(WINDOW, 50, 1.0, 48, null)).isEqualTo(EVEN);
        assertThat(Pace.gap(WINDOW, 50, 1.0, 0, Duration.ofSeconds(6))).isEqualTo(EVEN);
        assertThat(Pace.gap(WINDOW, 50, 1.0, -2, Duration.ofSeconds(6))).isEqualTo(EVEN);
        assertThat(Pace.gap(WINDOW, 50, 1.0, 48, Duration.ZERO)).isEqualTo(EVEN);
        assertThat(Pace.gap(WINDOW, 50, 1.0, 48, Duration.ofSeconds(-1))).isEqualTo(EVEN);
    }
}
