package io.kafkaconnect.greenhouse.api;

import java.io.IOException;
import java.time.Instant;
import okhttp3.Headers;

/**
 * Turns the JSON of a successful answer into a page of some shape, reading it with a streaming parser. Throws {@link TransientReplyException} when the
 * JSON is not what a page of this API looks like (retried), or an {@link ApiException} that retrying cannot fix.
 */
@FunctionalInterface
public interface PageReader<P> {
    P read(PageRequest request, Headers headers, JsonBody body, Instant serverDate) throws IOException;
}
