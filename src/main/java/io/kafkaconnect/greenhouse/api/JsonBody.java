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

    JsonBody(JsonFactory factory, byte[] bytes) {
        this.factory = factory;
        this.bytes = bytes;
    }

    /** A body for tests and callers that hold the text. */
    public static JsonBody of(JsonFactory factory, byte[] bytes) {
        return new JsonBody(factory, bytes);
    }

    /**
     * A new parser of the body, on its first token.
     *
     * @throws TransientReplyException if the body is empty
     */
    public JsonParser parser() throws IOException {
        JsonParser parser = factory.createParser(bytes);
        if (parser.nextToken() == null) {
            parser.close();
            throw new TransientReplyException("an empty body");
        }
        return parser;
    }

    /** The body's bytes (not to be changed). */
    public byte[] bytes() {
        return bytes;
    }
}
