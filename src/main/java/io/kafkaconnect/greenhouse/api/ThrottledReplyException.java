package io.kafkaconnect.greenhouse.api;

/** The API asked to slow down inside an answer's body (not with HTTP 429); waited out like a 429. */
public final class ThrottledReplyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ThrottledReplyException(String message) {
        super(message);
    }
}
