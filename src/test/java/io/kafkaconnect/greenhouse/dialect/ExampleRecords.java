package io.kafkaconnect.greenhouse.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.data.Schema;

/** Example objects of each resource, from {@code src/test/resources/<api>-examples/<resource>.json}. */
public final class ExampleRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExampleRecords() {
    }

    /**
     * Whether {@code schema} is a value of any shape (Ashby's custom field values, feedback answers): typed copies
     * where they are exact, plus the exact JSON; it takes any JSON.
     */
    public static boolean isAnyValue(Schema schema) {
        return schema.type() == Schema.Type.STRUCT && schema.field("json") != null && schema.field("type") != null;
    }

    /** Where the examples of {@code api} are kept in the source tree (tests run in the project directory). */
    public static Path directory(String api) {
        return Path.of("src/test/resources", api + "-examples");
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
