package io.kafkaconnect.greenhouse.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.greenhouse.simulator.SimHttp.Resp;
import io.kafkaconnect.greenhouse.simulator.core.LoggedRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Seeded data, the truth view, mutations, the request log and scale. */
class HarvestSimulatorDataTest extends SimulatorFixture {

    @Test
    void sameSeedSameDataDifferentSeedDifferentData() {
        Instant epoch = Instant.parse("2026-01-01T00:00:00Z");
        HarvestSimulator a = HarvestSimulator.builder().seed(42).dataEpoch(epoch).records("jobs", 40).build();
        HarvestSimulator b = HarvestSimulator.builder().seed(42).dataEpoch(epoch).records("jobs", 40).build();
        HarvestSimulator c = HarvestSimulator.builder().seed(43).dataEpoch(epoch).records("jobs", 40).build();

        assertThat(a.truth("jobs")).isEqualTo(b.truth("jobs")).hasSize(40);
        assertThat(a.truth("candidates", Dialect.V3)).isEqualTo(b.truth("candidates", Dialect.V3));
        assertThat(a.truth("jobs")).isNotEqualTo(c.truth("jobs"));
        assertThat(a.resources()).startsWith("candidates", "applications", "jobs", "departments", "user_roles",
                "demographic_questions").contains("offers", "eeoc", "openings", "job_stages");
        assertThat(a.resources(Dialect.V3)).contains("interviews", "job_interview_stages").doesNotContain("degrees");
    }

    @Test
    void seededTimestampsAreOrderedRecentAndSometimesShared() {
        start(HarvestSimulator.builder().seed(17).records("candidates", 1000));
        Instant start = sim.now();
        Map<Long, JsonNode> truth = sim.truth("candidates");

        Map<String, Long> perUpdatedAt = new HashMap<>();
        for (JsonNode c : truth.values()) {
            Instant created = Instant.parse(c.get("created_at").asText());
            Instant updated = Instant.parse(c.get("updated_at").asText());
            assertThat(updated).isAfterOrEqualTo(created).isBefore(start);
            assertThat(created).isAfter(start.minus(Duration.ofDays(3 * 366)));
            perUpdatedAt.merge(c.get("updated_at").asText(), 1L, Long::sum);
        }
        assertThat(perUpdatedAt.values().stream().filter(n -> n > 1).count()).isGreaterThan(20);
        assertThat(sim.versions("candidates").values()).containsOnly(1);
    }

    @Test
    void editBumpsVersionTimestampAndContent() throws Exception {
        start(HarvestSimulator.builder().records("candidates", 10));
        long id = sim.truth("candidates").keySet().stream().skip(4).findFirst().orElseThrow();
        JsonNode before = sim.truth("candidates").get(id);
        Instant t0 = sim.now();

        int version = sim.edit("candidates", id);
        int version2 = sim.edit("candidates", id);

        JsonNode after = sim.truth("candidates").get(id);
        assertThat(version).isEqualTo(2);
        assertThat(version2).isEqualTo(3);
        assertThat(sim.versions("candidates").get(id)).isEqualTo(3);
        assertThat(Instant.parse(after.get("updated_at").asText())).isAfterOrEqualTo(t0)
                .isAfter(Instant.parse(before.get("updated_at").asText()));
        assertThat(after.get("title").asText()).isNotEqualTo(before.get("title").asText());
        assertThat(after.get("created_at")).isEqualTo(before.get("created_at"));
        assertThat(after.get("first_name")).isEqualTo(before.get("first_name"));
        assertThat(http.v1("/v1/candidates/" + id).json()).isEqualTo(after);
        assertThatThrownBy(() -> sim.edit("candidates", 1L)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void editsAreStrictlyIncreasingEvenWhenTheClockGoesBack() {
        start(HarvestSimulator.builder().records("jobs", 3));
        long id = sim.truth("jobs").keySet().iterator().next();
        sim.edit("jobs", id);
        Instant first = Instant.parse(sim.truth("jobs").get(id).get("updated_at").asText());

        sim.setClockOffset(Duration.ofHours(-1));
        sim.edit("jobs", id);

        Instant second = Instant.parse(sim.truth("jobs").get(id).get("updated_at").asText());
        assertThat(second).isAfter(first);
    }

    @Test
    void insertAddsARecordAboveAllIdsCreatedNow() throws Exception {
        start(HarvestSimulator.builder().records("candidates", 30));
        long maxBefore = Collections.max(sim.truth("candidates").keySet());
        Instant t0 = sim.now();

        long id = sim.insert("candidates");

        assertThat(id).isGreaterThan(maxBefore);
        JsonNode c = sim.truth("candidates").get(id);
        assertThat(c.get("created_at")).isEqualTo(c.get("updated_at"));
        assertThat(Instant.parse(c.get("created_at").asText())).isAfterOrEqualTo(t0);
        assertThat(sim.versions("candidates").get(id)).isEqualTo(1);
        assertThat(sim.truth("candidates")).hasSize(31);
        Resp r = http.v1("/v1/candidates?per_page=500&created_after="
                + URLEncoder.encode(t0.toString(), StandardCharsets.UTF_8));
        assertThat(SimHttp.ids(r)).containsExactly(id);
        long app = sim.insert("applications");
        JsonNode a = sim.truth("applications").get(app);
        assertThat(sim.truth("candidates")).containsKey(a.get("candidate_id").asLong());
    }

    @Test
    void bulkEditGivesManyRecordsTheSameUpdatedAt() {
        start(HarvestSimulator.builder().records("candidates", 100));

        List<Long> ids = sim.bulkEdit("candidates", 12);

        assertThat(ids).hasSize(12).doesNotHaveDuplicates().isSorted();
        Map<Long, JsonNode> truth = sim.truth("candidates");
        Set<String> stamps = ids.stream().map(id -> truth.get(id).get("updated_at").asText()).collect(Collectors.toSet());
        assertThat(stamps).hasSize(1);
        Map<Long, Integer> versions = sim.versions("candidates");
        assertThat(ids).allSatisfy(id -> assertThat(versions.get(id)).isEqualTo(2));
        assertThat(versions.values().stream().filter(v -> v == 2).count()).isEqualTo(12);
        assertThat(sim.mutations().editCount()).isEqualTo(12);
    }

    @Test
    void backgroundMutationsChangeDataUntilStopped() throws Exception {
        start(HarvestSimulator.builder().records("candidates", 200));

        sim.mutations().startRandom(400, 100, "candidates");
        Thread.sleep(300);
        sim.mutations().stop();

        assertThat(sim.mutations().running()).isFalse();
        long edits = sim.mutations().editCount();
        long inserts = sim.mutations().insertCount();
        assertThat(edits).isPositive();
        assertThat(inserts).isPositive();
        Map<Long, Integer> versions = new HashMap<>(sim.versions("candidates"));
        assertThat(versions).hasSize(200 + (int) inserts);
        assertThat(versions.values().stream().mapToLong(v -> v - 1).sum()).isEqualTo(edits);
        Thread.sleep(60);
        assertThat(sim.versions("candidates")).isEqualTo(versions);
    }

    @Test
    void requestLogRecordsDecodedQueriesStatusesAndCounts() throws Exception {
        start(HarvestSimulator.builder().records("jobs", 12));

        http.v1("/v1/jobs?per_page=5&updated_after=" + URLEncoder.encode("2020-01-01T00:00:00Z", StandardCharsets.UTF_8));
        http.get(sim.baseUrl() + "/v1/jobs", null);

        List<LoggedRequest> log = sim.requestLog();
        assertThat(log).hasSize(2);
        assertThat(log.get(0).method()).isEqualTo("GET");
        assertThat(log.get(0).path()).isEqualTo("/v1/jobs");
        assertThat(log.get(0).query()).containsEntry("per_page", "5").containsEntry("updated_after", "2020-01-01T00:00:00Z");
        assertThat(log.get(0).status()).isEqualTo(200);
        assertThat(log.get(0).recordsReturned()).isEqualTo(5);
        assertThat(log.get(1).status()).isEqualTo(401);
        assertThat(log.get(1).recordsReturned()).isZero();
        sim.clearRequestLog();
        assertThat(sim.requestLog()).isEmpty();
    }

    @Test
    void twoHundredThousandRecordsServeFilteredPages() throws Exception {
        start(HarvestSimulator.builder().seed(2).records("candidates", 200_000).records("applications", 200_000));
        Map<Long, Integer> versions = sim.versions("candidates");
        assertThat(versions).hasSize(200_000);

        Resp deep = http.v1("/v1/candidates?per_page=500&page=300");
        assertThat(SimHttp.ids(deep)).isEqualTo(http.idsByChangeTime("candidates").subList(149_500, 150_000));
        assertThat(deep.links().get("last")).contains("page=400");

        String after = "2025-06-01T00:00:00Z";
        Resp filtered = http.v1("/v1/candidates?per_page=500&page=3&skip_count=true&updated_after="
                + URLEncoder.encode(after, StandardCharsets.UTF_8));
        assertThat(filtered.json()).hasSize(500);
        assertThat(filtered.links()).containsKeys("next", "prev").doesNotContainKey("last");
        filtered.json().forEach(c -> assertThat(c.get("updated_at").asText()).isGreaterThanOrEqualTo(after));

        String token = http.accessToken();
        Resp v3 = http.v3("/v3/applications?per_page=500&updated_at="
                + URLEncoder.encode("gte|" + after, StandardCharsets.UTF_8), token);
        assertThat(SimHttp.ids(v3)).hasSize(500).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        Resp v3next = http.v3Url(v3.links().get("next"), token);
        assertThat(SimHttp.ids(v3next)).hasSize(500);
        assertThat(Collections.max(SimHttp.ids(v3next))).isLessThan(Collections.min(SimHttp.ids(v3)));
        Set<Long> all = new HashSet<>(SimHttp.ids(v3));
        all.addAll(SimHttp.ids(v3next));
        assertThat(all).hasSize(1000);
    }
}
