package io.kafkaconnect.greenhouse.ashby;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.api.ApiKeyCredentials;
import io.kafkaconnect.greenhouse.config.EngineConfig.ConversionErrors;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.TestApiClient;
import io.kafkaconnect.greenhouse.schema.UnknownFieldLog;
import io.kafkaconnect.greenhouse.simulator.ashby.AshbySimulator;
import io.kafkaconnect.greenhouse.sync.ResourceSync;
import io.kafkaconnect.greenhouse.sync.SourcePartition;
import io.kafkaconnect.greenhouse.sync.SourceRecordFactory;
import io.kafkaconnect.greenhouse.token.TokenOffset;
import io.kafkaconnect.greenhouse.token.TokenSync;
import io.kafkaconnect.greenhouse.util.Closing;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.HttpUrl;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ashby's {@code job.list} leaves draft jobs out unless {@code status} includes {@code Draft} (the simulator's
 * default, as the reference says): {@code jobs} asks for every status, so drafts reach the topic, on the full pass
 * and when they change. Without the status filter (the resource as it was) they never do.
 */
class AshbyJobStatusesSyncTest {
    private static final String KEY = "jobs-key";
    private static final Resource JOBS = AshbyDialect.INSTANCE.resource("jobs").orElseThrow();

    private AshbySimulator sim;
    private ApiClient client;
    private ExecutorService pool;

    @AfterEach
    void stop() throws Exception {
        Closing.inOrder(client, Closing.shutdownNow(pool), sim);
    }

    @Test
    void jobsHoldsDraftsOnTheFullPassAndWhenTheyChange() throws Exception {
        start();
        Map<String, Struct> sent = new LinkedHashMap<>();
        TokenSync sync = open(JOBS);
        readPass(sync, sent);
        assertThat(sent.keySet()).as("every job, drafts included").isEqualTo(sim.truth("jobs").keySet());
        String draft = aDraft();
        assertThat(sent.get(draft).getString("status")).isEqualTo("Draft");

        sim.edit("jobs", draft);
        sent.clear();
        readPass(sync, sent);
        assertThat(sent.keySet()).as("the delta carries the changed draft").containsExactly(draft);
    }

    @Test
    void withoutTheStatusFilterDraftsNeverArrive() throws Exception {
        start();
        Resource asBefore = new Resource(JOBS.name(), JOBS.path(), JOBS.mode(), JOBS.cursorField(), JOBS.lowerParam(),
                JOBS.upperParam(), JOBS.keyField(), JOBS.schemaName(), JOBS.schema(), JOBS.paging(), new TreeMap<>(),
                JOBS.notes(), JOBS.parent(), List.of());
        Map<String, Struct> sent = new LinkedHashMap<>();
        TokenSync sync = open(asBefore);
        readPass(sync, sent);
        String draft = aDraft();
        assertThat(sent).as("drafts left out").doesNotContainKey(draft).isNotEmpty();
        sim.edit("jobs", draft);
        sent.clear();
        readPass(sync, sent);
        assertThat(sent).as("nor does a changed draft arrive").isEmpty();
    }

    private void start() {
        sim = AshbySimulator.builder().apiKey(KEY).records("jobs", 30).build();
        sim.start();
        HttpUrl base = HttpUrl.get(sim.baseUrl() + "/");
        client = TestApiClient.of(base, new ApiKeyCredentials(KEY, "ashby.api.key", AshbyAccess::hint),
                AshbyDialect.INSTANCE, 0);
        pool = Executors.newFixedThreadPool(1);
    }

    private TokenSync open(Resource resource) {
        HttpUrl base = HttpUrl.get(sim.baseUrl() + "/");
        SourceRecordFactory maker = new SourceRecordFactory(resource, "t.jobs", SourcePartition.of("ashby", base,
                "jobs"), new UnknownFieldLog());
        ResourceSync.Settings settings = new ResourceSync.Settings(base, 7, Duration.ZERO, Duration.ZERO,
                Duration.ofHours(1), ConversionErrors.FAIL, 1, Duration.ZERO);
        return new TokenSync(resource, AshbyDialect.INSTANCE, TokenOffset.START,
                new ResourceSync.Context(client, maker, settings, Clock.systemUTC(), pool));
    }

    /** One pass, to the sync token that ends it. */
    private static void readPass(TokenSync sync, Map<String, Struct> sent) throws InterruptedException {
        do {
            sync.step().forEach(r -> sent.put(((Struct) r.key()).getString("id"), (Struct) r.value()));
        } while (!(sync.position() instanceof TokenOffset.BetweenPasses));
    }

    private String aDraft() {
        return sim.truth("jobs").entrySet().stream().filter(e -> "Draft".equals(e.getValue().get("status").asText()))
                .findFirst().orElseThrow().getKey();
    }
}
