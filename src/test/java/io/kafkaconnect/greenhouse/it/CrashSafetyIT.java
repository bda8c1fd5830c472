package io.kafkaconnect.greenhouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** At-least-once: workers removed mid-backfill lose nothing; duplicates are bounded by the batch in flight. */
class CrashSafetyIT {
    private static ConnectCluster cluster;

    @BeforeAll
    static void start() {
        cluster = new ConnectCluster("crash-it", Map.of("offset.flush.interval.ms", "1000"), Map.of());
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void removingTheWorkerAtRandomPointsLosesNothing() throws Exception {
        long duplicates = CrashScenario.run(cluster, "crash", 17L, false);
        assertThat(duplicates).as("at most the batch in flight per crash")
                .isLessThanOrEqualTo((long) CrashScenario.CRASHES * 2 * CrashScenario.PAGE_SIZE);
    }

    /** The scenario fails unless every Ashby candidate's latest version arrives; duplicates are Ashby's to make too. */
    @Test
    void removingTheWorkerDuringAnAshbyPassWithEditsLosesNothing() throws Exception {
        long duplicates = CrashScenario.runAshby(cluster, "crash-ashby", 19L, false, true);
        assertThat(duplicates).as("re-sent versions").isLessThan(CrashScenario.RECORDS);
    }
}
