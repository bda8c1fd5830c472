package io.kafkaconnect.greenhouse.harvest.v3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.greenhouse.dialect.ExampleRecords;
import io.kafkaconnect.greenhouse.dialect.Resource;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The v3 examples are written by hand from the reference: the first of each resource shows every field. What every
 * dialect's examples must pass is in {@code dialect.ResourceExamplesTest}.
 */
class V3ExamplesTest {

    private static final HarvestV3Dialect DIALECT = new HarvestV3Dialect();

    static Stream<String> resources() {
        return DIALECT.resources().stream().map(Resource::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void theFirstExampleHasEveryDeclaredField(String name) {
        Resource r = DIALECT.resource(name).orElseThrow();
        JsonNode first = ExampleRecords.of("v3", name).get(0);
        assertThat(r.schema().fields().keySet()).as("fields of %s missing from its first example", r.name())
                .allSatisfy(f -> assertThat(first.has(f)).as(f).isTrue());
    }
}
