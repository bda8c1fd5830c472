package io.kafkaconnect.greenhouse.dialect.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.greenhouse.dialect.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Hand-written example objects of each v3 resource, from {@code src/test/resources/v3-examples/<resource>.json}. */
final class V3Examples {
    private static final ObjectMapper JSON = new ObjectMapper();

    private V3Examples() {
    }

    static Stream<Resource> resources() {
        return new HarvestV3Dialect().resources().stream();
    }

    static List<JsonNode> of(String resource) {
        String path = "/v3-examples/" + resource + ".json";
        try (InputStream in = V3Examples.class.getResourceAsStream(path)) {
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
