package io.kafkaconnect.greenhouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClockSkewTest {
    private final ClockSkew skew = new ClockSkew();

    @Test
    void theLargestOfCloseObservationsIsTheEstimateAndASmallStepBackIsTaken() {
        skew.observe(Duration.ofMillis(-400));
        skew.observe(Duration.ofMillis(300));
        skew.observe(Duration.ofMillis(-500));
        assertThat(skew.get()).as("each Date is truncated: the largest is closest").isEqualTo(Duration.ofMillis(300));
        skew.observe(Duration.ofSeconds(-4));
        assertThat(skew.get()).as("the server's clock was set back a little").isEqualTo(Duration.ofSeconds(-4));
    }

    @Test
    void aJumpIsIgnoredUntilThreeAnswersInARowAgreeOnIt() {
        skew.observe(Duration.ZERO);
        skew.observe(Duration.ofHours(2)); // a proxy's odd stamp
        skew.observe(Duration.ofMillis(200));
        skew.observe(Duration.ofHours(2));
        skew.observe(Duration.ofHours(2));
        assertThat(skew.get()).as("never three in a row").isEqualTo(Duration.ofMillis(200));

        skew.observe(Duration.ofMinutes(-5)); // the server's clock really moved
        skew.observe(Duration.ofMinutes(-5).plusMillis(700));
        assertThat(skew.get()).isEqualTo(Duration.ofMillis(200));
        skew.observe(Duration.ofMinutes(-5).plusMillis(300));
        assertThat(skew.get()).as("accepted after three").isEqualTo(Duration.ofMinutes(-5).plusMillis(700));
    }
}
