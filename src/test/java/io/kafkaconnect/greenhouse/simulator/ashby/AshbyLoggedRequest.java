package io.kafkaconnect.greenhouse.simulator.ashby;

import java.time.Instant;

/**
 * One request as the Ashby simulator saw and answered it.
 *
 * @param at              simulator-clock time the request arrived
 * @param httpMethod      HTTP method (POST for every proper call)
 * @param path            request path, e.g. {@code /candidate.list}
 * @param method          the API method, e.g. {@code candidate.list} (the path without its leading slash)
 * @param body            the request body as text (UTF-8)
 * @param status          HTTP status sent; 0 when the connection was reset without a response
 * @param success         the response's {@code success} flag; null when the body was not an Ashby envelope
 *                        (unknown path, injected 5xx or HTML page, reset)
 * @param errorCode       {@code errorInfo.code} of a failed call, else null
 * @param recordsReturned records in {@code results} (0 for errors and injected faults)
 */
public record AshbyLoggedRequest(Instant at, String httpMethod, String path, String method, String body, int status,
        Boolean success, String errorCode, int recordsReturned) {
}
