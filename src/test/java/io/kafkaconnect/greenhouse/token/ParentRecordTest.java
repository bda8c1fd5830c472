package io.kafkaconnect.greenhouse.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.kafkaconnect.greenhouse.api.JsonBody;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParentRecordTest {

    @Test
    void readsTheIdOfAParentAsTextAndItsFieldNames() throws IOException {
        List<ParentRecord> parents = read("""
                [{"title": "x", "id": "a1", "stages": [{"id": "s"}]},
                 {"id": 12}, {"id": 1.5}, {"id": true},
                 {"name": "n", "id": {"value": 1}}, {"name": "n"}, "text"]
                """);
        assertThat(parents).extracting(ParentRecord::id)
                .containsExactly("a1", "12", "1.5", "true", null, null, null);
        assertThat(parents.get(0).fields()).containsExactly("title", "id", "stages");
        assertThat(parents.get(4).fields()).containsExactly("name", "id");
        assertThat(parents.get(6).fields()).isEmpty();
    }

    /** Reads a JSON array record by record, as a page reader does: each record must end on its last token. */
    private static List<ParentRecord> read(String page) throws IOException {
        JsonBody body = JsonBody.of(new JsonFactory(), page.getBytes(StandardCharsets.UTF_8));
        List<ParentRecord> out = new ArrayList<>();
        try (JsonParser json = body.parser()) {
            for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
                out.add(ParentRecord.PARSER.parse(json, body));
            }
            assertThat(json.nextToken()).isNull();
        }
        return out;
    }
}
