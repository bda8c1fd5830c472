package io.kafkaconnect.greenhouse.simulator.core;

import java.time.Instant;
import java.util.Map;

/**
 * One request as a simulator saw and answered it.
 *
 * @param at              simulator-clock time the request arrived
 * @param method          HTTP method
 * @param path            request path without the query, e.g. {@code /v1/candidates} or {@code /candidate.list}
 * @param query           decoded query parameters (first value of a repeated name)
 * @param body            the request body as text (UTF-8; empty if none)
 * @param status          HTTP status sent; {@code 0} when the connection was reset without a response
 * @param success         the response's {@code success} flag where the API has one (Ashby); null otherwise, and
 *                        when the body was not the API's envelope (unknown path, injected 5xx or HTML page, reset)
 * @param errorCode       the API's error code of a failed call where it has one (Ashby {@code errorInfo.code}), else
 *                        null
 * @param recordsReturned records in the response body (0 for errors and injected faults)
 */
public record LoggedRequest(Instant at, String method, String path, Map<String, String> query, String body,
        int status, Boolean success, String errorCode, int recordsReturned) {

    /** The path without its leading slash: Ashby's API method, e.g. {@code candidate.list}. */
    public String apiMethod() {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
