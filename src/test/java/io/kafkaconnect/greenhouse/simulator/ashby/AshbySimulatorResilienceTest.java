package io.kafkaconnect.greenhouse.simulator.ashby;

import static io.kafkaconnect.greenhouse.simulator.ashby.AshbyHttp.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.kafkaconnect.greenhouse.simulator.ashby.AshbyHttp.Resp;
import io.kafkaconnect.greenhouse.simulator.core.Fault;
import io.kafkaconnect.greenhouse.simulator.core.LoggedRequest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rate limits, the Date header, faults and the request log. */
class AshbySimulatorResilienceTest extends AshbySimulatorFixture {

    @Test
    void overTheBudgetIs429WithoutRetryAfterOrRateLimitHeadersByDefault() throws Exception {
        start(AshbySimulator.builder().apiKey("a").apiKey("b").rateLimit(3, Duration.ofMinutes(30)));

        List<Resp> responses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            responses.add(http.post("candidate.list", body(), "a"));
        }

        assertThat(responses).extracting(Resp::status).containsExactly(200, 200, 200, 429);
        Resp limited = responses.get(3);
        assertThat(limited.success()).isFalse();
        assertThat(limited.errorCode()).isEqualTo("rate_limit_exceeded");
        assertThat(limited.header("Retry-After")).isNull();
        assertThat(limited.headers().names()).noneMatch(h -> h.toLowerCase().startsWith("x-ratelimit"));
        assertThat(responses.get(0).headers().names()).noneMatch(h -> h.toLowerCase().startsWith("x-ratelimit"));
        // every method shares the key's budget; another key has its own
        assertThat(http.post("job.list", body(), "a").status()).isEqualTo(429);
        assertThat(http.post("candidate.list", body(), "b").status()).isEqualTo(200);
        // an unauthenticated request is refused before it can use budget
        assertThat(http.raw("candidate.list", "{}", null).status()).isEqualTo(401);
        assertThat(sim.requestLog()).filteredOn(r -> r.status() == 429)
                .allSatisfy(r -> assertThat(r.errorCode()).isEqualTo("rate_limit_exceeded")).hasSize(2);
    }

    @Test
    void retryAfterIsSentWhenEnabled() throws Exception {
        start(AshbySimulator.builder().rateLimit(2, Duration.ofSeconds(60)).retryAfter(true));

        http.post("user.list", body());
        http.post("user.list", body());
        Resp limited = http.post("user.list", body());

        assertThat(limited.status()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
    }

    @Test
    void theDefaultBudgetIsOneThousandPerMinute() throws Exception {
        start(AshbySimulator.builder().records("sources", 1));
        int ok = 0;
        Resp r;
        do {
            r = http.post("source.list", body());
            ok += r.status() == 200 ? 1 : 0;
        } while (r.status() == 200 && ok <= 1000);
        // a fixed minute window may roll over once during the loop, never twice
        assertThat(ok).isBetween(1000, 2000);
        assertThat(r.status()).isEqualTo(429);
    }

    @Test
    void dateHeaderFollowsTheSimulatorClock() throws Exception {
        start(AshbySimulator.builder().clockOffset(Duration.ofHours(-3)));

        Resp r = http.post("job.list", body());
        Resp error = http.post("job.list", body().put("limit", 0));
        Resp unauthorized = http.raw("job.list", "{}", null);

        for (Resp resp : List.of(r, error, unauthorized)) {
            Instant date = ZonedDateTime.parse(resp.header("Date"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            assertThat(Duration.between(date, Instant.now().minus(Duration.ofHours(3))).abs())
                    .isLessThan(Duration.ofMinutes(1));
            assertThat(resp.header("Content-Type")).startsWith("application/json");
        }
        sim.setClockOffset(Duration.ZERO);
        Instant date = ZonedDateTime.parse(http.post("job.list", body()).header("Date"),
                DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertThat(Duration.between(date, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void injectedFaultsAreServedThenNormalServiceResumes() throws Exception {
        start(AshbySimulator.builder().records("candidates", 30).records("jobs", 5));
        sim.faults().failNextOn("/candidate.list", 1, Fault.HTTP_500).failNextOn("/candidate.list", 1, Fault.HTTP_503)
                .failNextOn("/candidate.list", 1, Fault.HTML_ERROR_PAGE)
                .failNextOn("/candidate.list", 1, Fault.INVALID_JSON)
                .failNextOn("/candidate.list", 1, Fault.TRUNCATED_JSON)
                .failNextOn("/candidate.list", 1, Fault.CONNECTION_RESET);

        Resp jobs = http.post("job.list", body()); // other methods are not affected
        Resp e500 = http.post("candidate.list", body());
        Resp e503 = http.post("candidate.list", body());
        Resp html = http.post("candidate.list", body());
        Resp invalid = http.post("candidate.list", body());
        Resp truncated = http.post("candidate.list", body());
        assertThatThrownBy(() -> http.post("candidate.list", body())).isInstanceOf(IOException.class);
        Resp ok = http.post("candidate.list", body());

        assertThat(jobs.success()).isTrue();
        assertThat(e500.status()).isEqualTo(500);
        assertThat(e503.status()).isEqualTo(503);
        assertThat(html.status()).isEqualTo(503);
        assertThat(html.header("Content-Type")).startsWith("text/html");
        assertThat(invalid.status()).isEqualTo(200);
        assertThatThrownBy(invalid::json).hasCauseInstanceOf(JsonProcessingException.class);
        assertThat(truncated.status()).isEqualTo(200);
        assertThatThrownBy(truncated::json).hasCauseInstanceOf(JsonProcessingException.class);
        assertThat(ok.success()).isTrue();
        assertThat(ok.ids()).hasSize(30);
        assertThat(sim.faults().pending()).isZero();
        assertThat(sim.requestLog()).extracting(LoggedRequest::status)
                .containsExactly(200, 500, 503, 503, 200, 200, 0, 200);
    }

    @Test
    void permanentStatusAndProbabilisticFaults() throws Exception {
        start(AshbySimulator.builder().records("departments", 3));
        sim.setStatusFor("department.list", 502);
        assertThat(http.post("department.list", body()).status()).isEqualTo(502);
        assertThat(http.post("location.list", body()).status()).isEqualTo(200);
        sim.clearStatusFor("department.list");
        assertThat(http.post("department.list", body()).status()).isEqualTo(200);

        sim.faults().probability(Fault.HTTP_503, 1.0);
        assertThat(http.post("user.list", body()).status()).isEqualTo(503);
        sim.faults().clear();
        assertThat(http.post("user.list", body()).status()).isEqualTo(200);
    }

    @Test
    void theRequestLogRecordsMethodBodyStatusAndOutcome() throws Exception {
        start(AshbySimulator.builder().records("offers", 3));

        http.post("offer.list", body().put("limit", 2));
        http.post("offer.list", body().put("cursor", "junk"));

        List<LoggedRequest> log = sim.requestLog();
        assertThat(log).hasSize(2);
        LoggedRequest first = log.get(0);
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.path()).isEqualTo("/offer.list");
        assertThat(first.apiMethod()).isEqualTo("offer.list");
        assertThat(first.body()).isEqualTo("{\"limit\":2}");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.success()).isTrue();
        assertThat(first.errorCode()).isNull();
        assertThat(first.recordsReturned()).isEqualTo(2);
        assertThat(log.get(1).success()).isFalse();
        assertThat(log.get(1).errorCode()).isEqualTo("invalid_next_cursor");
        sim.clearRequestLog();
        assertThat(sim.requestLog()).isEmpty();
    }

    @Test
    void singleAndBulkEditsAndInsertsAreCountedWithTheBackgroundOnes() {
        start(AshbySimulator.builder().records("candidates", 10));

        sim.edit("candidates", sim.ids("candidates").get(0));
        sim.bulkEdit("candidates", 3);
        sim.insert("jobs");

        assertThat(sim.mutations().editCount()).isEqualTo(4);
        assertThat(sim.mutations().insertCount()).isEqualTo(1);
    }

    @Test
    void backgroundMutationsFeedTheNextDelta() throws Exception {
        start(AshbySimulator.builder().records("candidates", 50));
        String token = AshbyHttp.last(http.walk("candidate.list", body())).syncToken();

        sim.mutations().startRandom(500, 0, "candidates");
        while (sim.mutations().editCount() < 20) {
            Thread.sleep(10);
        }
        sim.mutations().stop();

        List<String> delta = AshbyHttp.ids(http.walk("candidate.list", body().put("syncToken", token)));
        long changed = sim.versions("candidates").values().stream().filter(v -> v > 1).count();
        assertThat(delta).hasSize((int) changed).doesNotHaveDuplicates();
        assertThat(changed).isPositive();
    }
}
