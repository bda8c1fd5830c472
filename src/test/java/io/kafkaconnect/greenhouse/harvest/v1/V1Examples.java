package io.kafkaconnect.greenhouse.harvest.v1;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.greenhouse.dialect.ExampleRecords;
import io.kafkaconnect.greenhouse.dialect.Resource;
import java.util.List;
import java.util.stream.Stream;

/** The v1 docs' example objects of each resource, from {@code src/test/resources/v1-examples/<resource>.json}. */
final class V1Examples {
    private V1Examples() {
    }

    static Stream<Resource> resources() {
        return new HarvestV1Dialect().resources().stream();
    }

    static List<JsonNode> of(String resource) {
        return ExampleRecords.of("v1", resource);
    }
}
