package io.kafkaconnect.greenhouse.ashby;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.api.ApiKeyCredentials;
import io.kafkaconnect.greenhouse.config.EngineConfig.ConversionErrors;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.TestApiClient;
import io.kafkaconnect.greenhouse.schema.UnknownFieldLog;
import io.kafkaconnect.greenhouse.simulator.ashby.AshbySimulator;
import io.kafkaconnect.greenhouse.sync.ListsInTurn;
import io.kafkaconnect.greenhouse.sync.ResourceStats;
import io.kafkaconnect.greenhouse.sync.ResourceSync;
import io.kafkaconnect.greenhouse.sync.SourcePartition;
import io.kafkaconnect.greenhouse.sync.SourceRecordFactory;
import io.kafkaconnect.greenhouse.token.TokenOffset;
import io.kafkaconnect.greenhouse.token.TokenPaging;
import io.kafkaconnect.greenhouse.token.TokenSync;
import io.kafkaconnect.greenhouse.util.Closing;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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

/**
 * {@code surveySubmission.list} requires a {@code surveyType} (the simulator refuses a request without one and lists
 * only the type asked for): {@code survey_submissions} reads one sync-token list per type, in turn, into one topic,
 * and keeps every list's token in its one offset, so a restart goes on with deltas of every type.
 */
class AshbySurveySubmissionsSyncTest {
    private static final String KEY = "survey-key";
    private static final Resource SURVEYS = AshbyDialect.INSTANCE.resource("survey_submissions").orElseThrow();

    private AshbySimulator sim;
    private ApiClient client;
    private ExecutorService pool;
    private ResourceStats stats;

    @AfterEach
    void stop() throws Exception {
        Closing.inOrder(client, Closing.shutdownNow(pool), sim);
    }

    @Test
    void everyTypeArrivesAndARestartGoesOnWithTheDeltasOfEveryType() throws Exception {
        start();
        Map<String, Struct> sent = new LinkedHashMap<>();
        ListsInTurn<TokenSync> sync = open(null);
        Map<String, Object> offset = readRound(sync, sent);
        assertThat(sent.keySet()).as("every submission, of every type").isEqualTo(sim.truth("survey_submissions")
                .keySet());
        assertThat(sent.values()).extracting(s -> s.getString("surveyType")).containsAll(AshbyResources.SURVEY_TYPES);
        assertThat(offset).containsKey(ListsInTurn.MORE_LISTS);
        assertThat(stats.caughtUpTo()).as("caught up once every list has read a pass").isNotNull();

        List<String> edited = new ArrayList<>();
        for (String id : sim.ids("survey_submissions").subList(0, 5)) { // one of each type
            sim.edit("survey_submissions", id);
            edited.add(id);
        }
        sync.close();
        ListsInTurn<TokenSync> resumed = open(offset);
        assertThat(resumed.lists()).extracting(list -> list.position().token()).as("every list resumes its token")
                .doesNotContainNull();
        sent.clear();
        readRound(resumed, sent);
        assertThat(sent.keySet()).as("the deltas of every type, nothing else").containsExactlyInAnyOrderElementsOf(
                edited);
    }

    @Test
    void theFirstListAloneMissesTheOtherTypes() throws Exception {
        start();
        Map<String, Struct> sent = new LinkedHashMap<>();
        ListsInTurn<TokenSync> sync = open(null);
        TokenSync first = sync.lists().get(0);
        do {
            first.step().forEach(r -> sent.put(((Struct) r.key()).getString("id"), (Struct) r.value()));
        } while (first.midPass());
        assertThat(sent).isNotEmpty();
        assertThat(sent.keySet()).as("a list of one type").hasSizeLessThan(sim.truth("survey_submissions").size());
        assertThat(stats.caughtUpTo()).as("not caught up while the other types are unread").isNull();
    }

    private void start() {
        sim = AshbySimulator.builder().apiKey(KEY).records("survey_submissions", 40).build();
        sim.start();
        HttpUrl base = HttpUrl.get(sim.baseUrl() + "/");
        client = TestApiClient.of(base, new ApiKeyCredentials(KEY, "ashby.api.key", AshbyAccess::hint),
                AshbyDialect.INSTANCE, 0);
        pool = Executors.newFixedThreadPool(1);
    }

    @SuppressWarnings("unchecked")
    private ListsInTurn<TokenSync> open(Map<String, Object> stored) {
        HttpUrl base = HttpUrl.get(sim.baseUrl() + "/");
        SourceRecordFactory maker = new SourceRecordFactory(SURVEYS, "t.survey_submissions",
                SourcePartition.of("ashby", base, "survey_submissions"), new UnknownFieldLog());
        ResourceSync.Settings settings = new ResourceSync.Settings(base, 3, Duration.ZERO, Duration.ZERO,
                Duration.ofHours(1), ConversionErrors.FAIL, 1, Duration.ZERO);
        stats = new ResourceStats(SURVEYS.name(), Duration.ZERO, Clock.systemUTC());
        return (ListsInTurn<TokenSync>) new TokenPaging(AshbyDialect.INSTANCE).open(SURVEYS,
                stored == null ? null : new HashMap<>(stored), Optional.empty(),
                new ResourceSync.Context(client, maker, settings, Clock.systemUTC(), pool, stats));
    }

    /** One pass of every list, in turn; returns the offset of the last record sent (the resource's position). */
    private static Map<String, Object> readRound(ListsInTurn<TokenSync> sync, Map<String, Struct> sent)
            throws InterruptedException {
        Map<String, Object> offset = null;
        int passes = 0;
        while (passes < sync.lists().size()) {
            List<SourceRecord> records = sync.step();
            for (SourceRecord r : records) {
                sent.put(((Struct) r.key()).getString("id"), (Struct) r.value());
                offset = new HashMap<>(r.sourceOffset());
            }
            if (sync.lists().stream().noneMatch(TokenSync::midPass)) {
                passes++;
            }
        }
        assertThat(sync.lists()).allMatch(list -> list.position() instanceof TokenOffset.BetweenPasses);
        return offset;
    }
}
