package io.kafkaconnect.greenhouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With the worker's exactly-once support, the same crashes leave no duplicate for a read_committed consumer. */
class ExactlyOnceIT {
    private static ConnectCluster cluster;

    @BeforeAll
    static void start() {
        cluster = ConnectCluster.exactlyOnce("eos-it");
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void removingTheWorkerAtRandomPointsLosesNothingAndDuplicatesNothing() throws Exception {
        assertThat(CrashScenario.run(cluster, "eos", 23L, true)).as("duplicate record versions").isZero();
    }

    @Test
    void v1ApplicationsThatRecordsEnterWhileTheyAreReadDuplicateNothingThroughWorkerRemovals() throws Exception {
        assertThat(CrashScenario.runApplications(cluster, "eos-apps", 31L, true)).as("duplicate record versions")
                .isZero();
    }

    @Test
    void anAshbyPassInterruptedByWorkerRemovalsLosesNothingAndDuplicatesNothing() throws Exception {
        assertThat(CrashScenario.runAshby(cluster, "eos-ashby", 29L, true, false)).as("duplicate record versions")
                .isZero();
    }
}
