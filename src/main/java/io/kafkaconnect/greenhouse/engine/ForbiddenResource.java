package io.kafkaconnect.greenhouse.engine;

import io.kafkaconnect.greenhouse.api.ApiException;

/** Tells a failure that says the credential may not read a resource (HTTP 403) from the others. */
final class ForbiddenResource {
    private static final int FORBIDDEN = 403;

    private ForbiddenResource() {
    }

    /**
     * The API's 403 answer behind {@code failure} (itself or a cause: a read on a fetch thread reaches the task
     * wrapped), or null if it is another failure.
     */
    static ApiException in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException answer && answer.status() == FORBIDDEN) {
                return answer;
            }
        }
        return null;
    }
}
