package io.kafkaconnect.greenhouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.simulator.ListOrder;
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

    /** Listed by id, a v1 list keeps a record that changes in its place: the window is read forward. */
    @Test
    void v1ApplicationsListedByIdThatRecordsEnterWhileTheyAreReadDuplicateNothingThroughWorkerRemovals()
            throws Exception {
        assertThat(CrashScenario.runApplications(cluster, "eos-apps", 31L, true, ListOrder.ID))
                .as("duplicate record versions").isZero();
    }

    /**
     * Listed by change time, with data created in id order: only the window's last pages (the records edited) show
     * that order, so the first window is read forward until then and read again. What a task removed before that
     * sent of it is sent again (the architecture's known limits); nothing is lost, and no more than that window.
     */
    @Test
    void v1ApplicationsListedByChangeTimeLoseNothingThroughWorkerRemovals() throws Exception {
        assertThat(CrashScenario.runApplications(cluster, "eos-apps-by-change", 37L, true, ListOrder.LAST_CHANGED))
                .as("duplicate record versions: at most the first window's").isLessThanOrEqualTo(CrashScenario.RECORDS);
    }

    @Test
    void anAshbyPassInterruptedByWorkerRemovalsLosesNothingAndDuplicatesNothing() throws Exception {
        assertThat(CrashScenario.runAshby(cluster, "eos-ashby", 29L, true, false)).as("duplicate record versions")
                .isZero();
    }
}
