package io.kafkaconnect.greenhouse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodyTest {
    private static final JsonFactory FACTORY = new JsonFactory();

    @Test
    void aBodyInALargerArrayEndsAtItsLength() throws Exception {
        byte[] array = "[1]]]garbage of the answer before".getBytes(StandardCharsets.UTF_8);
        JsonBody body = new JsonBody(FACTORY, array, 3);
        try (JsonParser parser = body.parser()) {
            assertThat(parser.currentToken()).isEqualTo(JsonToken.START_ARRAY);
            assertThat(parser.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
            assertThat(parser.nextToken()).isEqualTo(JsonToken.END_ARRAY);
            assertThat(parser.nextToken()).isNull();
        }
        assertThat(body.bytes()).isSameAs(array);
    }

    @Test
    void anEmptyBodyIsRefusedWhateverTheArrayHolds() {
        JsonBody body = new JsonBody(FACTORY, "[1]".getBytes(StandardCharsets.UTF_8), 0);
        assertThatThrownBy(body::parser).isInstanceOf(TransientReplyException.class).hasMessageContaining("empty");
    }
}
