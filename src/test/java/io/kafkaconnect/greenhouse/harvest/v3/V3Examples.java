package io.kafkaconnect.greenhouse.harvest.v3;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.greenhouse.dialect.ExampleRecords;
import io.kafkaconnect.greenhouse.dialect.Resource;
import java.util.List;
import java.util.stream.Stream;

/** Hand-written example objects of each v3 resource, from {@code src/test/resources/v3-examples/<resource>.json}. */
final class V3Examples {
    private V3Examples() {
    }

    static Stream<Resource> resources() {
        return new HarvestV3Dialect().resources().stream();
    }

    static List<JsonNode> of(String resource) {
        return ExampleRecords.of("v3", resource);
    }
}
