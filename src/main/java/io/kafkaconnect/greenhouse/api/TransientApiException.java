package io.kafkaconnect.greenhouse.api;

import org.apache.kafka.connect.errors.RetriableException;

/** A failure that may pass: 5xx, timeouts, resets, bodies that are not the JSON we asked for. */
public class TransientApiException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public TransientApiException(String message, Throwable cause) {
        super(message, cause);
    }

    public TransientApiException(String message) {
        super(message);
    }
}
