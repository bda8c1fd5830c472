package io.kafkaconnect.greenhouse.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.config.EngineConfig.ConversionErrors;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.engine.ApiClientFactory;
import io.kafkaconnect.greenhouse.harvest.config.GreenhouseSourceConfig;
import io.kafkaconnect.greenhouse.harvest.v3.HarvestV3Dialect;
import io.kafkaconnect.greenhouse.schema.UnknownFieldLog;
import io.kafkaconnect.greenhouse.simulator.Dialect;
import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import io.kafkaconnect.greenhouse.sync.ListsInTurn;
import io.kafkaconnect.greenhouse.sync.ResourceSync;
import io.kafkaconnect.greenhouse.sync.SourcePartition;
import io.kafkaconnect.greenhouse.sync.SourceRecordFactory;
import io.kafkaconnect.greenhouse.util.Closing;
import io.kafkaconnect.greenhouse.util.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.HttpUrl;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * v3 {@code job_posts}: Greenhouse lists inactive (deleted) posts only under {@code active=false} (the simulator's
 * default, as the reference says), so the resource reads both lists in turn into one topic ({@link ListsInTurn}).
 * The first list alone is the resource as it was before: it never sends an inactive post, nor a post deactivated
 * after it was sent.
 */
class JobPostListsTest {
    private static final String CLIENT = "job-posts-client";
    private static final String SECRET = "job-posts-secret";
    private static final HarvestV3Dialect DIALECT = new HarvestV3Dialect();
    private static final Resource JOB_POSTS = DIALECT.resource("job_posts").orElseThrow();

    private HarvestSimulator sim;
    private ApiClient client;
    private ExecutorService pool;

    @AfterEach
    void stop() throws Exception {
        Closing.inOrder(client, Closing.shutdownNow(pool), sim);
    }

    @Test
    @Timeout(60)
    void everyPostArrivesWithItsActiveFlagAndADeactivationAfterItWasSentArrivesAgain() throws Exception {
        start();
        @SuppressWarnings("unchecked")
        ListsInTurn<WindowSync> sync = (ListsInTurn<WindowSync>) open(JOB_POSTS, null);
        Map<Long, Struct> last = new LinkedHashMap<>();
        round(sync, last);
        Map<Long, com.fasterxml.jackson.databind.JsonNode> truth = sim.truth("job_posts", Dialect.V3);
        assertThat(last.keySet()).as("every post, active or not").isEqualTo(truth.keySet());
        assertThat(last.values().stream().filter(v -> !v.getBoolean("active"))).as("inactive posts").isNotEmpty();
        truth.forEach((id, json) -> assertThat(last.get(id).getBoolean("active")).isEqualTo(json.get("active").asBoolean()));

        long deactivated = firstWith(last, true);
        long restored = firstWith(last, false);
        sim.setJobPostActive(deactivated, false);
        sim.setJobPostActive(restored, true);
        Thread.sleep(2_100); // windows end at the API's clock, in whole seconds
        List<SourceRecord> sent = round(sync, last);
        assertThat(last.get(deactivated).getBoolean("active")).as("deactivated after it was sent").isFalse();
        assertThat(last.get(restored).getBoolean("active")).as("restored after it was sent").isTrue();
        assertThat(sent).as("only the two changed posts are read again").hasSize(2);

        Map<String, ?> offset = sent.get(sent.size() - 1).sourceOffset();
        assertThat(offset.values()).as("Connect offsets hold primitives only")
                .allSatisfy(v -> assertThat(v).isInstanceOfAny(String.class, Number.class, Boolean.class));
        assertThat((String) offset.get(ListsInTurn.MORE_LISTS)).as("the second list's position").startsWith(
                "{\"active=false\":{\"v\":1,\"watermark\":");
        @SuppressWarnings("unchecked")
        ListsInTurn<WindowSync> resumed = (ListsInTurn<WindowSync>) open(JOB_POSTS, new LinkedHashMap<>(offset));
        assertThat(resumed.lists().get(1).position().watermark()).isEqualTo(sync.lists().get(1).position().watermark());
        assertThat(resumed.lists().get(0).position().watermark()).isEqualTo(sync.lists().get(0).position().watermark());
    }

    /** The trap: the active list alone (the resource as it was) keeps a deactivated post active forever. */
    @Test
    @Timeout(60)
    void theActiveListAloneMissesInactivePostsAndDeactivations() throws Exception {
        start();
        Resource activeOnly = JOB_POSTS.lists().get(0);
        assertThat(activeOnly.moreLists()).isEmpty();
        WindowSync sync = (WindowSync) open(activeOnly, null);
        Map<Long, Struct> last = new LinkedHashMap<>();
        readWindow(sync, last);
        assertThat(last.keySet()).as("inactive posts are left out").isNotEmpty()
                .isNotEqualTo(sim.truth("job_posts", Dialect.V3).keySet());
        long deactivated = firstWith(last, true);
        sim.setJobPostActive(deactivated, false);
        Thread.sleep(2_100);
        readWindow(sync, last);
        assertThat(last.get(deactivated).getBoolean("active")).as("stays active in the topic").isTrue();
    }

    /** A position stored before job_posts had a second list resumes the first; the second starts from scratch. */
    @Test
    void anOffsetWithoutMoreListsResumesTheFirstListAndAnUnknownListIsRefused() {
        Map<String, Object> old = Map.of("v", 1, "watermark", 1_700_000_000_000L);
        List<Map<String, Object>> split = ListsInTurn.split(JOB_POSTS, old);
        assertThat(split).containsExactly(old, null);
        Map<String, Object> wrong = new LinkedHashMap<>(old);
        wrong.put(ListsInTurn.MORE_LISTS, "{\"active=maybe\":{\"v\":1}}");
        assertThatThrownBy(() -> new WindowPaging(DIALECT).checkOffset(JOB_POSTS,
                HttpUrl.get("https://harvest.greenhouse.io"), wrong, Instant.now()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("active=maybe")
                .hasMessageContaining("active=false");
    }

    private void start() {
        sim = HarvestSimulator.builder().seed(21L).oauthClient(CLIENT, SECRET).records("job_posts", 120).build();
        sim.start();
        GreenhouseSourceConfig config = new GreenhouseSourceConfig(HarvestSimulatorSettings.of("v3", sim, CLIENT,
                SECRET));
        client = ApiClientFactory.create(config, new Sleeper(), Clock.systemUTC());
        pool = Executors.newFixedThreadPool(2);
    }

    private ResourceSync open(Resource resource, Map<String, Object> stored) {
        HttpUrl base = HttpUrl.get(sim.baseUrl());
        SourceRecordFactory records = new SourceRecordFactory(resource, "t.job_posts",
                SourcePartition.of("v3", base, resource.name()), new UnknownFieldLog());
        ResourceSync.Settings settings = new ResourceSync.Settings(base, 25, Duration.ZERO, Duration.ZERO,
                Duration.ofHours(1), ConversionErrors.FAIL, 2, Duration.ZERO);
        return new WindowPaging(DIALECT).open(resource, stored, Optional.empty(),
                new ResourceSync.Context(client, records, settings, Clock.systemUTC(), pool));
    }

    /** One window of each list, in turn; records by id, the last one sent winning as in a compacted topic. */
    private static List<SourceRecord> round(ListsInTurn<WindowSync> sync, Map<Long, Struct> last) throws InterruptedException {
        List<SourceRecord> sent = new ArrayList<>();
        for (WindowSync list : sync.lists()) {
            do {
                sent.addAll(sync.step());
            } while (list.inWindow());
        }
        sent.forEach(r -> last.put(((Struct) r.key()).getInt64("id"), (Struct) r.value()));
        return sent;
    }

    private static void readWindow(WindowSync sync, Map<Long, Struct> last) throws InterruptedException {
        do {
            sync.step().forEach(r -> last.put(((Struct) r.key()).getInt64("id"), (Struct) r.value()));
        } while (sync.inWindow());
    }

    private static long firstWith(Map<Long, Struct> last, boolean active) {
        return last.entrySet().stream().filter(e -> e.getValue().getBoolean("active") == active).findFirst()
                .orElseThrow().getKey();
    }
}
