package io.kafkaconnect.greenhouse.ashby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.kafkaconnect.greenhouse.api.CursorPage;
import io.kafkaconnect.greenhouse.api.ExpiredSyncTokenException;
import io.kafkaconnect.greenhouse.api.JsonBody;
import io.kafkaconnect.greenhouse.api.PageRequest;
import io.kafkaconnect.greenhouse.api.RecordParser;
import io.kafkaconnect.greenhouse.api.ThrottledReplyException;
import io.kafkaconnect.greenhouse.api.TransientReplyException;
import io.kafkaconnect.greenhouse.dialect.Resource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** The page reader reads an answer once: its records, and the error Ashby reports inside an HTTP 200. */
class AshbyPageReaderTest {
    private static final AshbyDialect ASHBY = AshbyDialect.INSTANCE;
    private static final Resource CANDIDATES = ASHBY.resource("candidates").orElseThrow();
    private static final PageRequest REQUEST = ASHBY.listRequest(HttpUrl.get("https://api.ashbyhq.com/"), CANDIDATES,
            "t", null, 100);

    /** Counts the parsers made of a body. */
    private static final class CountingFactory extends JsonFactory {
        final AtomicInteger parsers = new AtomicInteger();

        @Override
        public JsonParser createParser(byte[] data) throws IOException {
            parsers.incrementAndGet();
            return super.createParser(data);
        }

        @Override
        public JsonParser createParser(byte[] data, int offset, int length) throws IOException {
            parsers.incrementAndGet();
            return super.createParser(data, offset, length);
        }
    }

    private final CountingFactory factory = new CountingFactory();

    private CursorPage<String> read(String answer) throws IOException {
        RecordParser<String> ids = (parser, body) -> {
            String id = parser.currentToken().isStructStart() ? null : parser.getText();
            parser.skipChildren();
            return id;
        };
        return ASHBY.pageReader(ids).read(REQUEST, "candidates", Headers.of(),
                JsonBody.of(factory, answer.getBytes(StandardCharsets.UTF_8)), null);
    }

    @Test
    void aPageIsParsedOnce() throws IOException {
        CursorPage<String> page = read("{\"results\":[\"a\",\"b\"],\"success\":true,\"moreDataAvailable\":true,"
                + "\"nextCursor\":\"c\"}");
        assertThat(page.records()).containsExactly("a", "b");
        assertThat(page.nextCursor()).isEqualTo("c");
        assertThat(factory.parsers).hasValue(1);
    }

    @Test
    void errorsInsideHttp200AreFoundInTheSamePass() {
        assertThatThrownBy(() -> read("{\"success\":false,\"errorInfo\":{\"code\":\"sync_token_expired\","
                + "\"message\":\"expired\",\"requestId\":\"r-1\"},\"results\":[\"a\"]}"))
                .isInstanceOfSatisfying(ExpiredSyncTokenException.class, e -> assertThat(e.code())
                        .isEqualTo("sync_token_expired"))
                .hasMessage("Ashby refused the stored sync token of candidates (sync_token_expired): expired "
                        + "(Ashby request id r-1)");
        assertThatThrownBy(() -> read("{\"success\":false,\"errors\":[\"rate_limit_exceeded\"]}"))
                .isInstanceOf(ThrottledReplyException.class);
        assertThatThrownBy(() -> read("{\"results\":[]}")).isInstanceOf(TransientReplyException.class)
                .hasMessage("an answer without a 'success' flag");
        assertThat(factory.parsers).hasValue(3);
    }
}
