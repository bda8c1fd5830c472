package io.kafkaconnect.greenhouse.sync;

import static io.kafkaconnect.greenhouse.schema.Types.INT64;
import static io.kafkaconnect.greenhouse.schema.Types.STRING;
import static io.kafkaconnect.greenhouse.schema.Types.TIMESTAMP;
import static io.kafkaconnect.greenhouse.schema.Types.field;
import static io.kafkaconnect.greenhouse.schema.Types.struct;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.kafkaconnect.greenhouse.api.JsonBody;
import io.kafkaconnect.greenhouse.api.RecordParser;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.schema.UnknownFieldLog;
import io.kafkaconnect.greenhouse.util.ContentHash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class SourceRecordFactoryTest {
    private static final Resource THINGS = Resource.incremental("things", "things", "updated_at", "updated_after",
            "updated_before", "test.Thing", struct(field("id", INT64), field("name", STRING),
                    field("updated_at", TIMESTAMP)));
    private static final String FIRST = "{\"id\":1,\"name\":\"a\",\"updated_at\":\"2024-01-02T00:00:00Z\"}";
    private static final String SECOND = "{\"id\":2,\"name\":\"b\",\"updated_at\":\"2024-01-03T00:00:00Z\"}";
    private static final String WRONG = "{\"id\":3,\"name\":[\"not a string\"]}";

    private final SourceRecordFactory records = new SourceRecordFactory(THINGS, "t",
            SourcePartition.of("v1", HttpUrl.get("https://harvest.greenhouse.io/"), "things"), new UnknownFieldLog());

    @Test
    void recordsReadWithoutDigestsAreTheSameButForTheDigest() throws Exception {
        byte[] page = ("[" + FIRST + ", " + SECOND + "," + WRONG + "]").getBytes(StandardCharsets.UTF_8);
        List<ParsedRecord> digested = read(page, records.parser());
        List<ParsedRecord> undigested = read(page, records.parser(false));

        assertThat(digested).extracting(ParsedRecord::digest).containsExactly(
                digest(page, FIRST), digest(page, SECOND), digest(page, WRONG));
        assertThat(undigested).extracting(ParsedRecord::digest).containsOnly(0L);
        for (int i = 0; i < digested.size(); i++) {
            ParsedRecord with = digested.get(i);
            ParsedRecord without = undigested.get(i);
            assertThat(without.id()).isEqualTo(with.id());
            assertThat(without.changedAt()).isEqualTo(with.changedAt());
            assertThat(without.value()).isEqualTo(with.value());
            assertThat(without.error() == null ? null : without.error().getMessage())
                    .isEqualTo(with.error() == null ? null : with.error().getMessage());
        }
        assertThat(undigested.get(2).error()).isNotNull();
        assertThat(undigested.get(2).id()).isEqualTo(3L);
    }

    private static long digest(byte[] page, String record) {
        int from = new String(page, StandardCharsets.UTF_8).indexOf(record);
        return ContentHash.of(page, from, from + record.length());
    }

    private static List<ParsedRecord> read(byte[] page, RecordParser<ParsedRecord> parser) throws Exception {
        JsonBody body = JsonBody.of(new JsonFactory(), page);
        List<ParsedRecord> out = new ArrayList<>();
        try (JsonParser json = body.parser()) {
            for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
                out.add(parser.parse(json, body));
            }
        }
        return out;
    }
}
