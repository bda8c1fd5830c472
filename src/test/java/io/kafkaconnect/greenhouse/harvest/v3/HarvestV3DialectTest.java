package io.kafkaconnect.greenhouse.harvest.v3;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.dialect.Paging;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.SyncMode;
import io.kafkaconnect.greenhouse.dialect.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HarvestV3DialectTest {
    private static final HarvestV3Dialect DIALECT = new HarvestV3Dialect();
    private static final HttpUrl BASE = HttpUrl.get("https://harvest.greenhouse.io");
    private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2024-01-02T03:04:05.678Z");
    private static final Set<String> SENSITIVE = Set.of("eeoc", "demographic_answers", "demographic_question_sets",
            "demographic_questions", "demographic_answer_options");

    static Stream<String> resources() {
        return DIALECT.resources().stream().map(Resource::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void theFirstWindowHasOnlyAnUpperBoundAndAnUnboundedWindowNoFilter(String name) {
        Resource r = DIALECT.resource(name).orElseThrow();
        HttpUrl url = DIALECT.firstPage(BASE, r, new Window(null, TO), 100);
        assertThat(url.queryParameter("per_page")).isEqualTo("100");
        r.fixedParams().forEach((k, v) -> assertThat(url.queryParameter(k)).isEqualTo(v));
        if (r.mode() == SyncMode.INCREMENTAL) {
            assertThat(url.queryParameter("updated_at")).isEqualTo("lt|2024-01-02T03:04:05.678Z");
            assertThat(url.encodedQuery()).contains("updated_at=lt%7C2024-01-02T03%3A04%3A05.678Z");
        } else {
            assertThat(url.queryParameter("updated_at")).isNull();
        }
        HttpUrl probe = DIALECT.firstPage(BASE, r, Window.ALL, 1);
        assertThat(probe.queryParameter("updated_at")).isNull();
        assertThat(probe.queryParameter("per_page")).isEqualTo("1");
    }

    @Test
    void aBaseUrlWithAPortOrTrailingSlashKeepsItsOrigin() {
        Resource jobs = DIALECT.resource("jobs").orElseThrow();
        HttpUrl url = DIALECT.firstPage(HttpUrl.get("http://127.0.0.1:8089/"), jobs, new Window(FROM, FROM.plusSeconds(60)),
                50);
        assertThat(url.toString()).isEqualTo("http://127.0.0.1:8089/v3/jobs?per_page=50"
                + "&updated_at=gte%7C2024-01-01T00%3A00%3A00Z%7Clt%7C2024-01-01T00%3A01%3A00Z");
    }

    @Test
    void everyResourceWithATimeFilterIsIncrementalOnUpdatedAtAndTheRestAreSnapshots() {
        for (Resource r : DIALECT.resources()) {
            assertThat(r.paging()).as(r.name()).isEqualTo(Paging.NEXT_ONLY);
            assertThat(r.keyField()).as(r.name()).isEqualTo("id");
            if (r.name().equals("demographic_questions") || r.name().equals("demographic_answer_options")) {
                assertThat(r.mode()).as(r.name()).isEqualTo(SyncMode.SNAPSHOT);
                assertThat(r.cursorField()).isNull();
            } else {
                assertThat(r.mode()).as(r.name()).isEqualTo(SyncMode.INCREMENTAL);
                assertThat(List.of(r.cursorField(), r.lowerParam(), r.upperParam())).as(r.name())
                        .containsOnly("updated_at");
            }
        }
        assertThat(DIALECT.resource("eeoc").orElseThrow().cursorField()).as("the reference's recommendation")
                .isEqualTo("updated_at");
        assertThat(DIALECT.resource("applications").orElseThrow().mode()).isEqualTo(SyncMode.INCREMENTAL);
    }

    @Test
    void sensitiveResourcesAreOptIn() {
        assertThat(DIALECT.defaultResources()).extracting(Resource::name).doesNotContainAnyElementsOf(SENSITIVE);
        assertThat(DIALECT.defaultResources()).hasSize(DIALECT.resources().size() - SENSITIVE.size());
        for (String name : SENSITIVE) {
            assertThat(DIALECT.resource(name)).as(name).isPresent();
            assertThat(DIALECT.resource(name).orElseThrow().notes()).contains("opt-in");
        }
    }

    @Test
    void everyRecordHasItsCreationAndChangeTimesAndJobPostsReadsActiveAndInactivePosts() {
        for (Resource r : DIALECT.resources()) {
            assertThat(r.schema().fields()).as(r.name()).containsKeys("created_at", "updated_at");
        }
        Resource posts = DIALECT.resource("job_posts").orElseThrow();
        assertThat(posts.lists()).extracting(r -> r.fixedParams().get("active")).containsExactly("true", "false");
        assertThat(posts.lists()).extracting(Resource::name).containsOnly("job_posts");
        assertThat(DIALECT.resource("inactive_job_posts")).as("retired").isEmpty();
        assertThat(DIALECT.retiredResources().get("inactive_job_posts")).contains("job_posts", "active=false");
    }

    @Test
    void theRateLimitWindowIsThirtySecondsAndOmittedEndpointsAreNotResources() {
        assertThat(DIALECT.rateLimitWindow()).isEqualTo(Duration.ofSeconds(30));
        assertThat(DIALECT.omittedEndpoints()).hasSize(2);
        for (var omitted : DIALECT.omittedEndpoints()) {
            String path = omitted.endpoint().substring("GET /v3/".length());
            assertThat(DIALECT.resources()).extracting(Resource::path).doesNotContain(path);
        }
        assertThat(DIALECT.resources().stream().map(Resource::path).distinct().count()
                + DIALECT.omittedEndpoints().size()).as("all 70 v3 list endpoints are accounted for").isEqualTo(70);
    }
}
