package io.kafkaconnect.greenhouse.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.api.ApiException;
import io.kafkaconnect.greenhouse.api.TransientApiException;
import io.kafkaconnect.greenhouse.ashby.AshbySourceConfig;
import io.kafkaconnect.greenhouse.config.EngineConfig;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.engine.ApiClientFactory;
import io.kafkaconnect.greenhouse.engine.PagingModels;
import io.kafkaconnect.greenhouse.harvest.config.GreenhouseSourceConfig;
import io.kafkaconnect.greenhouse.schema.UnknownFieldLog;
import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import io.kafkaconnect.greenhouse.simulator.NextOnlyLinks;
import io.kafkaconnect.greenhouse.simulator.PagingAnomaly;
import io.kafkaconnect.greenhouse.simulator.ashby.AshbySimulator;
import io.kafkaconnect.greenhouse.simulator.core.Fault;
import io.kafkaconnect.greenhouse.sync.ResourceSync;
import io.kafkaconnect.greenhouse.sync.SourcePartition;
import io.kafkaconnect.greenhouse.sync.SourceRecordFactory;
import io.kafkaconnect.greenhouse.token.TokenOffset;
import io.kafkaconnect.greenhouse.token.TokenSync;
import io.kafkaconnect.greenhouse.util.LogCapture;
import io.kafkaconnect.greenhouse.util.Sleeper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Paging that misbehaves (each a {@link PagingAnomaly} of the simulator, or a body above the size cap) ends in a
 * correct continuation or in a clear error naming the resource and the URL: never endless duplicates or a stall.
 * Redirects on the way (simulator faults) are followed to the same origin and retried when they lead elsewhere.
 */
class PagingAnomaliesTest {
    private static final String KEY = "paging-anomalies-key";
    private static final String SECRET = "paging-anomalies-secret";
    /** Far more steps than any pass here needs: a sync still reading then goes round in circles. */
    private static final int MAX_STEPS = 500;

    private HarvestSimulator harvest;
    private AshbySimulator ashby;
    private ApiClient client;
    private ResourceSync sync;
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final LogCapture logs = new LogCapture();

    @AfterEach
    void stop() {
        logs.close();
        if (sync != null) {
            sync.close();
        }
        if (client != null) {
            client.close();
        }
        pool.shutdownNow();
        if (harvest != null) {
            harvest.close();
        }
        if (ashby != null) {
            ashby.close();
        }
    }

    private HarvestSimulator harvest(String resource, int records, PagingAnomaly... anomalies) {
        HarvestSimulator.Builder b = HarvestSimulator.builder().seed(5L).apiKey(KEY).oauthClient(KEY, SECRET)
                .records(resource, records);
        for (PagingAnomaly anomaly : anomalies) {
            b.pagingAnomaly(anomaly);
        }
        harvest = b.build().start();
        return harvest;
    }

    /** The sync of a Harvest resource, reading pages of {@code pageSize} with one read at a time. */
    private ResourceSync harvestSync(String version, String resource, int pageSize, Map<String, String> more) {
        Map<String, String> props = HarvestSimulatorSettings.of(version, harvest, KEY, SECRET);
        props.put("greenhouse.resources", resource);
        engine(props, pageSize).putAll(more);
        return sync(new GreenhouseSourceConfig(props), resource);
    }

    private ResourceSync ashbySync(String resource, int pageSize) {
        Map<String, String> props = new HashMap<>();
        props.put("ashby.api.key", ashby.apiKey());
        props.put("ashby.base.url", ashby.baseUrl());
        props.put("ashby.resources", resource);
        return sync(new AshbySourceConfig(engine(props, pageSize)), resource);
    }

    private static Map<String, String> engine(Map<String, String> props, int pageSize) {
        props.put("page.size", Integer.toString(pageSize));
        props.put("fetch.max.concurrency", "1");
        props.put("max.retries", "0");
        props.put("sync.safety.lag.ms", "0");
        return props;
    }

    private ResourceSync sync(EngineConfig config, String name) {
        client = ApiClientFactory.create(config, new Sleeper(), Clock.systemUTC());
        Resource resource = config.dialect().resource(name).orElseThrow();
        SourceRecordFactory maker = new SourceRecordFactory(resource, "t", SourcePartition.of(config.dialect().version(),
                config.baseUrl(), name), new UnknownFieldLog());
        ResourceSync.Settings settings = new ResourceSync.Settings(config.baseUrl(), config.pageSize(),
                config.pollInterval(), config.safetyLag(), config.snapshotInterval(), config.conversionErrors(),
                config.maxConcurrency(), config.progressLogInterval());
        sync = PagingModels.of(config.dialect()).open(resource, null, Optional.empty(),
                new ResourceSync.Context(client, maker, settings, Clock.systemUTC(), pool));
        return sync;
    }

    /** Steps until the first window or pass has been read to its end; fails if that takes endless steps. */
    private static List<SourceRecord> readPass(ResourceSync sync) throws InterruptedException {
        List<SourceRecord> out = new ArrayList<>();
        for (int steps = 0; steps < MAX_STEPS; steps++) {
            out.addAll(sync.step());
            boolean reading = sync instanceof WindowSync w ? w.inWindow() : ((TokenSync) sync).position() instanceof TokenOffset.InPass;
            if (!reading && !out.isEmpty()) {
                return out;
            }
        }
        throw new AssertionError("still reading after " + MAX_STEPS + " steps, " + out.size() + " records sent");
    }

    private static Set<String> ids(List<SourceRecord> records) {
        Set<String> ids = new TreeSet<>();
        records.forEach(r -> ids.add(String.valueOf(((Struct) r.key()).get("id"))));
        return ids;
    }

    private Set<String> harvestTruth(String resource) {
        Set<String> ids = new TreeSet<>();
        harvest.truth(resource).keySet().forEach(id -> ids.add(String.valueOf(id)));
        return ids;
    }

    private static void assertClearError(Throwable e, String resource, String path) {
        assertThat(e).isInstanceOf(ApiException.class).isNotInstanceOf(TransientApiException.class)
                .hasMessageContaining(resource).hasMessageContaining(path)
                .hasMessageNotContaining(KEY).hasMessageNotContaining(SECRET);
    }

    /** Links or cursors that lead back to pages already read: the walk ends with a clear error, not in circles. */
    @ParameterizedTest
    @CsvSource(quoteCharacter = '"', value = {
        "PREV_TO_SAME_PAGE, v1,    departments, ,             /v1/departments, 'prev' link",
        "REPEATED_NEXT,     v1,    user_roles,  SINCE_ID,     /v1/user_roles,  already read",
        "REPEATED_NEXT,     v1,    user_roles,  PAGE_NUMBERS, /v1/user_roles,  'next' link of page 2 leads to page 2",
        "REPEATED_NEXT,     v3,    candidates,  ,             /v3/candidates,  already read",
        "REPEATED_NEXT,     ashby, candidates,  ,             /candidate.list, cursor"})
    void aWalkLedBackToPagesItReadEndsWithAnErrorNamingResourceAndUrl(PagingAnomaly anomaly, String api,
            String resource, NextOnlyLinks links, String path, String says) {
        ResourceSync walk;
        String baseUrl;
        if (api.equals("ashby")) {
            ashby = AshbySimulator.builder().seed(5L).records(resource, 60).pagingAnomaly(anomaly).build().start();
            walk = ashbySync(resource, 10);
            baseUrl = ashby.baseUrl();
        } else {
            HarvestSimulator.Builder b = HarvestSimulator.builder().seed(5L).apiKey(KEY).oauthClient(KEY, SECRET)
                    .records(resource, 60).pagingAnomaly(anomaly);
            if (links != null) {
                b.nextOnlyLinks(links);
            }
            harvest = b.build().start();
            walk = harvestSync(api, resource, 10, Map.of());
            baseUrl = harvest.baseUrl();
        }

        assertThatThrownBy(() -> readPass(walk)).satisfies(e -> assertClearError(e, resource, baseUrl + path))
                .hasMessageContaining(says);
    }

    @Test
    void aPrevWalkThatMeetsAPageWithoutPrevBeforePageOneGoesOnByPageNumberAndMissesNothing() throws Exception {
        harvest("departments", 60, PagingAnomaly.PREV_ONLY_ON_LAST_PAGE);
        ResourceSync departments = harvestSync("v1", "departments", 10, Map.of());

        List<SourceRecord> sent = readPass(departments);

        assertThat(ids(sent)).isEqualTo(harvestTruth("departments"));
        assertThat(sent).hasSameSizeAs(ids(sent));
        assertThat(logs.warnings()).anySatisfy(w -> assertThat(w).contains("departments").contains("without a 'prev'"));
    }

    @Test
    void aPrevWalkWithoutPrevLinksInABackfillPieceMissesNothing() throws Exception {
        harvest("candidates", 300, PagingAnomaly.PREV_ONLY_ON_LAST_PAGE);
        ResourceSync candidates = harvestSync("v1", "candidates", 10, Map.of());

        List<SourceRecord> sent = readPass(candidates);

        assertThat(ids(sent)).isEqualTo(harvestTruth("candidates"));
    }

    /**
     * A page-number list, a next-only list and a cursor list. The simulator's next cursor points after the page's
     * tenth record, so the records beyond it come again on the next page and are sent twice.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"v1, departments, true", "v1, user_roles, true", "v3, candidates, false"})
    void pagesLargerThanAskedAreReadWithoutLossAndLoggedOnce(String api, String resource, boolean eachOnce)
            throws Exception {
        harvest(resource, 65, PagingAnomaly.OVERSIZE_PAGES);
        ResourceSync sync = harvestSync(api, resource, 10, Map.of());

        List<SourceRecord> sent = readPass(sync);

        assertThat(ids(sent)).isEqualTo(harvestTruth(resource));
        if (eachOnce) {
            assertThat(sent).hasSameSizeAs(ids(sent));
        }
        assertThat(logs.warnings()).filteredOn(w -> w.contains("records on a page of at most 10")).singleElement()
                .asString().contains(resource);
    }

    @Test
    void anAnswerAboveTheSizeCapEndsWithAnErrorNamingResourceUrlAndSetting() {
        harvest = HarvestSimulator.builder().seed(5L).apiKey(KEY).records("departments", 5).responsePadding(4_096)
                .build().start();
        ResourceSync departments = harvestSync("v1", "departments", 10,
                Map.of(EngineConfig.MAX_RESPONSE_BYTES, "2048"));

        assertThatThrownBy(() -> readPass(departments))
                .satisfies(e -> assertClearError(e, "departments", harvest.baseUrl() + "/v1/departments"))
                .hasMessageContaining("fetch.max.response.bytes");
    }

    @Test
    void sameOriginRedirectsAreFollowedThroughAWholePass() throws Exception {
        harvest("departments", 60);
        harvest.faults().every(2, Fault.REDIRECT_SAME_ORIGIN);
        ResourceSync departments = harvestSync("v1", "departments", 10, Map.of());

        List<SourceRecord> sent = readPass(departments);

        assertThat(ids(sent)).isEqualTo(harvestTruth("departments"));
        assertThat(harvest.faults().injectedCount()).isPositive();
        assertThat(harvest.requestLog()).anySatisfy(r -> assertThat(r.status()).isEqualTo(307));
    }

    @Test
    void redirectsToAnotherHostAreRetriedWithoutCredentialsAndLoggedWithTheirTarget() throws Exception {
        try (HarvestSimulator other = HarvestSimulator.builder().apiKey(KEY).defaultRecords(1).build().start()) {
            harvest("departments", 60);
            harvest.faults().redirectElsewhereTo(other.baseUrl()).every(2, Fault.REDIRECT_ELSEWHERE);
            ResourceSync departments = harvestSync("v1", "departments", 10,
                    Map.of("max.retries", "2", "retry.backoff.ms", "1", "retry.backoff.max.ms", "5"));

            List<SourceRecord> sent = readPass(departments);

            assertThat(ids(sent)).isEqualTo(harvestTruth("departments"));
            assertThat(other.requestLog()).isEmpty();
            assertThat(logs.warnings()).anySatisfy(w -> assertThat(w).contains("departments")
                    .contains(other.baseUrl() + "/v1/departments").doesNotContain(KEY));
        }
    }
}
