package io.kafkaconnect.greenhouse.harvest.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.SyncMode;
import io.kafkaconnect.greenhouse.dialect.Window;
import java.time.Instant;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HarvestV1DialectTest {
    private static final HarvestV1Dialect DIALECT = new HarvestV1Dialect();
    private static final HttpUrl BASE = HttpUrl.get("https://harvest.greenhouse.io");
    private static final Instant TO = Instant.parse("2024-01-02T03:04:05.678Z");

    static Stream<String> resources() {
        return DIALECT.resources().stream().map(Resource::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void theFirstWindowHasNoLowerBound(String name) {
        Resource r = DIALECT.resource(name).orElseThrow();
        HttpUrl url = DIALECT.firstPage(BASE, r, new Window(null, TO), 100);

        assertThat(url.queryParameter("per_page")).isEqualTo("100");
        if (r.lowerParam() != null) {
            assertThat(url.queryParameter(r.lowerParam())).isNull();
        }
        if (r.mode() == SyncMode.INCREMENTAL) {
            assertThat(url.queryParameter(r.upperParam())).isEqualTo("2024-01-02T03:04:05.678Z");
        }
        r.fixedParams().forEach((k, v) -> assertThat(url.queryParameter(k)).isEqualTo(v));
    }

    @Test
    void syncModesFollowTheFiltersEachEndpointHas() {
        for (Resource r : DIALECT.resources()) {
            switch (r.mode()) {
                case INCREMENTAL -> assertThat(r.upperParam()).as(r.name()).isNotNull().endsWith("_before");
                case INCREMENTAL_LOWER_BOUND_ONLY -> assertThat(r.upperParam()).as(r.name()).isNull();
                case SNAPSHOT -> assertThat(r.cursorField()).as(r.name()).isNull();
            }
            if (r.mode() != SyncMode.SNAPSHOT) {
                assertThat(r.lowerParam()).as(r.name()).endsWith("_after");
                assertThat(r.cursorField()).as(r.name()).endsWith("_at");
            }
        }
        assertThat(DIALECT.resource("eeoc").orElseThrow())
                .extracting(Resource::keyField, Resource::cursorField, Resource::lowerParam, Resource::upperParam)
                .containsExactly("application_id", "submitted_at", "submitted_after", "submitted_before");
    }
}
