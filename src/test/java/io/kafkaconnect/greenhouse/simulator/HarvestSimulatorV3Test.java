package io.kafkaconnect.greenhouse.simulator;

import static io.kafkaconnect.greenhouse.simulator.HarvestSimulatorV1Test.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.greenhouse.simulator.SimHttp.Resp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HarvestSimulatorV3Test extends SimulatorFixture {

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void clientCredentialsTokenThenBearerAuth() throws Exception {
        start(HarvestSimulator.builder().oauthClient("cid", "secret").tokenTtl(Duration.ofMinutes(30)));

        Resp token = http.token("cid", "secret", "client_credentials");

        assertThat(token.status()).isEqualTo(200);
        JsonNode t = token.json();
        assertThat(t.get("token_type").asText()).isEqualTo("bearer");
        assertThat(t.get("expires_in").asLong()).isEqualTo(1800);
        assertThat(Duration.between(sim.now(), Instant.parse(t.get("expires_at").asText())))
                .isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));
        Resp ok = http.v3("/v3/candidates", t.get("access_token").asText());
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().isArray()).isTrue();
        assertThat(ok.json()).hasSize(25);
        Resp noToken = http.get(sim.baseUrl() + "/v3/candidates", null);
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.json().get("errors").get(0).asText()).startsWith("Token could not be decoded");
        // a v1 API key is not a v3 credential
        assertThat(http.get(sim.baseUrl() + "/v3/candidates", okhttp3.Credentials.basic(sim.apiKey(), "")).status())
                .isEqualTo(401);
        // v3 routes before it authenticates
        assertThat(http.get(sim.baseUrl() + "/v3/no_such_thing", null).status()).isEqualTo(404);
    }

    @Test
    void wrongSecretOrGrantIsRejected() throws Exception {
        start(HarvestSimulator.builder().oauthClient("cid", "secret"));

        Resp wrong = http.token("cid", "not-the-secret", "client_credentials");
        Resp unknown = http.token("who", "secret", "client_credentials");
        Resp noGrant = http.token("cid", "secret", null);
        Resp noAuth = http.token(null, null, "client_credentials");

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("error").asText()).isEqualTo("invalid_client");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(noGrant.status()).isEqualTo(400);
        assertThat(noAuth.status()).isEqualTo(401);
    }

    @Test
    void tokensExpireWithTheSimulatorClockAndOnDemand() throws Exception {
        start(HarvestSimulator.builder().tokenTtl(Duration.ofHours(1)));
        String token = http.accessToken();
        assertThat(http.v3("/v3/jobs", token).status()).isEqualTo(200);

        sim.setClockOffset(Duration.ofMinutes(61));
        Resp expired = http.v3("/v3/jobs", token);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("message").asText()).isEqualTo("Unauthorized");

        String fresh = http.accessToken();
        assertThat(http.v3("/v3/jobs", fresh).status()).isEqualTo(200);
        sim.expireTokens();
        assertThat(http.v3("/v3/jobs", fresh).status()).isEqualTo(401);
    }

    @Test
    void pagesComeInIdDescendingOrderWithANextOnlyCursorLink() throws Exception {
        start(HarvestSimulator.builder().seed(21).records("candidates", 52));
        String token = http.accessToken();

        List<Resp> pages = http.walkV3("/v3/candidates?per_page=7", token);

        assertThat(pages).hasSize(8);
        List<Long> ids = SimHttp.ids(pages);
        assertThat(ids).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(new TreeSet<>(ids)).isEqualTo(new TreeSet<>(sim.truth("candidates").keySet()));
        for (int i = 0; i < pages.size() - 1; i++) {
            assertThat(pages.get(i).links()).containsOnlyKeys("next");
            String next = pages.get(i).links().get("next");
            assertThat(next).startsWith(sim.baseUrl() + "/v3/candidates?cursor=").doesNotContain("&");
            assertThat(next.substring(next.indexOf("cursor=") + 7)).matches("[A-Za-z0-9_-]+");
        }
        assertThat(pages.get(7).header("Link")).isNull();
        assertThat(pages.get(7).json()).hasSize(3);
        JsonNode c = pages.get(0).json().get(0);
        assertThat(fieldNames(c)).contains("id", "first_name", "last_name", "private", "last_activity_at", "created_at",
                "updated_at", "custom_fields", "email_addresses", "tags").doesNotContain("applications", "is_private",
                "keyed_custom_fields", "recruiter");
    }

    @Test
    void cursorWithAnyOtherParamIs422() throws Exception {
        start(HarvestSimulator.builder().records("jobs", 30));
        String token = http.accessToken();
        String next = http.v3("/v3/jobs?per_page=10", token).links().get("next");

        Resp bad = http.v3Url(next + "&per_page=10", token);

        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("message").asText()).isEqualTo("Unprocessable Content");
        assertThat(bad.json().get("errors").get(0).asText())
                .isEqualTo("When passing a cursor, do not include other query params.");
        assertThat(http.v3Url(next, token).status()).isEqualTo(200);
        assertThat(http.v3("/v3/jobs?cursor=not-a-cursor", token).status()).isEqualTo(422);
    }

    @Test
    void filtersUseOperatorsAndMalformedValuesOrPageSizesAre422() throws Exception {
        start(HarvestSimulator.builder().seed(8).records("applications", 200));
        String token = http.accessToken();
        Map<Long, JsonNode> truth = sim.truth("applications", Dialect.V3);
        List<String> sorted = truth.values().stream().map(n -> n.get("updated_at").asText()).sorted().toList();
        String lo = sorted.get(50);
        String hi = sorted.get(150);

        Set<Long> got = new HashSet<>(SimHttp.ids(http.walkV3("/v3/applications?per_page=33&updated_at="
                + enc("gte|" + lo + "|lt|" + hi), token)));

        Set<Long> expected = truth.entrySet().stream().filter(e -> {
            Instant u = Instant.parse(e.getValue().get("updated_at").asText());
            return !u.isBefore(Instant.parse(lo)) && u.isBefore(Instant.parse(hi));
        }).map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(got).isEqualTo(expected).hasSizeBetween(80, 120);
        Set<Long> gtLte = new HashSet<>(SimHttp.ids(http.walkV3("/v3/applications?per_page=500&updated_at="
                + enc("gt|" + lo + "|lte|" + hi), token)));
        assertThat(gtLte).doesNotContainAnyElementsOf(truth.entrySet().stream()
                .filter(e -> e.getValue().get("updated_at").asText().equals(lo)).map(Map.Entry::getKey).toList());
        assertThat(gtLte).containsAll(truth.entrySet().stream()
                .filter(e -> e.getValue().get("updated_at").asText().equals(hi)).map(Map.Entry::getKey).toList());

        for (String bad : List.of("gte", "between|" + lo, "gte|" + lo + "|gt|" + hi, "gte|yesterday", "gte|" + lo + "|lt")) {
            Resp r = http.v3("/v3/applications?updated_at=" + enc(bad), token);
            assertThat(r.status()).as(bad).isEqualTo(422);
            assertThat(r.json().get("errors").get(0).has("updated_at")).as(bad).isTrue();
        }
        Resp big = http.v3("/v3/applications?per_page=600", token);
        assertThat(big.status()).isEqualTo(422);
        assertThat(big.body()).isEqualTo("{\"message\":\"Unprocessable Content\",\"errors\":[{\"per_page\":"
                + "\"`600` number is greater than: 500\"}]}");
        assertThat(http.v3("/v3/applications?per_page=0", token).status()).isEqualTo(422);
    }

    @Test
    void keysetCursorIsStableWhileRecordsAreEditedInsideAClosedWindow() throws Exception {
        start(HarvestSimulator.builder().seed(4).records("candidates", 120));
        String token = http.accessToken();
        Instant end = sim.now();
        Map<Long, JsonNode> before = sim.truth("candidates", Dialect.V3);

        Resp first = http.v3("/v3/candidates?per_page=20&updated_at=" + enc("lt|" + end), token);
        List<Long> seen = new ArrayList<>(SimHttp.ids(first));
        List<Long> notYetSeen = new ArrayList<>(before.keySet());
        notYetSeen.removeAll(seen);
        // edits on the page already read and on pages not yet read, plus an insert
        sim.edit("candidates", seen.get(0));
        sim.edit("candidates", seen.get(5));
        long editedAhead = notYetSeen.get(40);
        sim.edit("candidates", editedAhead);
        sim.insert("candidates");
        Resp r = first;
        while (r.links().containsKey("next")) {
            r = http.v3Url(r.links().get("next"), token);
            seen.addAll(SimHttp.ids(r));
        }

        Set<Long> expected = new HashSet<>(before.keySet());
        expected.remove(editedAhead); // it left the closed window before we reached it; the next window has it
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(expected);
        assertThat(Instant.parse(sim.truth("candidates", Dialect.V3).get(editedAhead).get("updated_at").asText()))
                .isAfterOrEqualTo(end);
    }

    @Test
    void expiredCursorIs422() throws Exception {
        start(HarvestSimulator.builder().records("departments", 30).cursorTtl(Duration.ofMinutes(5)));
        String token = http.accessToken();
        String next = http.v3("/v3/departments?per_page=10", token).links().get("next");
        assertThat(http.v3Url(next, token).status()).isEqualTo(200);

        sim.setClockOffset(Duration.ofMinutes(6));
        Resp r = http.v3Url(next, token);

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).asText()).contains("expired");
    }

    @Test
    void applicationEditsMoveV1LastActivityAndV3UpdatedAtTogether() throws Exception {
        start(HarvestSimulator.builder().records("applications", 10));
        long id = sim.truth("applications").keySet().iterator().next();
        JsonNode v1Before = sim.truth("applications").get(id);

        sim.edit("applications", id);

        JsonNode v1 = sim.truth("applications").get(id);
        JsonNode v3 = sim.truth("applications", Dialect.V3).get(id);
        assertThat(v1.get("last_activity_at").asText()).isEqualTo(v3.get("updated_at").asText())
                .isEqualTo(v3.get("last_activity_at").asText())
                .isGreaterThan(v1Before.get("last_activity_at").asText());
        assertThat(v3.get("created_at").asText()).isEqualTo(v1.get("applied_at").asText());
        String token = http.accessToken();
        JsonNode served = http.v3("/v3/applications?ids=" + id, token).json();
        assertThat(served).hasSize(1);
        assertThat(served.get(0)).isEqualTo(v3);
    }

    @Test
    void demographicQuestionsAndDepartmentsHaveV3Shapes() throws Exception {
        start(HarvestSimulator.builder().records("demographic_questions", 12).records("departments", 9));
        String token = http.accessToken();

        Resp q = http.v3("/v3/demographic_questions?updated_at=" + enc("gte|2999-01-01T00:00:00Z"), token);
        Resp d = http.v3("/v3/departments", token);

        assertThat(q.json()).hasSize(12); // no time filters on this resource: the parameter is ignored
        assertThat(fieldNames(q.json().get(0))).containsExactly("id", "active", "answer_type",
                "demographic_question_set_id", "name", "required", "sort_order", "created_at", "updated_at");
        assertThat(fieldNames(d.json().get(0))).containsExactly("id", "name", "parent_id", "external_id", "created_at",
                "updated_at");
        JsonNode job = http.v3("/v3/jobs?per_page=1", token).json().get(0);
        assertThat(fieldNames(job)).contains("department_id", "office_ids", "custom_fields").doesNotContain("departments",
                "hiring_team", "openings", "keyed_custom_fields");
    }
}
