package io.kafkaconnect.greenhouse.simulator.core;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The credentials of a {@code Basic} Authorization header.
 *
 * @param user     the text before the first colon (all of it if there is none)
 * @param password the text after the first colon; null if there is no colon
 */
public record BasicAuth(String user, String password) {

    /** The credentials, or null if the header is missing, not Basic, or not base64. */
    public static BasicAuth parse(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? new BasicAuth(decoded, null)
                    : new BasicAuth(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
