package io.kafkaconnect.greenhouse.simulator;

import java.time.Instant;
import java.util.Map;

/**
 * One request as the simulator saw and answered it.
 *
 * @param at              simulator-clock time the request arrived
 * @param method          HTTP method
 * @param path            request path without the query, e.g. {@code /v1/candidates}
 * @param query           decoded query parameters (first value of a repeated name)
 * @param status          status sent; {@code 0} when the connection was reset without a response
 * @param recordsReturned records in the response body (0 for errors and injected faults)
 */
public record LoggedRequest(Instant at, String method, String path, Map<String, String> query, int status,
        int recordsReturned) {
}
