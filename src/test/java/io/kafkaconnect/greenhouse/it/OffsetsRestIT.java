package io.kafkaconnect.greenhouse.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaconnect.greenhouse.schema.Types;
import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import io.kafkaconnect.greenhouse.simulator.ashby.AshbySimulator;
import io.kafkaconnect.greenhouse.simulator.core.LoggedRequest;
import io.kafkaconnect.greenhouse.util.Closing;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffset;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Users move or reset one resource with the Connect REST offsets API (KIP-875), through a real worker. */
class OffsetsRestIT {
    private static final String KEY = "offsets-key";
    /** Another account's key: the simulator accepts both, as Greenhouse serves every account at one host. */
    private static final String OTHER_KEY = "other-account-key";
    private static HarvestSimulator sim;
    private static ConnectCluster cluster;

    @BeforeAll
    static void start() {
        sim = HarvestSimulator.builder().seed(5L).apiKey(KEY).apiKey(OTHER_KEY).records("candidates", 300)
                .records("jobs", 60).build().start();
        cluster = new ConnectCluster("offsets-it");
    }

    @AfterAll
    static void stop() throws Exception {
        Closing.inOrder(cluster, sim);
    }

    @Test
    void oneResourceCanBeMovedToATimeAndAnotherResetWhileTheConnectorIsStopped() throws Exception {
        Map<String, String> config = ConnectCluster.connectorConfig(sim.baseUrl(), KEY, "candidates,jobs", 1);
        config.put("topic.prefix", "offs");
        cluster.connect().configureConnector("offs", config);
        ConnectCluster.await(Duration.ofSeconds(60), "everything read once", () ->
                cluster.count("offs.candidates") == 300 && cluster.count("offs.jobs") == 60);
        Thread.sleep(1_500); // let the last offsets flush
        cluster.connect().stopConnector("offs");
        cluster.connect().assertions().assertConnectorIsStopped("offs", "connector did not stop");

        List<ConnectorOffset> offsets = cluster.connect().connectorOffsets("offs").offsets();
        assertThat(offsets).filteredOn(o -> !o.partition().containsKey("ledger"))
                .extracting(o -> (Object) o.partition().get("resource")).containsExactlyInAnyOrder("candidates", "jobs");
        assertThat(offsets).as("the deletes ledgers' heads are listed too")
                .filteredOn(o -> "head".equals(o.partition().get("ledger")))
                .extracting(o -> (Object) o.partition().get("resource")).containsExactlyInAnyOrder("candidates", "jobs");
        Map<String, ?> candidates = partition(offsets, "candidates");
        Map<String, ?> jobs = partition(offsets, "jobs");
        assertThat(candidates.get("api")).isEqualTo("v1");
        assertThat(candidates.get("protocol")).isEqualTo("1");

        assertThatThrownBy(() -> cluster.connect().alterSourceConnectorOffset("offs", candidates,
                Map.of("v", 1, "watermark", "yesterday"))).hasMessageContaining("watermark");
        assertThatThrownBy(() -> cluster.connect().alterSourceConnectorOffset("offs",
                Map.of("api", "v1", "host", "elsewhere.example.com", "resource", "candidates", "protocol", "1"),
                Map.of("v", 1))).hasMessageContaining("elsewhere.example.com");

        List<Instant> times = sim.truth("candidates").values().stream()
                .map(j -> Types.parseInstant(j.get("updated_at").asText())).sorted().toList();
        Instant moveTo = times.get(240).plusMillis(1);
        long newer = times.stream().filter(t -> !t.isBefore(moveTo)).count();
        cluster.connect().alterSourceConnectorOffset("offs", candidates, Map.of("v", 1, "watermark", moveTo.toString()));
        cluster.connect().alterConnectorOffsets("offs", new ConnectorOffsets(List.of(new ConnectorOffset(jobs, null))));
        List<ConnectorOffset> altered = cluster.connect().connectorOffsets("offs").offsets();
        assertThat(partitionOffset(altered, "candidates").get("watermark")).as("moved, in %s", altered)
                .isEqualTo(moveTo.toString());
        assertThat(altered.stream().filter(o -> isResource(o.partition(), "jobs")).map(ConnectorOffset::offset))
                .as("reset, in %s", altered).allMatch(java.util.Objects::isNull);

        Instant resumedAt = sim.now();
        cluster.connect().resumeConnector("offs");
        ConnectCluster.await(Duration.ofSeconds(60), "the moved and the reset resource read again", () ->
                cluster.readAll("offs.candidates").size() == 300 + newer && cluster.readAll("offs.jobs").size() == 120,
                () -> cluster.readAll("offs.candidates").size() + " candidates, " + cluster.readAll("offs.jobs").size() + " jobs");

        List<LoggedRequest> after = sim.requestLog().stream().filter(r -> !r.at().isBefore(resumedAt))
                .filter(r -> !"1".equals(r.query().get("per_page"))).toList();
        LoggedRequest firstCandidates = after.stream().filter(r -> r.path().equals("/v1/candidates")).findFirst().orElseThrow();
        assertThat(Instant.parse(firstCandidates.query().get("updated_after"))).isEqualTo(moveTo.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        LoggedRequest firstJobs = after.stream().filter(r -> r.path().equals("/v1/jobs")).findFirst().orElseThrow();
        assertThat(firstJobs.query()).doesNotContainKey("updated_after");
        cluster.connect().deleteConnector("offs");
    }

    @Test
    void aConnectorWhoseKeyIsSwappedForAnotherAccountsFailsUntilToldWhetherToResume() throws Exception {
        Map<String, String> config = ConnectCluster.connectorConfig(sim.baseUrl(), KEY, "jobs", 1);
        config.put("topic.prefix", "swap");
        cluster.connect().configureConnector("swap", config);
        ConnectCluster.await(Duration.ofSeconds(60), "jobs read once", () -> cluster.count("swap.jobs") == 60);
        Thread.sleep(1_500); // let the last offsets flush
        cluster.connect().stopConnector("swap");
        cluster.connect().assertions().assertConnectorIsStopped("swap", "connector did not stop");
        Object written = partitionOffset(cluster.connect().connectorOffsets("swap").offsets(), "jobs")
                .get("credential");
        assertThat(written).as("the offset carries the credential's fingerprint").isNotNull()
                .asString().doesNotContain(KEY);

        config.put("greenhouse.api.key", OTHER_KEY);
        cluster.connect().configureConnector("swap", config);
        cluster.connect().resumeConnector("swap");
        cluster.connect().assertions().assertConnectorIsRunningAndTasksHaveFailed("swap", 1, "task did not fail");
        String trace = cluster.connect().connectorStatus("swap").tasks().get(0).trace();
        assertThat(trace).contains("jobs (" + written + ")").contains("another credential")
                .contains("offsets.credential.change=resume").doesNotContain(OTHER_KEY).doesNotContain(KEY);

        config.put("offsets.credential.change", "resume");
        Instant resumedAt = sim.now();
        cluster.connect().configureConnector("swap", config);
        cluster.connect().assertions().assertConnectorAndExactlyNumTasksAreRunning("swap", 1, "task did not resume");
        java.util.function.Supplier<java.util.Optional<LoggedRequest>> firstWindow = () -> sim.requestLog().stream()
                .filter(r -> !r.at().isBefore(resumedAt) && r.path().equals("/v1/jobs"))
                .filter(r -> !"1".equals(r.query().get("per_page"))).findFirst();
        ConnectCluster.await(Duration.ofSeconds(30), "a window of jobs read", () -> firstWindow.get().isPresent());
        assertThat(firstWindow.get().orElseThrow().query()).as("resumed from the stored watermark")
                .containsKey("updated_after");
        cluster.connect().deleteConnector("swap");
    }

    @Test
    void anAshbyResourceStoresItsSyncTokenAndCanBeResetToAFullPass() throws Exception {
        try (AshbySimulator ashby = AshbySimulator.builder().seed(7L).apiKey(KEY).records("candidates", 120).build()
                .start()) {
            Map<String, String> config = ConnectCluster.ashbyConfig(ashby.baseUrl(), KEY, "candidates", 1);
            config.put("topic.prefix", "offs-ashby");
            config.put("page.size", "50");
            cluster.connect().configureConnector("offs-ashby", config);
            ConnectCluster.await(Duration.ofSeconds(60), "the first pass",
                    () -> cluster.count("offs-ashby.candidates") == 120);
            Thread.sleep(1_500); // let the last offsets flush
            cluster.connect().stopConnector("offs-ashby");
            cluster.connect().assertions().assertConnectorIsStopped("offs-ashby", "connector did not stop");

            List<ConnectorOffset> offsets = cluster.connect().connectorOffsets("offs-ashby").offsets();
            Map<String, ?> candidates = partition(offsets, "candidates");
            assertThat(candidates.get("api")).isEqualTo("ashby");
            assertThat(partitionOffset(offsets, "candidates")).as("after the first pass: its token, no cursor")
                    .containsKey("sync_token").doesNotContainKey("cursor").containsKey("credential");
            assertThatThrownBy(() -> cluster.connect().alterSourceConnectorOffset("offs-ashby", candidates,
                    Map.of("v", 1, "watermark", "2024-01-01T00:00:00Z"))).hasMessageContaining("sync_token");

            cluster.connect().alterConnectorOffsets("offs-ashby",
                    new ConnectorOffsets(List.of(new ConnectorOffset(candidates, null))));
            Instant resumedAt = ashby.now();
            cluster.connect().resumeConnector("offs-ashby");
            ConnectCluster.await(Duration.ofSeconds(60), "a second full pass",
                    () -> cluster.readAll("offs-ashby.candidates").size() == 240);
            LoggedRequest first = ashby.requestLog().stream().filter(r -> !r.at().isBefore(resumedAt))
                    .filter(r -> "candidate.list".equals(r.apiMethod())).findFirst().orElseThrow();
            assertThat(first.body()).as("the reset resource starts a full pass").doesNotContain("syncToken")
                    .doesNotContain("cursor");
            cluster.connect().deleteConnector("offs-ashby");
        }
    }

    /** The offset of a resource's own partition (not one of its deletes ledger's). */
    private static Map<String, ?> partitionOffset(List<ConnectorOffset> offsets, String resource) {
        return offsets.stream().filter(o -> isResource(o.partition(), resource)).findFirst().orElseThrow().offset();
    }

    private static Map<String, ?> partition(List<ConnectorOffset> offsets, String resource) {
        return offsets.stream().map(ConnectorOffset::partition).filter(p -> isResource(p, resource))
                .findFirst().orElseThrow();
    }

    private static boolean isResource(Map<String, ?> partition, String resource) {
        return resource.equals(partition.get("resource")) && !partition.containsKey("ledger");
    }
}
