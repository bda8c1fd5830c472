package io.kafkaconnect.greenhouse;

import static io.kafkaconnect.greenhouse.util.TaskContexts.noOffsets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.kafkaconnect.greenhouse.api.ApiException;
import io.kafkaconnect.greenhouse.engine.EngineSourceTask;
import io.kafkaconnect.greenhouse.simulator.Dialect;
import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import io.kafkaconnect.greenhouse.simulator.ashby.AshbySimulator;
import io.kafkaconnect.greenhouse.simulator.core.LoggedRequest;
import io.kafkaconnect.greenhouse.util.LogCapture;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/**
 * {@code resources.forbidden}: a task whose credential may not read one of its resources (the simulators' permission
 * switches: a 403 on a Harvest path, a module permission the Ashby key lacks) either fails naming it and what to
 * grant, or leaves it out with one WARN and reads the others completely, without asking for it again.
 */
class ForbiddenResourcesSyncTest {
    private static final int MAX_POLLS = 400;

    @Test
    void harvestV3SkipsAResourceWithoutItsScopeAndReadsTheOthers() throws Exception {
        try (HarvestSimulator sim = HarvestSimulator.builder().seed(5L).defaultRecords(30).build().start()) {
            sim.setStatusFor("/v3/pay_input_ranges", 403);
            Map<String, String> props = v3(sim, "candidates,pay_input_ranges,job_notes");
            props.put("resources.forbidden", "skip");
            props.put("deletes.mode", "none"); // the records only, no deletes ledger's
            Map<String, Set<Object>> expected = Map.of(
                    "candidates", new HashSet<>(sim.truth("candidates", Dialect.V3).keySet()),
                    "job_notes", new HashSet<>(sim.truth("job_notes", Dialect.V3).keySet()));

            List<String> warnings;
            try (LogCapture logs = new LogCapture()) {
                Map<String, Set<Object>> read = syncUntil(new GreenhouseSourceTask(), props, expected);
                assertThat(read).containsExactlyInAnyOrderEntriesOf(expected);
                warnings = logs.warnings();
            }
            assertThat(warnings.stream().filter(w -> w.contains("pay_input_ranges"))).singleElement().asString()
                    .contains("skipped until the task restarts", "harvest:pay_input_ranges:list",
                            "greenhouse.oauth.user.id a Site Admin");
            assertThat(sim.requestLog().stream().map(LoggedRequest::path).filter("/v3/pay_input_ranges"::equals))
                    .as("asked once, not again until a restart").hasSize(1);
        }
    }

    @Test
    void harvestV3FailsByDefaultNamingTheResourceAndWhatToGrant() {
        try (HarvestSimulator sim = HarvestSimulator.builder().seed(5L).defaultRecords(3).build().start()) {
            sim.setStatusFor("/v3/pay_input_ranges", 403);
            Map<String, String> props = v3(sim, "pay_input_ranges");
            assertThatThrownBy(() -> syncUntil(new GreenhouseSourceTask(), props, Map.of("never", Set.of())))
                    .isInstanceOf(ApiException.class)
                    .hasMessageContaining("may not read pay_input_ranges")
                    .hasMessageContaining("harvest:pay_input_ranges:list");
        }
    }

    @Test
    void ashbySkipsAResourceWhoseModuleTheKeyLacksAndReadsTheOthers() throws Exception {
        try (AshbySimulator sim = AshbySimulator.builder().seed(5L).defaultRecords(30)
                .permissions("limited-key", "candidatesRead", "jobsRead").build().start()) {
            Map<String, String> props = new HashMap<>();
            props.put("ashby.api.key", "limited-key");
            props.put("ashby.base.url", sim.baseUrl());
            props.put("task.resources", "candidates,offers,jobs");
            props.put("resources.forbidden", "skip");
            props.put("deletes.mode", "none"); // the records only, no deletes ledger's
            // several pages each: the task steps a resource whose page is there first, so the refused one gets its
            // turn before the others are read to the end
            props.put("page.size", "5");
            Map<String, Set<Object>> expected = Map.of(
                    "candidates", new HashSet<>(sim.truth("candidates").keySet()),
                    "jobs", new HashSet<>(sim.truth("jobs").keySet()));

            List<String> warnings;
            try (LogCapture logs = new LogCapture()) {
                Map<String, Set<Object>> read = syncUntil(new AshbySourceTask(), props, expected);
                assertThat(read).containsExactlyInAnyOrderEntriesOf(expected);
                warnings = logs.warnings();
            }
            assertThat(warnings.stream().filter(w -> w.contains("offers"))).singleElement().asString()
                    .contains("skipped until the task restarts", "Offers module");
            assertThat(sim.requestLog().stream().map(LoggedRequest::path).filter("/offer.list"::equals))
                    .as("asked once, not again until a restart").hasSize(1);
        }
    }

    private static Map<String, String> v3(HarvestSimulator sim, String resources) {
        Map<String, String> props = new HashMap<>();
        props.put("greenhouse.api.version", "v3");
        props.put("greenhouse.base.url", sim.baseUrl());
        props.put("greenhouse.oauth.client.id", sim.clientId());
        props.put("greenhouse.oauth.client.secret", sim.clientSecret());
        props.put("greenhouse.oauth.token.url", sim.tokenUrl());
        props.put("task.resources", resources);
        return props;
    }

    /**
     * Polls a task until it has sent every id of {@code expected} (or {@link #MAX_POLLS} polls); the ids it sent per
     * resource (topic suffix).
     */
    private static Map<String, Set<Object>> syncUntil(EngineSourceTask task, Map<String, String> props,
                                                      Map<String, Set<Object>> expected) throws InterruptedException {
        task.initialize(noOffsets());
        Map<String, Set<Object>> read = new HashMap<>();
        try {
            task.start(props);
            for (int i = 0; i < MAX_POLLS && !read.equals(expected); i++) {
                List<SourceRecord> records = task.poll();
                for (SourceRecord r : records == null ? List.<SourceRecord>of() : records) {
                    String resource = r.topic().substring(r.topic().indexOf('.') + 1);
                    read.computeIfAbsent(resource, k -> new HashSet<>()).add(((Struct) r.key()).get("id"));
                }
            }
        } finally {
            task.stop();
        }
        return read;
    }

}
