package io.kafkaconnect.greenhouse.api;

import org.apache.kafka.connect.errors.ConnectException;

/**
 * An API answer that retrying will not fix (401, 403, 404, 422, a refused link, …). The message says what
 * the user should do; it never contains credentials.
 */
public class ApiException extends ConnectException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status, or 0 when the problem was not an HTTP answer. */
    public int status() {
        return status;
    }
}
