package io.kafkaconnect.greenhouse.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.engine.ApiClientFactory;
import io.kafkaconnect.greenhouse.harvest.config.GreenhouseSourceConfig;
import io.kafkaconnect.greenhouse.harvest.v3.HarvestV3Dialect;
import io.kafkaconnect.greenhouse.schema.UnknownFieldLog;
import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import io.kafkaconnect.greenhouse.simulator.core.Fault;
import io.kafkaconnect.greenhouse.sync.ResourceSync;
import io.kafkaconnect.greenhouse.sync.SourcePartition;
import io.kafkaconnect.greenhouse.sync.SourceRecordFactory;
import io.kafkaconnect.greenhouse.util.Sleeper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Harvest v3 where minting a token revokes the client's previous one (reference §3.2.6, UNCERTAIN) and tokens live
 * two seconds: several tasks share one token while it is renewed under them, with failing requests being retried
 * across renewals. A 401 for a token another task has already replaced is no credential error.
 */
class SharedTokenSyncTest {
    private static final String CLIENT_ID = "shared-token-client-17";
    private static final String SECRET = "shared-token-secret-do-not-log";
    private static final List<String> RESOURCES = List.of("candidates", "applications", "jobs");

    private HarvestSimulator sim;
    private final List<ApiClient> clients = new ArrayList<>();
    private final List<ExecutorService> pools = new ArrayList<>();

    @AfterEach
    void stop() {
        clients.forEach(ApiClient::close);
        pools.forEach(ExecutorService::shutdownNow);
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    @Timeout(120)
    void tasksSharingARenewedSingleActiveTokenUnderFaultsDeliverEverythingWithoutACredentialError() throws Exception {
        sim = HarvestSimulator.builder().seed(11L).oauthClient(CLIENT_ID, SECRET)
                .tokenTtl(Duration.ofSeconds(2)).singleActiveToken(true)
                .records("candidates", 800).records("applications", 800).records("jobs", 400)
                .rateLimitV3(60, Duration.ofSeconds(2)) // requests wait for the budget after their token is chosen
                .latency(Duration.ofMillis(15), Duration.ZERO, 0.5).build();
        sim.start();
        sim.faults().probability(Fault.HTTP_503, 0.08).probability(Fault.CONNECTION_RESET, 0.04);

        ExecutorService tasks = Executors.newFixedThreadPool(RESOURCES.size());
        pools.add(tasks);
        Map<String, Future<List<SourceRecord>>> running = new HashMap<>();
        for (String resource : RESOURCES) {
            WindowSync sync = task(resource); // one client (credentials, token user) per task, as a worker has
            running.put(resource, tasks.submit(() -> readToTheEnd(sync)));
        }
        Map<String, List<SourceRecord>> sent = new HashMap<>();
        for (String resource : RESOURCES) {
            // a credential error (an ApiException that is not retriable) fails the future: get() rethrows it
            sent.put(resource, running.get(resource).get(100, TimeUnit.SECONDS));
        }
        sim.faults().clear();

        for (String resource : RESOURCES) {
            assertThat(ids(sent.get(resource))).as("every %s delivered", resource)
                    .isEqualTo(new TreeSet<>(sim.truth(resource).keySet()));
        }
        String tokenPath = URI.create(sim.tokenUrl()).getPath();
        long tokens = sim.requestLog().stream().filter(r -> r.path().equals(tokenPath) && r.status() == 200).count();
        long refused = sim.requestLog().stream().filter(r -> r.path().startsWith("/v3/") && r.status() == 401).count();
        assertThat(tokens).as("tokens minted while the tasks read (each revoking the one before)").isGreaterThan(2);
        assertThat(refused).as("requests sent with a token revoked meanwhile").isPositive();
    }

    private WindowSync task(String name) {
        Map<String, String> props = new HashMap<>();
        props.put("greenhouse.api.version", "v3");
        props.put("greenhouse.oauth.client.id", CLIENT_ID);
        props.put("greenhouse.oauth.client.secret", SECRET);
        props.put("greenhouse.oauth.token.url", sim.tokenUrl());
        props.put("greenhouse.base.url", sim.baseUrl());
        props.put("max.retries", "3");
        props.put("retry.backoff.ms", "20");
        props.put("retry.backoff.max.ms", "200");
        GreenhouseSourceConfig config = new GreenhouseSourceConfig(props);
        ApiClient client = ApiClientFactory.create(config, new Sleeper(), Clock.systemUTC());
        clients.add(client);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        pools.add(pool);
        HarvestV3Dialect dialect = new HarvestV3Dialect();
        Resource resource = dialect.resource(name).orElseThrow();
        SourceRecordFactory maker = new SourceRecordFactory(resource, "t", SourcePartition.of("v3", config.baseUrl(), name),
                new UnknownFieldLog());
        WindowSync.Settings settings = new WindowSync.Settings(config.baseUrl(), 10, Duration.ZERO, Duration.ZERO,
                Duration.ofHours(1), GreenhouseSourceConfig.ConversionErrors.FAIL, 3, Duration.ZERO);
        return new WindowSync(resource, dialect, WindowOffset.START,
                new ResourceSync.Context(client, maker, settings, Clock.systemUTC(), pool));
    }

    /** Steps through one window as a worker polls: a retriable failure is polled again. */
    private static List<SourceRecord> readToTheEnd(WindowSync sync) throws InterruptedException {
        List<SourceRecord> out = Collections.synchronizedList(new ArrayList<>());
        boolean failed;
        do {
            failed = false;
            try {
                out.addAll(sync.step());
            } catch (RetriableException e) {
                failed = true;
            }
        } while (failed || sync.inWindow());
        return out;
    }

    private static Set<Long> ids(List<SourceRecord> records) {
        Set<Long> ids = new TreeSet<>();
        records.forEach(r -> ids.add(((Struct) r.key()).getInt64("id")));
        return ids;
    }
}
