package io.kafkaconnect.greenhouse.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.util.LogCapture;
import io.kafkaconnect.greenhouse.util.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressLogTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

    private static List<String> progressLines(LogCapture logs) {
        return logs.lines().stream().filter(l -> l.contains("ProgressLog") && l.contains("candidates: ")).toList();
    }

    @Test
    void aLongReadSaysHowFarHowFastAndHowLongIsLeftAtMostOnceAnInterval() {
        ProgressLog progress = new ProgressLog("candidates", Duration.ofMinutes(1), clock);
        try (LogCapture logs = new LogCapture()) {
            progress.begin("backfill of [start, 2026-01-01T00:00:00Z)", 1_000L);
            progress.sent(100);
            clock.advance(Duration.ofSeconds(59));
            progress.sent(100);
            assertThat(progressLines(logs)).as("nothing within the first interval").isEmpty();

            clock.advance(Duration.ofSeconds(1));
            progress.sent(100);
            clock.advance(Duration.ofSeconds(30));
            progress.sent(100);

            assertThat(progressLines(logs)).hasSize(1);
            assertThat(progressLines(logs).get(0)).endsWith("candidates: backfill of [start, 2026-01-01T00:00:00Z): "
                    + "300 of about 1,000 records (30 %), 5.0 records/s, about 2 min 20 s left");
        }
    }

    @Test
    void withoutAnExpectedTotalItSaysRecordsAndRateOnly() {
        ProgressLog progress = new ProgressLog("candidates", Duration.ofMinutes(1), clock);
        progress.begin("full pass", null);
        progress.sent(12_000);
        clock.advance(Duration.ofMinutes(2));

        assertThat(progress.line(clock.instant())).isEqualTo("full pass: 12,000 records, 100 records/s");
    }

    @Test
    void moreThanExpectedIsNeverMoreThanAllAndLeavesNoTimeLeft() {
        ProgressLog progress = new ProgressLog("candidates", Duration.ofMinutes(1), clock);
        progress.begin("backfill of [start, 2026-01-01T00:00:00Z)", 100L);
        progress.sent(150);
        clock.advance(Duration.ofSeconds(10));

        assertThat(progress.line(clock.instant()))
                .isEqualTo("backfill of [start, 2026-01-01T00:00:00Z): 150 of about 150 records (100 %), 15 records/s");
    }

    @Test
    void anIntervalOfZeroOrAReadThatEndedLogsNothing() {
        ProgressLog never = new ProgressLog("candidates", Duration.ZERO, clock);
        ProgressLog ended = new ProgressLog("candidates", Duration.ofSeconds(1), clock);
        try (LogCapture logs = new LogCapture()) {
            never.begin("full pass", null);
            ended.begin("full pass", null);
            ended.end();
            clock.advance(Duration.ofMinutes(5));
            never.sent(10);
            ended.sent(10);

            assertThat(progressLines(logs)).isEmpty();
        }
    }
}
