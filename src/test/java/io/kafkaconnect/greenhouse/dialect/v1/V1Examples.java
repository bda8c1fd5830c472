package io.kafkaconnect.greenhouse.dialect.v1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.greenhouse.dialect.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The v1 docs' example objects of each resource, from {@code src/test/resources/v1-examples/<resource>.json}. */
final class V1Examples {
    private static final ObjectMapper JSON = new ObjectMapper();

    private V1Examples() {
    }

    static Stream<Resource> resources() {
        return new HarvestV1Dialect().resources().stream();
    }

    static List<JsonNode> of(String resource) {
        String path = "/v1-examples/" + resource + ".json";
        try (InputStream in = V1Examples.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no examples at " + path);
            }
            List<JsonNode> records = new ArrayList<>();
            JSON.readTree(in).forEach(records::add);
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
