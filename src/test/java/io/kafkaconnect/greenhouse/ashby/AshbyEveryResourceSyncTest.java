package io.kafkaconnect.greenhouse.ashby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.api.ApiKeyCredentials;
import io.kafkaconnect.greenhouse.config.EngineConfig.ConversionErrors;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.SyncMode;
import io.kafkaconnect.greenhouse.dialect.TestApiClient;
import io.kafkaconnect.greenhouse.schema.UnknownFieldLog;
import io.kafkaconnect.greenhouse.simulator.core.Fault;
import io.kafkaconnect.greenhouse.simulator.core.LoggedRequest;
import io.kafkaconnect.greenhouse.simulator.ashby.AshbySimulator;
import io.kafkaconnect.greenhouse.sync.ListSync;
import io.kafkaconnect.greenhouse.sync.ListsInTurn;
import io.kafkaconnect.greenhouse.sync.ResourceSync;
import io.kafkaconnect.greenhouse.sync.SourcePartition;
import io.kafkaconnect.greenhouse.sync.SourceRecordFactory;
import io.kafkaconnect.greenhouse.token.TokenPaging;
import io.kafkaconnect.greenhouse.util.Closing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.HttpUrl;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every Ashby resource synced against the simulator with the hazards of its lists: failed and truncated answers
 * (retried), cursors that expire in the middle of a pass (the pass is read again), and sync tokens that expire
 * between passes (a full pass that sends only what changed). Each resource's records are the simulator's truth.
 */
class AshbyEveryResourceSyncTest {
    private static final String KEY = "every-resource-key";
    private static final Duration POLL = Duration.ofHours(1);

    private AshbySimulator sim;
    private ApiClient client;
    private ExecutorService pool;

    @AfterEach
    void stop() throws Exception {
        Closing.inOrder(client, Closing.shutdownNow(pool), sim);
    }

    @Test
    void everyResourceReadsItsTruthThroughFaultsExpiredCursorsAndExpiredTokens() throws Exception {
        // four pages of three: a pass fetches two pages ahead of its steps, so the fourth is asked for only after the
        // clock has moved past its cursor's life (with three pages every cursor could be used before it expires)
        sim = AshbySimulator.builder().apiKey(KEY).seed(5L).defaultRecords(10).cursorTtl(Duration.ofMinutes(1))
                .build().start();
        HttpUrl base = HttpUrl.get(sim.baseUrl() + "/");
        client = TestApiClient.of(base, new ApiKeyCredentials(KEY, "ashby.api.key", AshbyAccess::hint),
                AshbyDialect.INSTANCE, 20);
        pool = Executors.newFixedThreadPool(4);
        sim.faults().probability(Fault.HTTP_503, 0.05).probability(Fault.TRUNCATED_JSON, 0.05);

        Map<String, ResourceSync> syncs = new LinkedHashMap<>();
        Map<String, Map<String, Struct>> sent = new LinkedHashMap<>();
        for (Resource r : AshbyDialect.INSTANCE.resources()) {
            syncs.put(r.name(), open(r, base));
            sent.put(r.name(), new LinkedHashMap<>());
        }
        // every paged list reads its first page, then its cursor expires
        syncs.forEach((name, sync) -> step(sync, sent.get(name)));
        sim.setClockOffset(Duration.ofMinutes(2));
        for (Map.Entry<String, ResourceSync> e : syncs.entrySet()) {
            readRound(e.getValue(), sent.get(e.getKey()));
            assertThat(sent.get(e.getKey()).keySet()).as(e.getKey()).isNotEmpty()
                    .isEqualTo(sim.truth(e.getKey()).keySet());
        }
        assertThat(codes()).as("errors the syncs went through").contains("next_cursor_expired");

        List<String> edited = new ArrayList<>();
        for (Resource r : AshbyDialect.INSTANCE.resources()) {
            if (r.mode() != SyncMode.PER_CHANGED_PARENT) {
                edited.add(sim.ids(r.name()).get(1));
                sim.edit(r.name(), edited.get(edited.size() - 1));
            }
        }
        sim.expireSyncTokens();
        sim.clearRequestLog();
        for (Map.Entry<String, ResourceSync> e : syncs.entrySet()) {
            Map<String, Struct> again = new LinkedHashMap<>();
            readRound(e.getValue(), again);
            Resource r = e.getValue().resource();
            if (r.mode() == SyncMode.PER_CHANGED_PARENT) {
                continue; // a changed parent may or may not have changed children (see AshbySyncIT)
            }
            assertThat(again.keySet()).as("%s: a forced full pass sends what changed, nothing else", r.name())
                    .containsExactly(sim.ids(r.name()).get(1));
        }
        assertThat(codes()).as("errors the syncs went through").contains("sync_token_expired");
    }

    private ResourceSync open(Resource r, HttpUrl base) {
        SourceRecordFactory maker = new SourceRecordFactory(r, "t." + r.name(),
                SourcePartition.of("ashby", base, r.name()), new UnknownFieldLog());
        ResourceSync.Settings settings = new ResourceSync.Settings(base, 3, POLL, Duration.ZERO, POLL,
                ConversionErrors.FAIL, 4, Duration.ZERO);
        return new TokenPaging(AshbyDialect.INSTANCE).open(r, null, Optional.empty(),
                new ResourceSync.Context(client, maker, settings, Clock.systemUTC(), pool));
    }

    private Set<String> codes() {
        Set<String> codes = new TreeSet<>();
        sim.requestLog().stream().map(LoggedRequest::errorCode).filter(c -> c != null).forEach(codes::add);
        return codes;
    }

    private static void step(ResourceSync sync, Map<String, Struct> sent) {
        try {
            sync.step().forEach(r -> sent.put(((Struct) r.key()).getString("id"), (Struct) r.value()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Steps until every list of the sync has ended a pass begun in this round (a pass's end sets the next one). */
    private static void readRound(ResourceSync sync, Map<String, Struct> sent) {
        Instant nextRound = Instant.now().plus(POLL);
        List<ListSync> lists = sync instanceof ListsInTurn<?> several ? new ArrayList<>(several.lists())
                : List.of((ListSync) sync);
        for (int i = 0; i < 1_000; i++) {
            step(sync, sent);
            if (lists.stream().allMatch(list -> list.dueAt().isAfter(nextRound))) {
                return;
            }
        }
        fail(sync.resource().name() + ": no end of the round in 1,000 steps");
    }
}
