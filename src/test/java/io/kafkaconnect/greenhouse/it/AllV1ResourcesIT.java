package io.kafkaconnect.greenhouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.harvest.v1.HarvestV1Dialect;
import io.kafkaconnect.greenhouse.schema.Types;
import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import io.kafkaconnect.greenhouse.simulator.core.LoggedRequest;
import io.kafkaconnect.greenhouse.util.Closing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connector with {@code greenhouse.resources} left empty reads every v1 resource from the simulator into its
 * topic: each record once, under its key field ({@code application_id} for EEOC data), with the simulator's
 * content and, for incremental resources, the change field as the record timestamp.
 */
class AllV1ResourcesIT {
    private static final String KEY = "all-v1-api-key";
    private static final String PREFIX = "v1all";
    private static final List<Resource> RESOURCES = new HarvestV1Dialect().resources();
    private static HarvestSimulator sim;
    private static ConnectCluster cluster;

    @BeforeAll
    static void start() {
        sim = HarvestSimulator.builder().seed(23L).apiKey(KEY).defaultRecords(40)
                .records("candidates", 180).records("applications", 200).records("jobs", 60).records("offers", 120)
                .records("scheduled_interviews", 150).records("scorecards", 150).records("eeoc", 90)
                .records("users", 70).records("job_posts", 80).records("job_stages", 110)
                .records("demographic_answers", 130).records("custom_fields", 45)
                // the children that v1 embeds in its records
                .records("openings", 100).records("custom_field_options", 90).records("job_interviews", 160)
                .records("interviewers", 200).records("scorecard_candidate_attributes", 300)
                .records("scorecard_question_answers", 200).records("prospect_pool_stages", 80)
                .build().start();
        cluster = new ConnectCluster("all-v1-resources-it");
    }

    @AfterAll
    static void stop() throws Exception {
        Closing.inOrder(cluster, sim);
    }

    @Test
    void everyRecordOfEveryV1ResourceArrivesWithItsKeyContentAndTimestamp() throws Exception {
        Map<String, String> config = ConnectCluster.connectorConfig(sim.baseUrl(), KEY, "", 2);
        config.put("topic.prefix", PREFIX);
        config.put("page.size", "50");
        cluster.connect().configureConnector("all-v1", config);
        cluster.connect().assertions().assertConnectorAndExactlyNumTasksAreRunning("all-v1", 2,
                "connector did not start");

        assertThat(RESOURCES).hasSize(27);
        assertThat(sim.resources(io.kafkaconnect.greenhouse.simulator.Dialect.V1))
                .containsExactlyInAnyOrderElementsOf(RESOURCES.stream().map(Resource::name).toList());
        List<String> problems = new ArrayList<>();
        for (Resource r : RESOURCES) {
            Map<Long, JsonNode> truth = sim.truth(r.name());
            String topic = PREFIX + "." + r.name();
            try {
                ConnectCluster.await(Duration.ofSeconds(60), topic + " did not receive all " + truth.size() + " records",
                        () -> keys(topic, r.keyField()).size() >= truth.size());
            } catch (AssertionError e) {
                Set<Long> missing = new TreeSet<>(truth.keySet());
                missing.removeAll(keys(topic, r.keyField()));
                List<String> requests = sim.requestLog().stream().filter(q -> q.path().equals("/v1/" + r.path()))
                        .map(q -> q.query() + " -> " + q.status() + "/" + q.recordsReturned()).toList();
                throw new AssertionError(e.getMessage() + "; missing " + missing + "; requests " + requests, e);
            }
            List<ConnectCluster.Record> records = cluster.readAll(topic);
            for (ConnectCluster.Record rec : records) {
                assertThat(fieldNames(rec.key())).as("key of %s", r.name()).containsExactly(r.keyField());
                long key = rec.key().get(r.keyField()).asLong();
                assertThat(rec.value().get(r.keyField()).asLong()).isEqualTo(key);
                JsonNode expected = truth.get(key);
                if (expected == null) {
                    problems.add(r.name() + " " + key + ": not in the simulator");
                    continue;
                }
                TruthComparison.differences(expected, rec.value()).forEach(d -> problems.add(r.name() + " " + key + " " + d));
                if (r.cursorField() != null) {
                    long changed = Types.parseInstant(expected.get(r.cursorField()).asText()).toEpochMilli();
                    if (rec.timestamp() != changed) {
                        problems.add(r.name() + " " + key + ": timestamp " + rec.timestamp() + ", " + r.cursorField()
                                + " " + changed);
                    }
                }
            }
            assertThat(new TreeSet<>(keys(records, r.keyField()))).as("keys of %s", r.name())
                    .isEqualTo(new TreeSet<>(truth.keySet()));
            assertThat(records).as("%s: each record once in a quiet account", r.name()).hasSize(truth.size());
        }
        assertThat(problems).as("content differences").isEmpty();

        List<LoggedRequest> failed = sim.requestLog().stream().filter(q -> q.status() != 200).toList();
        assertThat(failed).as("requests that did not succeed").isEmpty();
        Set<String> paths = new HashSet<>();
        sim.requestLog().forEach(q -> paths.add(q.path()));
        assertThat(paths).containsExactlyInAnyOrderElementsOf(RESOURCES.stream().map(r -> "/v1/" + r.path()).toList());
        cluster.connect().deleteConnector("all-v1");
    }

    private static Set<Long> keys(String topic, String keyField) {
        try {
            return keys(cluster.readAll(topic), keyField);
        } catch (IllegalStateException e) {
            return Set.of(); // the topic does not exist yet
        }
    }

    private static Set<Long> keys(List<ConnectCluster.Record> records, String keyField) {
        Set<Long> keys = new HashSet<>();
        records.forEach(r -> keys.add(r.key().get(keyField).asLong()));
        return keys;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
