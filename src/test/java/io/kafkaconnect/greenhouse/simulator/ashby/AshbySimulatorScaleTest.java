package io.kafkaconnect.greenhouse.simulator.ashby;

import static io.kafkaconnect.greenhouse.simulator.ashby.AshbyHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.simulator.ashby.AshbyHttp.Resp;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** 200,000 candidates and applications (the benchmark's size) in little memory; no timing asserts. */
class AshbySimulatorScaleTest extends AshbySimulatorFixture {

    @Test
    void twoHundredThousandRecordsFitInAFewMegabytesAndPage() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        start(AshbySimulator.builder().records("candidates", 200_000).records("applications", 200_000));
        long after = usedAfterGc(memory);

        assertThat(after - before).as("retained heap of the simulator").isLessThan(64L << 20);

        Set<String> ids = new HashSet<>();
        Resp page = http.post("candidate.list", body());
        ids.addAll(page.ids());
        for (int i = 0; i < 4; i++) {
            page = http.post("candidate.list", body().put("cursor", page.cursor()));
            ids.addAll(page.ids());
        }
        assertThat(ids).hasSize(500);
        assertThat(page.more()).isTrue();

        // ids far into the data set resolve: edit the last candidate, list the history of the last application
        String lastCandidate = sim.insert("candidates");
        assertThat(sim.edit("candidates", lastCandidate)).isEqualTo(2);
        String lastApplication = sim.insert("applications");
        Resp history = http.post("application.listHistory", body().put("applicationId", lastApplication));
        assertThat(history.ids()).hasSize(1);
        List<String> all = sim.ids("applications");
        assertThat(all).hasSize(200_001).endsWith(lastApplication);
        Resp deep = http.post("application.listHistory", body().put("applicationId", all.get(199_999)));
        assertThat(deep.ids()).hasSizeBetween(1, 6);
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            min = Math.min(min, memory.getHeapMemoryUsage().getUsed());
        }
        return min;
    }
}
