package io.kafkaconnect.greenhouse.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.kafkaconnect.greenhouse.simulator.SimHttp.Resp;
import io.kafkaconnect.greenhouse.simulator.core.Fault;
import io.kafkaconnect.greenhouse.simulator.core.LatencyModel;
import io.kafkaconnect.greenhouse.simulator.core.LoggedRequest;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.Credentials;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Rate limits, faults, the clock and latency. */
class HarvestSimulatorResilienceTest extends SimulatorFixture {

    @Test
    void v1RateLimitGives429WithRetryAfterAndHeadersPerCredential() throws Exception {
        start(HarvestSimulator.builder().apiKey("a").apiKey("b").rateLimit(5, Duration.ofSeconds(10))
                .v1RollingWindow(true));

        List<Resp> responses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            responses.add(http.get(sim.baseUrl() + "/v1/departments", Credentials.basic("a", "")));
        }

        for (int i = 0; i < 5; i++) {
            assertThat(responses.get(i).status()).isEqualTo(200);
            assertThat(responses.get(i).header("X-RateLimit-Limit")).isEqualTo("5");
            assertThat(responses.get(i).header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(4 - i));
        }
        Resp limited = responses.get(5);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 10);
        assertThat(limited.header("X-RateLimit-Limit")).isEqualTo("5");
        assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
        long reset = Long.parseLong(limited.header("X-RateLimit-Reset"));
        assertThat(reset).isBetween(sim.now().getEpochSecond(), sim.now().getEpochSecond() + 11);
        // another credential has its own budget
        assertThat(http.get(sim.baseUrl() + "/v1/departments", Credentials.basic("b", "")).status()).isEqualTo(200);
        assertThat(sim.requestLog()).filteredOn(r -> r.status() == 429).hasSize(1);
    }

    @Test
    void byDefaultOnlyA429SaysWhenTheWindowResetsAndEachSwitchChangesOneThing() throws Exception {
        start(HarvestSimulator.builder().rateLimit(1, Duration.ofSeconds(10)));
        Resp ok = http.v1("/v1/departments");
        Resp limited = http.v1("/v1/departments");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(namesAsSent(ok)).as("the v1 docs' casing").contains("X-Ratelimit-Limit", "X-Ratelimit-Remaining")
                .doesNotContain("X-RateLimit-Reset", "Retry-After");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(namesAsSent(limited)).contains("X-RateLimit-Reset", "Retry-After");
        http.close();
        sim.close();

        RateHeaders odd = RateHeaders.documented().withResetOnEveryAnswer().withLowerCaseNames().withoutLimit()
                .withReset(RateHeaders.ResetShape.HTTP_DATE).withRetryAfterAsDate();
        start(HarvestSimulator.builder().rateLimit(1, Duration.ofSeconds(10)).rateHeaders(odd));
        ok = http.v1("/v1/departments");
        limited = http.v1("/v1/departments");
        assertThat(namesAsSent(ok)).contains("x-ratelimit-remaining", "x-ratelimit-reset")
                .doesNotContain("x-ratelimit-limit", "X-Ratelimit-Remaining");
        assertThat(ok.header("x-ratelimit-reset")).endsWith(" GMT");
        assertThat(limited.header("retry-after")).endsWith(" GMT");
    }

    /** Header names as they came on the wire (OkHttp's names() ignores case). */
    private static List<String> namesAsSent(Resp response) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < response.headers().size(); i++) {
            names.add(response.headers().name(i));
        }
        return names;
    }

    @Test
    void v3RateLimitUsesAFixedWindowPerClient() throws Exception {
        start(HarvestSimulator.builder().rateLimitV3(3, Duration.ofMinutes(30)));
        String token = http.accessToken();

        List<Integer> statuses = new ArrayList<>();
        Resp last = null;
        for (int i = 0; i < 4; i++) {
            last = http.v3("/v3/jobs", token);
            statuses.add(last.status());
        }

        assertThat(statuses).containsExactly(200, 200, 200, 429);
        long windowEnd = Long.parseLong(last.header("X-RateLimit-Reset"));
        assertThat(windowEnd % 1800).isZero(); // aligned fixed window
        assertThat(Long.parseLong(last.header("Retry-After")))
                .isBetween(1L, 1800L)
                .isCloseTo(windowEnd - sim.now().getEpochSecond(), Offset.offset(2L));
        // v1 is unlimited here but still reports its (large) budget
        assertThat(Long.parseLong(http.v1("/v1/jobs").header("X-RateLimit-Limit"))).isGreaterThan(1000);
    }

    @Test
    void scriptedHttpFaultsAreServedThenNormalServiceResumes() throws Exception {
        start(HarvestSimulator.builder().records("jobs", 5));

        sim.faults().failNext(1, Fault.HTTP_500).failNext(1, Fault.HTTP_502).failNext(1, Fault.HTTP_503)
                .failNext(1, Fault.HTML_ERROR_PAGE);
        Resp r500 = http.v1("/v1/jobs");
        Resp r502 = http.v1("/v1/jobs");
        Resp r503 = http.v1("/v1/jobs");
        Resp html = http.v1("/v1/jobs");
        Resp ok = http.v1("/v1/jobs");

        assertThat(r500.status()).isEqualTo(500);
        assertThat(r500.header("X-RateLimit-Remaining")).isNotNull();
        assertThat(r502.status()).isEqualTo(502);
        assertThat(r503.status()).isEqualTo(503);
        assertThat(html.status()).isEqualTo(503);
        assertThat(html.header("Content-Type")).startsWith("text/html");
        assertThat(html.body()).startsWith("<html>");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json()).hasSize(5);
        assertThat(sim.faults().pending()).isZero();
        assertThat(sim.requestLog()).extracting(LoggedRequest::status).containsExactly(500, 502, 503, 503, 200);
    }

    @Test
    void truncatedAndInvalidJsonArrive200ButDoNotParse() throws Exception {
        start(HarvestSimulator.builder().records("candidates", 20));
        Resp full = http.v1("/v1/candidates");

        sim.faults().failNext(1, Fault.TRUNCATED_JSON).failNext(1, Fault.INVALID_JSON);
        Resp truncated = http.v1("/v1/candidates");
        Resp invalid = http.v1("/v1/candidates");

        assertThat(truncated.status()).isEqualTo(200);
        assertThat(truncated.header("Content-Type")).startsWith("application/json");
        assertThat(truncated.header("Link")).isEqualTo(full.header("Link"));
        assertThat(truncated.body().length()).isLessThan(full.body().length()).isGreaterThan(0);
        assertThat(full.body()).startsWith(truncated.body());
        assertThatThrownBy(() -> SimHttp.JSON.readTree(truncated.body())).isInstanceOf(JsonProcessingException.class);
        assertThat(invalid.status()).isEqualTo(200);
        assertThatThrownBy(() -> SimHttp.JSON.readTree(invalid.body())).isInstanceOf(JsonProcessingException.class);
        assertThat(http.v1("/v1/candidates").json()).hasSize(20);
    }

    @Test
    void connectionResetSurfacesAsIOExceptionAndIsLoggedWithStatusZero() throws Exception {
        start(HarvestSimulator.builder());

        sim.faults().failNext(1, Fault.CONNECTION_RESET);

        assertThatThrownBy(() -> http.v1("/v1/departments")).isInstanceOf(IOException.class);
        assertThat(http.v1("/v1/departments").status()).isEqualTo(200);
        assertThat(sim.requestLog()).extracting(LoggedRequest::status).containsExactly(0, 200);
    }

    @Test
    void slowFaultDelaysTheAnswerPastAClientTimeout() throws Exception {
        sim = HarvestSimulator.builder().slowFaultDelay(Duration.ofMillis(1500)).build().start();
        http = new SimHttp(sim, Duration.ofMillis(200));

        sim.faults().failNext(1, Fault.SLOW);

        assertThatThrownBy(() -> http.v1("/v1/departments")).isInstanceOf(InterruptedIOException.class);
        assertThat(http.v1("/v1/departments").status()).isEqualTo(200);
    }

    @Test
    void scopedFaultsProbabilitiesAndPermanentStatuses() throws Exception {
        start(HarvestSimulator.builder());

        sim.faults().failNextOn("/v1/jobs", 2, Fault.HTTP_500);
        assertThat(http.v1("/v1/candidates").status()).isEqualTo(200);
        assertThat(http.v1("/v1/jobs").status()).isEqualTo(500);
        assertThat(http.v1("/v1/jobs").status()).isEqualTo(500);
        assertThat(http.v1("/v1/jobs").status()).isEqualTo(200);

        sim.faults().probability(Fault.HTTP_503, 1.0);
        assertThat(http.v1("/v1/candidates").status()).isEqualTo(503);
        sim.faults().clear();
        assertThat(http.v1("/v1/candidates").status()).isEqualTo(200);

        sim.faults().failNextOn(HarvestSimulator.TOKEN_PATH, 1, Fault.HTTP_503);
        assertThat(http.token(sim.clientId(), sim.clientSecret(), "client_credentials").status()).isEqualTo(503);
        assertThat(http.token(sim.clientId(), sim.clientSecret(), "client_credentials").status()).isEqualTo(200);

        sim.setStatusFor("/v1/jobs", 403);
        assertThat(http.v1("/v1/jobs").status()).isEqualTo(403);
        assertThat(http.v1("/v1/jobs?page=2").status()).isEqualTo(403);
        assertThat(http.v1("/v1/candidates").status()).isEqualTo(200);
        sim.clearStatusFor("/v1/jobs");
        assertThat(http.v1("/v1/jobs").status()).isEqualTo(200);
    }

    @Test
    void randomFaultsFollowTheirProbability() throws Exception {
        start(HarvestSimulator.builder().seed(1));
        sim.faults().probability(Fault.HTTP_500, 0.5);

        int failures = 0;
        for (int i = 0; i < 60; i++) {
            if (http.v1("/v1/user_roles").status() == 500) {
                failures++;
            }
        }

        assertThat(failures).isBetween(10, 50);
        assertThat(sim.faults().injectedCount()).isEqualTo(failures);
    }

    @Test
    void dateHeaderAndTimestampsFollowTheClockOffset() throws Exception {
        start(HarvestSimulator.builder().clockOffset(Duration.ofHours(-3)));

        Instant date = dateOf(http.v1("/v1/departments"));
        assertThat(Duration.between(Instant.now().minus(Duration.ofHours(3)), date).abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(Duration.between(sim.now(), date).abs()).isLessThan(Duration.ofSeconds(2));

        sim.setClockOffset(Duration.ofDays(2));
        Instant later = dateOf(http.v1("/v1/departments"));
        assertThat(Duration.between(Instant.now().plus(Duration.ofDays(2)), later).abs()).isLessThan(Duration.ofSeconds(5));
        long id = sim.insert("candidates");
        Instant created = Instant.parse(sim.truth("candidates").get(id).get("created_at").asText());
        assertThat(Duration.between(later, created).abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(sim.requestLog().get(1).at()).isAfter(sim.requestLog().get(0).at().plus(Duration.ofDays(2)));
    }

    private static Instant dateOf(Resp r) {
        return ZonedDateTime.parse(r.header("Date"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    @Test
    void latencyModelScalesWithRecordsWithinTheJitterBand() {
        LatencyModel fixed = new LatencyModel(Duration.ofMillis(100), Duration.ofMillis(2), 0.0);
        LatencyModel jittery = new LatencyModel(Duration.ofMillis(100), Duration.ZERO, 0.25);

        assertThat(fixed.delayNanos(0)).isEqualTo(Duration.ofMillis(100).toNanos());
        assertThat(fixed.delayNanos(50)).isEqualTo(Duration.ofMillis(200).toNanos());
        for (int i = 0; i < 100; i++) {
            assertThat(jittery.delayNanos(10)).isBetween(Duration.ofMillis(75).toNanos(), Duration.ofMillis(125).toNanos());
        }
        assertThat(LatencyModel.none().delayNanos(500)).isZero();
    }

    @Test
    void concurrentRequestsAreServedInParallel() throws Exception {
        start(HarvestSimulator.builder().records("candidates", 200).latency(Duration.ofMillis(100), Duration.ZERO, 0.0));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 1; i <= 16; i++) {
                int page = i;
                futures.add(pool.submit(() -> http.v1("/v1/candidates?per_page=10&page=" + page).json().size()));
            }
            int total = 0;
            for (Future<Integer> f : futures) {
                total += f.get();
            }
            assertThat(total).isEqualTo(160);
        } finally {
            pool.shutdownNow();
        }
        assertThat(sim.requestLog()).hasSize(16).allSatisfy(r -> assertThat(r.recordsReturned()).isEqualTo(10));
    }
}
