package io.kafkaconnect.greenhouse.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.kafkaconnect.greenhouse.api.JsonBody;
import io.kafkaconnect.greenhouse.api.RecordParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdReaderTest {

    @Test
    void readsNumberIdsAndSkipsEverythingElse() throws IOException {
        assertThat(ids(IdSet.Kind.NUMBER, """
                [{"name": {"id": 9}, "id": 1, "tags": [{"id": 8}]},
                 {"id": 2.0}, {"id": "3"}, {"id": 99999999999999999999}, {"id": null}, {"other": 4},
                 [5], 6, {"id": {"id": 7}}, {"id": 10, "id": 11}]
                """)).containsExactly(1L, 2L, null, null, null, null, null, null, null, 11L);
    }

    @Test
    void readsStringIds() throws IOException {
        assertThat(ids(IdSet.Kind.STRING, """
                [{"id": "0b5e0a4e-3bd7-4a1a-9b55-3c8f7c4f6f0a", "nested": {"id": "x"}}, {"id": 5}, {"id": ""},
                 {"id": ["a"]}, "a"]
                """)).containsExactly("0b5e0a4e-3bd7-4a1a-9b55-3c8f7c4f6f0a", null, "", null, null);
    }

    @Test
    void readsTheKeyFieldItIsGiven() throws IOException {
        List<Object> ids = new ArrayList<>();
        read("[{\"id\": 1, \"application_id\": 2}]", IdReader.of(IdSet.Kind.NUMBER, "application_id"), ids);
        assertThat(ids).containsExactly(2L);
    }

    private static List<Object> ids(IdSet.Kind kind, String page) throws IOException {
        List<Object> ids = new ArrayList<>();
        read(page, IdReader.of(kind, "id"), ids);
        return ids;
    }

    /** Reads a JSON array record by record, as a page reader does: each record must end on its last token. */
    private static void read(String page, RecordParser<Object> parser, List<Object> out) throws IOException {
        JsonBody body = JsonBody.of(new JsonFactory(), page.getBytes(StandardCharsets.UTF_8));
        try (JsonParser json = body.parser()) {
            for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
                out.add(parser.parse(json, body));
            }
            assertThat(json.nextToken()).isNull();
        }
    }
}
