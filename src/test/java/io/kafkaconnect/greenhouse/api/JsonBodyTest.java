package io.kafkaconnect.greenhouse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.greenhouse.util.ContentHash;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A body read in chunks parses and digests as the same bytes in one array do. */
class JsonBodyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A page of records of varying size, about three chunks long, with non-ASCII text. */
    private static byte[] page() {
        Random random = new Random(7);
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; sb.length() < 3 * JsonBody.CHUNK + 1000; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"name\":\"é ").append(i)
                    .append("\",\"text\":\"").append("x".repeat(random.nextInt(3000))).append("\"}");
        }
        return sb.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Each record's start and end byte offset and its tree, as the page's parser reads them. */
    private static List<Object> records(JsonBody body, List<long[]> ranges) throws IOException {
        List<Object> records = new ArrayList<>();
        try (JsonParser parser = body.parser()) {
            assertThat(parser.currentToken()).isEqualTo(JsonToken.START_ARRAY);
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                long start = parser.currentTokenLocation().getByteOffset();
                records.add(JSON.readTree(parser));
                ranges.add(new long[] {start, parser.currentLocation().getByteOffset()});
            }
        }
        return records;
    }

    @Test
    void chunksParseAndDigestAsOneArray() throws Exception {
        byte[] bytes = page();
        JsonBody whole = JsonBody.of(JSON.getFactory(), bytes);
        for (long length : new long[] {bytes.length, -1}) {
            JsonBody chunked = JsonBody.read(JSON.getFactory(), new ByteArrayInputStream(bytes), length);
            List<long[]> wholeRanges = new ArrayList<>();
            List<long[]> chunkedRanges = new ArrayList<>();
            assertThat(records(chunked, chunkedRanges)).isEqualTo(records(whole, wholeRanges));
            assertThat(chunkedRanges).hasSameSizeAs(wholeRanges).hasSizeGreaterThan(100);
            int across = 0;
            for (int i = 0; i < wholeRanges.size(); i++) {
                int from = (int) wholeRanges.get(i)[0];
                int to = (int) wholeRanges.get(i)[1];
                assertThat(chunkedRanges.get(i)).containsExactly(from, to);
                assertThat(chunked.digest(from, to)).isEqualTo(ContentHash.of(bytes, from, to));
                assertThat(whole.digest(from, to)).isEqualTo(ContentHash.of(bytes, from, to));
                across += from / JsonBody.CHUNK != (to - 1) / JsonBody.CHUNK ? 1 : 0;
            }
            assertThat(across).as("records across two chunks").isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aBodyShorterThanItsContentLengthIsAnError() {
        byte[] bytes = page();
        assertThatThrownBy(() -> JsonBody.read(JSON.getFactory(), new ByteArrayInputStream(bytes), bytes.length + 1L))
                .isInstanceOf(IOException.class).hasMessageContaining("Content-Length");
    }
}
