package io.kafkaconnect.greenhouse.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResourceStatsTest {
    private static final Instant EARLY = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant LATE = Instant.parse("2026-01-02T00:00:00Z");

    @Test
    void aResourceReadThroughSeveralListsIsCaughtUpOnlyAsFarAsTheListFurthestBehind() {
        ResourceStats stats = new ResourceStats("job_posts", Duration.ZERO, Clock.systemUTC());
        stats.caughtUpTo("active", LATE);
        stats.caughtUpTo("inactive", null);
        assertThat(stats.caughtUpTo()).as("one list has not read a window yet").isNull();

        stats.caughtUpTo("inactive", EARLY);
        assertThat(stats.caughtUpTo()).isEqualTo(EARLY);

        stats.caughtUpTo("inactive", LATE.plusSeconds(60));
        assertThat(stats.caughtUpTo()).as("the active list is now the one behind").isEqualTo(LATE);
    }

    @Test
    void oneListIsCaughtUpAsFarAsItSays() {
        ResourceStats stats = new ResourceStats("candidates", Duration.ZERO, Clock.systemUTC());
        assertThat(stats.caughtUpTo()).isNull();
        stats.caughtUpTo("candidates", EARLY);
        stats.caughtUpTo("candidates", LATE);
        assertThat(stats.caughtUpTo()).isEqualTo(LATE);
    }
}
