package io.kafkaconnect.greenhouse.schema;

import static io.kafkaconnect.greenhouse.schema.Types.INT64;
import static io.kafkaconnect.greenhouse.schema.Types.STRING;
import static io.kafkaconnect.greenhouse.schema.Types.TIMESTAMP;
import static io.kafkaconnect.greenhouse.schema.Types.field;
import static io.kafkaconnect.greenhouse.schema.Types.struct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldsReaderTest {
    private static final StructSpec PERSON = struct(field("id", INT64), field("name", STRING),
            field("updated_at", TIMESTAMP), field("manager", struct(field("id", INT64))));
    private final FieldsReader reader = new FieldsReader("people", PERSON, List.of("id", "updated_at"));

    @Test
    void readsTheNamedFieldsWithTheirDeclaredTypesAndSkipsTheRest() throws IOException {
        List<Object[]> records = read("""
                [{"manager": {"id": 1}, "name": {"x": [1]}, "id": 7, "updated_at": "2016-02-03T16:38:46.985Z",
                  "other": [{"id": 2}]},
                 {"id": "seven", "updated_at": "yesterday"}, {"id": null, "updated_at": [1]}, {"name": "n"}, [3]]
                """);
        assertThat(records).hasSize(5);
        assertThat(records.get(0)).containsExactly(7L, Date.from(Instant.parse("2016-02-03T16:38:46.985Z")));
        for (Object[] values : records.subList(1, 5)) {
            assertThat(values).containsExactly(null, null);
        }
    }

    @Test
    void refusesAFieldTheSchemaDoesNotDeclare() {
        assertThatThrownBy(() -> new FieldsReader("people", PERSON, List.of("id", "created_at")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("created_at");
    }

    /** Reads a JSON array record by record, as a page reader does: each record must end on its last token. */
    private List<Object[]> read(String page) throws IOException {
        List<Object[]> out = new ArrayList<>();
        try (JsonParser json = new JsonFactory().createParser(page)) {
            json.nextToken();
            for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
                out.add(reader.read(json));
            }
            assertThat(json.nextToken()).isNull();
        }
        return out;
    }
}
