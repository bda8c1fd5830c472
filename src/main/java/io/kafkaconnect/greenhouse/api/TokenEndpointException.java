package io.kafkaconnect.greenhouse.api;

import java.util.List;

/**
 * The OAuth token endpoint refused to issue a token (not retriable). Besides the message, it names the settings
 * that are most likely wrong, so that connector validation can attach the problem to the right keys.
 */
public class TokenEndpointException extends ApiException {
    private static final long serialVersionUID = 1L;
    private final List<String> settings;

    public TokenEndpointException(int status, String message, List<String> settings) {
        super(status, message);
        this.settings = List.copyOf(settings);
    }

    /** The configuration keys to check, most likely first. */
    public List<String> settings() {
        return settings;
    }
}
