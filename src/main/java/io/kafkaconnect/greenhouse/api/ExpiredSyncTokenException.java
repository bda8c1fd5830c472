package io.kafkaconnect.greenhouse.api;

/**
 * The API refused a stored sync token (expired, unreadable) or the changes since it are too many to list. Nothing is
 * lost by reading the whole list again, which is what the engine does: the pass restarts without a token.
 */
public class ExpiredSyncTokenException extends ApiException {
    private static final long serialVersionUID = 1L;
    private final String code;

    public ExpiredSyncTokenException(int status, String code, String message) {
        super(status, message);
        this.code = code;
    }

    /** The API's error code, e.g. {@code sync_token_expired}. */
    public String code() {
        return code;
    }
}
