package io.kafkaconnect.greenhouse.api;

/**
 * An answer that cannot be used but may succeed when asked again: an unreadable body, or a failure the API
 * reports inside the body. Retried with back-off like a 5xx.
 */
public final class TransientReplyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TransientReplyException(String message) {
        super(message);
    }
}
