package io.kafkaconnect.greenhouse.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.greenhouse.simulator.SimHttp.Resp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import okhttp3.Credentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HarvestSimulatorV1Test extends SimulatorFixture {

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void classicPagingWalksEveryRecordOnceWithNextPrevLast() throws Exception {
        start(HarvestSimulator.builder().seed(7).records("candidates", 237));

        List<Resp> pages = http.walkV1("/v1/candidates?per_page=50");

        assertThat(pages).hasSize(5);
        List<Long> ids = SimHttp.ids(pages);
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(ids)).isEqualTo(new TreeSet<>(sim.truth("candidates").keySet()));
        Map<String, String> first = pages.get(0).links();
        assertThat(first).containsOnlyKeys("next", "last");
        assertThat(first.get("next")).startsWith(sim.baseUrl() + "/v1/candidates?").contains("page=2").contains("per_page=50");
        assertThat(first.get("last")).contains("page=5");
        assertThat(pages.get(2).links()).containsOnlyKeys("next", "prev", "last");
        assertThat(pages.get(2).links().get("prev")).contains("page=2");
        Map<String, String> last = pages.get(4).links();
        assertThat(last).containsOnlyKeys("prev", "last");
        assertThat(SimHttp.ids(pages.get(4))).hasSize(37);
    }

    @Test
    void byDefaultListsComeByChangeTimeAndAnEditedRecordMovesToTheEnd() throws Exception {
        start(HarvestSimulator.builder().seed(7).records("candidates", 60));
        List<Long> before = SimHttp.ids(http.walkV1("/v1/candidates?per_page=25"));
        List<Instant> changes = sim.truth("candidates").entrySet().stream()
                .sorted(Comparator.comparing(e -> before.indexOf(e.getKey())))
                .map(e -> Instant.parse(e.getValue().get("updated_at").asText())).toList();
        assertThat(changes).as("change times in list order").isSorted();
        assertThat(before).as("not by id").isNotEqualTo(before.stream().sorted().toList());

        long edited = before.get(3);
        sim.edit("candidates", edited);
        List<Long> after = SimHttp.ids(http.walkV1("/v1/candidates?per_page=25"));
        List<Long> expected = new ArrayList<>(before);
        expected.remove(Long.valueOf(edited));
        expected.add(edited);
        assertThat(after).isEqualTo(expected);
    }

    @Test
    void byIdTheyComeInAscendingIds() throws Exception {
        start(HarvestSimulator.builder().seed(7).records("candidates", 60).listOrder(ListOrder.ID));
        List<Long> ids = SimHttp.ids(http.walkV1("/v1/candidates?per_page=25"));
        assertThat(ids).hasSize(60).isSorted();
    }

    @Test
    void byDescendingIdTheNewestComeFirst() throws Exception {
        start(HarvestSimulator.builder().seed(7).records("candidates", 60).listOrder(ListOrder.ID_DESCENDING));
        List<Long> ids = SimHttp.ids(http.walkV1("/v1/candidates?per_page=25"));
        assertThat(ids).hasSize(60).isSortedAccordingTo(Comparator.reverseOrder());
    }

    /**
     * The two lists whose docs state an order come in it, whatever the list order: offers "ordered by application_id",
     * scorecards "ordered by candidate"; the list order breaks ties (the docs do not). An edited record keeps its place
     * among the other keys' records and moves only as the tie-break says.
     */
    @ParameterizedTest
    @EnumSource(ListOrder.class)
    void offersComeByApplicationAndScorecardsByCandidateWithTiesInTheListOrder(ListOrder order) throws Exception {
        // fewer applications and candidates than offers and scorecards: keys shared by several records
        start(HarvestSimulator.builder().seed(7).records("applications", 12).records("candidates", 6)
                .records("offers", 60).records("scorecards", 60).listOrder(order));
        for (String[] list : new String[][] {{"offers", "application_id"}, {"scorecards", "candidate_id"}}) {
            String resource = list[0];
            String key = list[1];
            Comparator<JsonNode> documented = Comparator.<JsonNode>comparingLong(n -> n.get(key).asLong())
                    .thenComparing(tieBreak(order));
            List<JsonNode> before = listed(resource);
            assertThat(before).as("%s by %s, then %s", resource, key, order).hasSize(60)
                    .isSortedAccordingTo(documented);
            assertThat(before).as("%s: not in the list order alone", resource).isNotEqualTo(sorted(before, tieBreak(order)));

            JsonNode first = before.get(0); // the first of its key's records, which are several
            assertThat(before.get(1).get(key)).as("%s: a key shared by several records", resource).isEqualTo(first.get(key));
            sim.edit(resource, first.get("id").asLong());
            List<JsonNode> after = listed(resource);
            assertThat(after).as("%s after an edit", resource).isSortedAccordingTo(documented);
            assertThat(after.stream().map(n -> n.get(key)).toList()).as("%s: the keys in list order, as before", resource)
                    .isEqualTo(before.stream().map(n -> n.get(key)).toList());
        }
    }

    /** How {@code order} ranks two records of a v1 list, as they show. */
    private static Comparator<JsonNode> tieBreak(ListOrder order) {
        Comparator<JsonNode> byId = Comparator.comparingLong(n -> n.get("id").asLong());
        switch (order) {
            case ID: return byId;
            case ID_DESCENDING: return byId.reversed();
            default: return Comparator.<JsonNode, Instant>comparing(n -> Instant.parse(n.get("updated_at").asText()))
                    .thenComparing(byId);
        }
    }

    private List<JsonNode> listed(String resource) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        http.walkV1("/v1/" + resource + "?per_page=25").forEach(page -> page.json().forEach(rows::add));
        return rows;
    }

    private static List<JsonNode> sorted(List<JsonNode> rows, Comparator<JsonNode> order) {
        return rows.stream().sorted(order).toList();
    }

    @Test
    void linksKeepTheCallersParametersAndSkipCountDropsLast() throws Exception {
        start(HarvestSimulator.builder().records("jobs", 30));
        String after = "2000-01-01T00:00:00Z";

        Resp r = http.v1("/v1/jobs?per_page=10&updated_after=" + enc(after) + "&skip_count=true");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.links()).containsOnlyKeys("next");
        String next = r.links().get("next");
        assertThat(next).contains("skip_count=true").contains("updated_after=").contains("per_page=10").contains("page=2");
        assertThat(http.v1Url(next).links()).containsOnlyKeys("next", "prev");
    }

    @Test
    void singlePageStillCarriesLastButNoNext() throws Exception {
        start(HarvestSimulator.builder().records("departments", 12));

        Resp r = http.v1("/v1/departments");

        assertThat(r.json()).hasSize(12);
        assertThat(r.links()).containsOnlyKeys("last");
        assertThat(r.links().get("last")).contains("page=1");
    }

    @Test
    void perPageOutsideOneToFiveHundredIs422WithValidationBody() throws Exception {
        start(HarvestSimulator.builder().records("candidates", 3));

        for (String bad : List.of("0", "501", "abc")) {
            Resp r = http.v1("/v1/candidates?per_page=" + bad);
            assertThat(r.status()).as("per_page=%s", bad).isEqualTo(422);
            assertThat(r.json().get("message").asText()).isEqualTo("Validation error");
            assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("per_page");
            assertThat(r.json().get("errors").get(0).get("message").asText()).isNotBlank();
        }
        assertThat(http.v1("/v1/candidates?per_page=500").status()).isEqualTo(200);
    }

    @Test
    void updatedAfterIsInclusiveAndUpdatedBeforeExclusive() throws Exception {
        start(HarvestSimulator.builder().seed(11).records("candidates", 400));
        Map<Long, JsonNode> truth = sim.truth("candidates");
        // a timestamp shared by several records, so both boundaries are exercised
        Map<String, Long> counts = truth.values().stream()
                .collect(Collectors.groupingBy(n -> n.get("updated_at").asText(), Collectors.counting()));
        List<String> sharedValues = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .sorted().toList();
        String shared = sharedValues.get(sharedValues.size() / 2);
        Instant t = Instant.parse(shared);
        Set<Long> atOrAfter = truth.entrySet().stream()
                .filter(e -> !Instant.parse(e.getValue().get("updated_at").asText()).isBefore(t))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        Set<Long> before = truth.entrySet().stream()
                .filter(e -> Instant.parse(e.getValue().get("updated_at").asText()).isBefore(t))
                .map(Map.Entry::getKey).collect(Collectors.toSet());

        Set<Long> gotAfter = new HashSet<>(SimHttp.ids(http.walkV1("/v1/candidates?per_page=100&updated_after=" + enc(shared))));
        Set<Long> gotBefore = new HashSet<>(SimHttp.ids(http.walkV1("/v1/candidates?per_page=100&updated_before=" + enc(shared))));

        assertThat(gotAfter).isEqualTo(atOrAfter).isNotEmpty();
        assertThat(gotBefore).isEqualTo(before).isNotEmpty();
        assertThat(counts.get(shared)).isGreaterThan(1);
        assertThat(gotAfter).containsAll(truth.entrySet().stream()
                .filter(e -> e.getValue().get("updated_at").asText().equals(shared)).map(Map.Entry::getKey).toList());

        // created_* filter on created_at the same way
        Instant mid = Instant.parse(truth.values().stream().map(n -> n.get("created_at").asText()).sorted()
                .skip(200).findFirst().orElseThrow());
        Set<Long> createdAfter = new HashSet<>(SimHttp.ids(http.walkV1("/v1/candidates?per_page=500&created_after="
                + enc(mid.toString()))));
        assertThat(createdAfter).isEqualTo(truth.entrySet().stream()
                .filter(e -> !Instant.parse(e.getValue().get("created_at").asText()).isBefore(mid))
                .map(Map.Entry::getKey).collect(Collectors.toSet()));
        assertThat(http.v1("/v1/candidates?updated_after=yesterday").status()).isEqualTo(422);
    }

    @Test
    void applicationsFilterOnLastActivityAndAppliedAtAndIgnoreUpdatedFilters() throws Exception {
        start(HarvestSimulator.builder().seed(5).records("applications", 300));
        Map<Long, JsonNode> truth = sim.truth("applications");
        String t = truth.values().stream().map(n -> n.get("last_activity_at").asText()).sorted().skip(150)
                .findFirst().orElseThrow();
        Instant ti = Instant.parse(t);

        Set<Long> got = new HashSet<>(SimHttp.ids(http.walkV1("/v1/applications?per_page=500&last_activity_after=" + enc(t))));
        assertThat(got).isEqualTo(truth.entrySet().stream()
                .filter(e -> !Instant.parse(e.getValue().get("last_activity_at").asText()).isBefore(ti))
                .map(Map.Entry::getKey).collect(Collectors.toSet()));
        assertThat(got.size()).isBetween(100, 151);

        Set<Long> appliedAfter = new HashSet<>(SimHttp.ids(http.walkV1("/v1/applications?per_page=500&created_after=" + enc(t))));
        assertThat(appliedAfter).isEqualTo(truth.entrySet().stream()
                .filter(e -> !Instant.parse(e.getValue().get("applied_at").asText()).isBefore(ti))
                .map(Map.Entry::getKey).collect(Collectors.toSet()));

        // applications have no updated_* and no last_activity_before: ignored, so everything comes back
        assertThat(SimHttp.ids(http.walkV1("/v1/applications?per_page=500&updated_after=" + enc(t)
                + "&last_activity_before=" + enc(t)))).hasSize(300);
        assertThat(truth.values().iterator().next().has("updated_at")).isFalse();
    }

    @Test
    void pageNumberPagingShiftsWhenARecordLeavesTheWindowSoANaiveWalkMissesOne() throws Exception {
        start(HarvestSimulator.builder().seed(3).records("candidates", 50));
        Instant windowEnd = sim.now(); // all seeded records are older; edits land at or after this
        String query = "/v1/candidates?per_page=10&updated_before=" + enc(windowEnd.toString());

        long original11th = SimHttp.ids(http.walkV1(query)).get(10);
        Resp page1 = http.v1(query);
        List<Long> seen = new ArrayList<>(SimHttp.ids(page1));
        Thread.sleep(2);
        sim.edit("candidates", seen.get(3)); // its updated_at moves past updated_before: it leaves the filtered set
        Resp r = http.v1Url(page1.links().get("next"));
        seen.addAll(SimHttp.ids(r));
        while (r.links().containsKey("next")) {
            r = http.v1Url(r.links().get("next"));
            seen.addAll(SimHttp.ids(r));
        }

        assertThat(seen).hasSize(49).doesNotContain(original11th);
        assertThat(sim.truth("candidates")).containsKey(original11th).hasSize(50);
        assertThat(Instant.parse(sim.truth("candidates").get(original11th).get("updated_at").asText())).isBefore(windowEnd);
    }

    @Test
    void userRolesUseNextOnlyPaging() throws Exception {
        start(HarvestSimulator.builder().records("user_roles", 23));

        List<Resp> pages = http.walkV1("/v1/user_roles?per_page=5");

        assertThat(pages).hasSize(5);
        for (int i = 0; i < pages.size() - 1; i++) {
            assertThat(pages.get(i).links()).containsOnlyKeys("next");
        }
        assertThat(pages.get(4).header("Link")).isNull();
        List<Long> ids = SimHttp.ids(pages);
        assertThat(ids).doesNotHaveDuplicates().hasSize(23);
        assertThat(new TreeSet<>(ids)).isEqualTo(new TreeSet<>(sim.truth("user_roles").keySet()));
        JsonNode role = pages.get(0).json().get(0);
        assertThat(fieldNames(role)).containsExactly("id", "type", "name");
        assertThat(role.get("type").asText()).isIn("interviewer", "job_admin");
        assertThat(http.walkV1("/v1/demographics/questions?per_page=10")).hasSize(3);
    }

    @Test
    void authIsBasicWithTheApiKeyAndGetWithABodyIsForbidden() throws Exception {
        start(HarvestSimulator.builder().apiKey("k1").records("jobs", 3));

        Resp none = http.get(sim.baseUrl() + "/v1/jobs", null);
        Resp wrong = http.get(sim.baseUrl() + "/v1/jobs", Credentials.basic("nope", ""));
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("message").asText()).isEqualTo("Invalid Basic Auth credentials");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(http.get(sim.baseUrl() + "/v1/jobs", Credentials.basic("k1", "")).status()).isEqualTo(200);
        assertThat(http.v1("/v1/nothing_here").status()).isEqualTo(404);

        HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> withBody = jdk.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v1/jobs"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("k1:".getBytes(StandardCharsets.UTF_8)))
                .method("GET", HttpRequest.BodyPublishers.ofString("{\"x\":1}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withBody.statusCode()).isEqualTo(403);
    }

    @Test
    void singleRecordEndpointsReturnTheObjectOr404() throws Exception {
        start(HarvestSimulator.builder().records("candidates", 5));
        long id = sim.truth("candidates").keySet().iterator().next();

        Resp r = http.v1("/v1/candidates/" + id);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).isEqualTo(sim.truth("candidates").get(id));
        assertThat(http.v1("/v1/candidates/1").status()).isEqualTo(404);
    }

    @Test
    void objectsHaveTheDocumentedShapes() throws Exception {
        start(HarvestSimulator.builder().seed(99).records("candidates", 300).records("applications", 400));
        String tsPattern = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

        JsonNode candidate = http.v1("/v1/candidates?per_page=1").json().get(0);
        assertThat(fieldNames(candidate)).containsExactly("id", "first_name", "last_name", "company", "title",
                "created_at", "updated_at", "last_activity", "is_private", "photo_url", "attachments", "application_ids",
                "phone_numbers", "addresses", "email_addresses", "website_addresses", "social_media_addresses",
                "recruiter", "coordinator", "can_email", "tags", "applications", "educations", "employments",
                "linked_user_ids", "custom_fields", "keyed_custom_fields");
        assertThat(candidate.get("created_at").asText()).matches(tsPattern);
        assertThat(candidate.get("updated_at").asText()).matches(tsPattern);

        JsonNode application = http.v1("/v1/applications?per_page=1").json().get(0);
        assertThat(fieldNames(application)).containsExactly("id", "candidate_id", "prospect", "applied_at",
                "rejected_at", "last_activity_at", "location", "source", "credited_to", "recruiter", "coordinator",
                "rejection_reason", "rejection_details", "jobs", "job_post_id", "status", "current_stage", "answers",
                "prospective_office", "prospective_department", "prospect_detail", "custom_fields",
                "keyed_custom_fields", "attachments");
        assertThat(fieldNames(application.get("source"))).containsExactly("id", "public_name");

        JsonNode job = http.v1("/v1/jobs?per_page=1").json().get(0);
        assertThat(fieldNames(job)).containsExactly("id", "name", "requisition_id", "notes", "confidential", "status",
                "created_at", "opened_at", "closed_at", "updated_at", "is_template", "copied_from_id", "departments",
                "offices", "custom_fields", "keyed_custom_fields", "hiring_team", "openings");
        assertThat(fieldNames(job.get("hiring_team"))).containsExactly("hiring_managers", "recruiters", "coordinators",
                "sourcers");
        assertThat(job.get("hiring_team").get("recruiters").get(0).has("responsible")).isTrue();

        JsonNode department = http.v1("/v1/departments?per_page=1").json().get(0);
        assertThat(fieldNames(department)).containsExactly("id", "name", "parent_id", "parent_department_external_id",
                "child_ids", "child_department_external_ids", "external_id");

        // across the data set, candidate custom fields take every polymorphic form
        Set<String> kinds = new HashSet<>();
        boolean nullRecruiter = false;
        boolean someRecruiter = false;
        boolean rejected = false;
        for (JsonNode c : sim.truth("candidates").values()) {
            c.get("custom_fields").forEach(v -> kinds.add(v.isObject() && v.has("currency") ? "currency"
                    : v.isObject() && v.has("user_id") ? "user" : v.getNodeType().name()));
            nullRecruiter |= c.get("recruiter").isNull();
            someRecruiter |= c.get("recruiter").isObject();
            assertThat(c.get("keyed_custom_fields").size()).isEqualTo(c.get("custom_fields").size());
            assertThat(c.get("application_ids").size()).isEqualTo(c.get("applications").size());
        }
        for (JsonNode a : sim.truth("applications").values()) {
            rejected |= a.get("rejection_reason").isObject() && !a.get("rejected_at").isNull();
        }
        assertThat(kinds).contains("STRING", "BOOLEAN", "ARRAY", "currency", "user", "NULL");
        assertThat(nullRecruiter).isTrue();
        assertThat(someRecruiter).isTrue();
        assertThat(rejected).isTrue();
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
