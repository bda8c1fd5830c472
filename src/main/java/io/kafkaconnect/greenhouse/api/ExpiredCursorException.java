package io.kafkaconnect.greenhouse.api;

/**
 * The API refused a paging cursor it handed out (e.g. Harvest v3 answers HTTP 422 to a stored {@code next} URL whose
 * cursor expired; Ashby reports it inside an HTTP 200 answer). The API's {@link Protocol} tells it from other errors.
 * A refused cursor cannot be repaired, but the walk it belongs to can be read again from its first request.
 */
public class ExpiredCursorException extends ApiException {
    private static final long serialVersionUID = 1L;

    public ExpiredCursorException(int status, String message) {
        super(status, message);
    }
}
