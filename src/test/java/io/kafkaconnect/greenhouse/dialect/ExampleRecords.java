package io.kafkaconnect.greenhouse.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Example objects of each resource, from {@code src/test/resources/<api>-examples/<resource>.json}. */
public final class ExampleRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExampleRecords() {
    }

    public static List<JsonNode> of(String api, String resource) {
        String path = "/" + api + "-examples/" + resource + ".json";
        try (InputStream in = ExampleRecords.class.getResourceAsStream(path)) {
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
