package io.kafkaconnect.greenhouse.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.api.ApiKeyCredentials;
import io.kafkaconnect.greenhouse.api.RateBudget;
import io.kafkaconnect.greenhouse.config.EngineConfig.ConversionErrors;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.TestApiClient;
import io.kafkaconnect.greenhouse.harvest.config.HarvestAccess;
import io.kafkaconnect.greenhouse.harvest.v1.HarvestV1Dialect;
import io.kafkaconnect.greenhouse.schema.UnknownFieldLog;
import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import io.kafkaconnect.greenhouse.simulator.RateHeaders;
import io.kafkaconnect.greenhouse.simulator.RateHeaders.Absurd;
import io.kafkaconnect.greenhouse.simulator.RateHeaders.ResetShape;
import io.kafkaconnect.greenhouse.simulator.core.LoggedRequest;
import io.kafkaconnect.greenhouse.sync.ResourceSync;
import io.kafkaconnect.greenhouse.sync.SourcePartition;
import io.kafkaconnect.greenhouse.sync.SourceRecordFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A v1 sync completes, within the limit, with each shape of rate headers the docs allow or a server might send.
 * The limit's window is scaled down (3 requests per second, and the budget told 1 s) so that a pass spans several
 * windows in a few seconds; before the sync another client of the key spends the window, so that the sync's
 * first request is throttled and reads the 429's headers too.
 */
class RateHeadersSyncTest {
    private static final String KEY = "rate-headers-key";
    private static final int LIMIT = 3;
    private static final Duration WINDOW = Duration.ofSeconds(1);
    private static final int CANDIDATES = 20;
    private static final int PAGE_SIZE = 5;

    private HarvestSimulator sim;
    private ApiClient client;

    static Stream<Arguments> variations() {
        RateHeaders documented = RateHeaders.documented();
        return Stream.of(
                Arguments.of("Reset only on 429 (the v1 docs)", documented),
                Arguments.of("Reset on every answer", documented.withResetOnEveryAnswer()),
                Arguments.of("names in lower case", documented.withLowerCaseNames().withResetOnEveryAnswer()),
                Arguments.of("no Limit", documented.withoutLimit()),
                Arguments.of("no Remaining", documented.withoutRemaining()),
                Arguments.of("neither Limit nor Remaining", documented.withoutLimit().withoutRemaining()),
                Arguments.of("Reset in epoch ms", documented.withResetOnEveryAnswer().withReset(ResetShape.EPOCH_MILLIS)),
                Arguments.of("Reset as an HTTP date", documented.withResetOnEveryAnswer().withReset(ResetShape.HTTP_DATE)),
                Arguments.of("Reset in seconds from now",
                        documented.withResetOnEveryAnswer().withReset(ResetShape.DELTA_SECONDS)),
                Arguments.of("Retry-After as an HTTP date", documented.withRetryAfterAsDate()),
                Arguments.of("Limit and waits 0", documented.withResetOnEveryAnswer().with(Absurd.ZERO)),
                Arguments.of("Limit and waits negative", documented.withResetOnEveryAnswer().with(Absurd.NEGATIVE)),
                Arguments.of("waits years ahead", documented.withResetOnEveryAnswer().with(Absurd.YEARS_AHEAD)));
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variations")
    @Timeout(value = 90, unit = TimeUnit.SECONDS) // the old budget waited forever once Remaining hit 0 without Reset
    void aSyncCompletesWithinTheLimit(String name, RateHeaders headers) throws Exception {
        sim = HarvestSimulator.builder().seed(5L).apiKey(KEY).records("candidates", CANDIDATES)
                .rateLimitV1(LIMIT, WINDOW).rateHeaders(headers).build();
        sim.start();
        HttpUrl base = HttpUrl.get(sim.baseUrl());
        client = TestApiClient.of(base, new ApiKeyCredentials(KEY, "greenhouse.api.key", HarvestAccess::apiKeyHint), new HarvestV1Dialect(), 0,
                RateBudget.unshared(Clock.systemUTC(), WINDOW, 1.0));
        int spent = spendTheWindow();

        List<SourceRecord> sent = syncCandidates(base);

        Set<Long> ids = new TreeSet<>();
        sent.forEach(r -> ids.add(((Struct) r.key()).getInt64("id")));
        assertThat(ids).as("every candidate").isEqualTo(sim.truth("candidates").keySet());
        List<LoggedRequest> ours = sim.requestLog().subList(spent, sim.requestLog().size());
        assertThat(ours).as("the sync was throttled first").first().extracting(LoggedRequest::status).isEqualTo(429);
        long throttled = ours.stream().filter(r -> r.status() == 429).count();
        assertThat(throttled).as("429s of the sync, of %d requests", ours.size()).isLessThanOrEqualTo(ours.size() / 2);
    }

    /** Another client of the key spends the current window (early in it); returns how many requests it made. */
    private int spendTheWindow() throws Exception {
        while (sim.now().toEpochMilli() % WINDOW.toMillis() > WINDOW.toMillis() / 2) {
            Thread.sleep(20);
        }
        OkHttpClient other = new OkHttpClient();
        Request request = new Request.Builder().url(sim.baseUrl() + "/v1/departments")
                .header("Authorization", Credentials.basic(KEY, "")).build();
        for (int i = 0; i < LIMIT; i++) {
            try (Response response = other.newCall(request).execute()) {
                assertThat(response.code()).isEqualTo(200);
            }
        }
        return LIMIT;
    }

    private List<SourceRecord> syncCandidates(HttpUrl base) throws InterruptedException {
        HarvestV1Dialect dialect = new HarvestV1Dialect();
        Resource resource = dialect.resource("candidates").orElseThrow();
        SourceRecordFactory maker = new SourceRecordFactory(resource, "t", SourcePartition.of("v1", base, "candidates"),
                new UnknownFieldLog());
        WindowSync.Settings settings = new WindowSync.Settings(base, PAGE_SIZE, Duration.ZERO, Duration.ZERO,
                Duration.ofHours(1), ConversionErrors.FAIL, 1, Duration.ZERO);
        WindowSync sync = new WindowSync(resource, dialect, WindowOffset.START,
                new ResourceSync.Context(client, maker, settings, Clock.systemUTC(), null));
        List<SourceRecord> out = new ArrayList<>();
        do {
            out.addAll(sync.step());
        } while (sync.inWindow());
        return out;
    }
}
