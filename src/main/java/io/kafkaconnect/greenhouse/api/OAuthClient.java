package io.kafkaconnect.greenhouse.api;

import okhttp3.HttpUrl;

/**
 * An OAuth 2.0 client-credentials grant as configured: the token endpoint, the client and its secret, the user the
 * token acts as, and the settings that hold them (for messages). toString() leaves the secret out.
 *
 * @param userId the {@code sub} of the grant, or null (or blank) to act as the client's own service user
 */
public record OAuthClient(HttpUrl tokenUrl, String clientId, String clientSecret, String userId,
                          OAuthSettings settings) {
    public OAuthClient {
        clientId = clientId.trim();
        userId = userId == null || userId.isBlank() ? null : userId.trim();
    }

    @Override
    public String toString() {
        return "OAuthClient[" + ApiKeyCredentials.fingerprint(tokenUrl + "\n" + clientId + "\n"
                + (userId == null ? "" : userId)) + "]";
    }
}
