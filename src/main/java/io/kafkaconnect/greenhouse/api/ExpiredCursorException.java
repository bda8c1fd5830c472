package io.kafkaconnect.greenhouse.api;

import okhttp3.HttpUrl;

/**
 * The API refused a paging cursor (HTTP 422 for a URL that carries a {@code cursor} query parameter). Harvest v3
 * cursors are opaque and may expire (the reference calls this UNCERTAIN: only a third-party error message mentions
 * "an expired cursor"); a stored {@code next} URL that is refused cannot be repaired, but the window it belongs to
 * can be read again from its first request. Nothing in this class is specific to one API generation: any
 * continuation URL with a {@code cursor} parameter qualifies.
 */
public class ExpiredCursorException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** The query parameter that marks a continuation URL of a cursor-paged API. */
    public static final String CURSOR_PARAM = "cursor";

    public ExpiredCursorException(String message) {
        super(422, message);
    }

    /** A cursor refused with another status (Ashby reports it inside an HTTP 200 answer). */
    public ExpiredCursorException(int status, String message) {
        super(status, message);
    }

    /** Whether {@code url} continues a cursor-paged walk (it has a {@code cursor} query parameter). */
    public static boolean isCursorUrl(HttpUrl url) {
        return url != null && url.queryParameterValues(CURSOR_PARAM).stream().anyMatch(v -> v != null && !v.isEmpty());
    }

    /**
     * The exception for an HTTP 422 answer to {@code url}, or null when {@code url} is not a cursor URL (then the 422
     * is an ordinary permanent error). {@code detail} is the API's own explanation (": ..." or empty).
     */
    public static ExpiredCursorException forRejected(HttpUrl url, String resource, String detail) {
        if (!isCursorUrl(url)) {
            return null;
        }
        return new ExpiredCursorException("Greenhouse no longer accepts the stored page cursor while reading "
                + resource + " (HTTP 422 for GET " + url.encodedPath() + "); the window is read again from its "
                + "first page" + (detail == null ? "" : detail));
    }

    /**
     * Whether {@code e}, thrown for a request to {@code requested}, means that a stored cursor was refused: either an
     * ExpiredCursorException, or any HTTP 422 for a cursor URL (so callers work whether or not the client already
     * throws the subtype).
     */
    public static boolean matches(ApiException e, HttpUrl requested) {
        return e instanceof ExpiredCursorException || (e != null && e.status() == 422 && isCursorUrl(requested));
    }
}
