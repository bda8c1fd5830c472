package io.kafkaconnect.greenhouse.api;

import java.io.IOException;

/**
 * How one API frames its answers beyond HTTP itself: errors it reports inside a successful answer, and what to
 * tell a user about an answer that retrying will not fix. Everything else of a request (authentication, the rate
 * budget, retries, the same-origin guard) is {@link ApiClient}'s and the same for every API.
 */
public interface Protocol {

    /** The API's name in messages, e.g. {@code Greenhouse}. */
    String apiName();

    /** The setting that holds the API origin, named in messages. */
    String baseUrlSetting();

    /**
     * Checks the JSON of a 2xx answer for errors the API reports inside it, for callers that read no page of it (a
     * validation probe). A {@link PageReader} of the API finds the same errors, with the same exceptions, in the one
     * pass that reads the page.
     *
     * @throws IOException             when the body is not JSON
     * @throws ThrottledReplyException when the API says to slow down
     * @throws TransientReplyException when the API reports a failure that a retry may fix
     * @throws ApiException            when the API reports an error that retrying will not fix
     */
    default void checkBody(JsonBody body, String resource, PageRequest request) throws IOException {
    }

    /**
     * The error for a non-2xx answer that is not retried (4xx other than 408 and 429).
     *
     * @param body the start of the answer's body (may be empty)
     */
    ApiException permanent(int status, String body, PageRequest request, String resource, Credentials credentials);
}
