package io.kafkaconnect.greenhouse.api;

import java.io.IOException;
import java.time.Instant;
import okhttp3.Headers;

/**
 * Turns the JSON of a successful answer into a page of some shape, reading it with a streaming parser, once: it
 * also finds the errors the API reports inside a successful answer (see {@link Protocol#checkBody}). Throws
 * {@link TransientReplyException} when the JSON is not what a page of this API looks like (retried),
 * {@link ThrottledReplyException} when the API says to slow down (waited out), or an {@link ApiException} that
 * retrying cannot fix.
 */
@FunctionalInterface
public interface PageReader<P> {
    /** @param resource what is read, for messages */
    P read(PageRequest request, String resource, Headers headers, JsonBody body, Instant serverDate)
            throws IOException;
}
