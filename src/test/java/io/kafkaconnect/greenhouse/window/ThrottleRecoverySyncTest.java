package io.kafkaconnect.greenhouse.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.api.ApiKeyCredentials;
import io.kafkaconnect.greenhouse.api.RateBudget;
import io.kafkaconnect.greenhouse.ashby.AshbyAccess;
import io.kafkaconnect.greenhouse.ashby.AshbyDialect;
import io.kafkaconnect.greenhouse.config.EngineConfig.ConversionErrors;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.TestApiClient;
import io.kafkaconnect.greenhouse.schema.UnknownFieldLog;
import io.kafkaconnect.greenhouse.simulator.ashby.AshbySimulator;
import io.kafkaconnect.greenhouse.simulator.core.LoggedRequest;
import io.kafkaconnect.greenhouse.sync.ResourceSync;
import io.kafkaconnect.greenhouse.sync.SourcePartition;
import io.kafkaconnect.greenhouse.sync.SourceRecordFactory;
import io.kafkaconnect.greenhouse.token.TokenOffset;
import io.kafkaconnect.greenhouse.token.TokenSync;
import io.kafkaconnect.greenhouse.util.Closing;
import io.kafkaconnect.greenhouse.util.DaemonThreads;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An Ashby-like account: a sliding window, no rate headers, no Retry-After, and every other throttle an HTTP 200
 * with the error code {@code rate_limit_exceeded}. The window is scaled down (0.5 s, documented limit 20): while
 * the account allows only 10 (other clients of the key), throttles lower the assumed limit to below that; when it
 * allows 20 again, busy windows without a throttle raise the pace back towards the documented limit. The full pass
 * completes either way.
 */
class ThrottleRecoverySyncTest {
    private static final String KEY = "recovery-key";
    private static final Duration WINDOW = Duration.ofMillis(500);
    private static final int DOCUMENTED = 20;
    private static final int CROWDED = 10;

    private AshbySimulator sim;
    private ApiClient client;
    private ExecutorService pool;

    @AfterEach
    void stop() throws Exception {
        Closing.inOrder(client, Closing.shutdownNow(pool), sim);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void throttlesLowerTheAssumedLimitAndQuietBusyWindowsRaiseItAgain() throws Exception {
        sim = AshbySimulator.builder().apiKey(KEY).records("candidates", 300).rateLimit(CROWDED, WINDOW)
                .rollingRateWindow(true).throttleAsHttp200Every(2).build();
        sim.start();
        HttpUrl base = HttpUrl.get(sim.baseUrl() + "/");
        RateBudget budget = RateBudget.unshared(Clock.systemUTC(), WINDOW, 1.0);
        budget.assumeLimit(DOCUMENTED);
        client = TestApiClient.of(base, new ApiKeyCredentials(KEY, "ashby.api.key", AshbyAccess::hint), AshbyDialect.INSTANCE, 0, budget);
        pool = Executors.newFixedThreadPool(1, new DaemonThreads("test-fetch"));
        Resource candidates = AshbyDialect.INSTANCE.resource("candidates").orElseThrow();
        SourceRecordFactory maker = new SourceRecordFactory(candidates, "t", SourcePartition.of("ashby", base, "candidates"),
                new UnknownFieldLog());
        ResourceSync.Settings settings = new ResourceSync.Settings(base, 5, Duration.ZERO, Duration.ZERO,
                Duration.ofHours(1), ConversionErrors.FAIL, 1, Duration.ZERO);
        TokenSync sync = new TokenSync(candidates, AshbyDialect.INSTANCE, TokenOffset.START,
                new ResourceSync.Context(client, maker, settings, Clock.systemUTC(), pool));

        Set<String> ids = new TreeSet<>();
        Integer lowest = budget.limit();
        boolean crowded = true;
        boolean passDone = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (System.nanoTime() < deadline && (!passDone || crowded || budget.limit() < DOCUMENTED * 3 / 4)) {
            sync.step().forEach(r -> ids.add(((Struct) r.key()).getString("id")));
            passDone |= sync.position() instanceof TokenOffset.BetweenPasses;
            lowest = Math.min(lowest, budget.limit());
            if (crowded && budget.limit() < CROWDED) {
                crowded = false;
                sim.rateLimit(DOCUMENTED); // the other clients are gone
            }
        }

        assertThat(ids).as("the full pass").isEqualTo(sim.truth("candidates").keySet());
        assertThat(lowest).as("throttles lowered the pace below what the crowded account allowed").isLessThan(CROWDED);
        assertThat(sim.requestLog()).extracting(LoggedRequest::status).as("throttled both ways").contains(429, 200);
        assertThat(sim.requestLog()).filteredOn(r -> r.status() == 200 && "rate_limit_exceeded".equals(r.errorCode()))
                .isNotEmpty();
        assertThat(budget.limit()).as("the pace found the account's limit again").isGreaterThanOrEqualTo(DOCUMENTED * 3 / 4);
    }
}
