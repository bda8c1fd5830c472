package io.kafkaconnect.greenhouse.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * The body of a successful answer, read whole (within {@code fetch.max.response.bytes}) and parsed with Jackson's
 * streaming parser: pages are read record by record, without a tree of the answer.
 */
public final class JsonBody {
    private final JsonFactory factory;
    private final byte[] bytes;
    private final int length;

    /** The body {@code bytes[0, length)}. */
    JsonBody(JsonFactory factory, byte[] bytes, int length) {
        this.factory = factory;
        this.bytes = bytes;
        this.length = length;
    }

    /** A body for tests and callers that hold the text. */
    public static JsonBody of(JsonFactory factory, byte[] bytes) {
        return new JsonBody(factory, bytes, bytes.length);
    }

    /**
     * A new parser of the body, on its first token.
     *
     * @throws TransientReplyException if the body is empty
     */
    public JsonParser parser() throws IOException {
        JsonParser parser = factory.createParser(bytes, 0, length);
        if (parser.nextToken() == null) {
            parser.close();
            throw new TransientReplyException("an empty body");
        }
        return parser;
    }

    /**
     * An array that holds the body from its start (not to be changed, nor read after the page is read: it may hold
     * the next answer then); the parser's byte offsets are offsets into it.
     */
    public byte[] bytes() {
        return bytes;
    }
}
