package io.kafkaconnect.greenhouse.api;

import io.kafkaconnect.greenhouse.util.Sleeper;
import java.time.Clock;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Harvest v3: {@code Authorization: Bearer <token>} with an OAuth 2.0 client-credentials token from a
 * {@link TokenSource} shared by every task of the JVM that uses the same credential. The token is fetched lazily
 * (on the first request), renewed shortly before it expires, and renewed once more when the API answers 401 (the
 * {@link ApiClient} then retries that request once). One instance per task: it waits with the task's sleeper.
 */
public final class OAuthCredentials implements Credentials {
    private final TokenSource tokens;
    private final OkHttpClient http;
    private final Sleeper sleeper;
    private final RetryPolicy retry;
    /** The token this thread last sent, so that a 401 discards that token and not a newer one. */
    private final ThreadLocal<String> lastSent = new ThreadLocal<>();

    public OAuthCredentials(TokenSource tokens, OkHttpClient http, Sleeper sleeper, RetryPolicy retry) {
        this.tokens = tokens;
        // the token request must only ever reach the configured token URL
        this.http = http.newBuilder().followRedirects(false).followSslRedirects(false).build();
        this.sleeper = sleeper;
        this.retry = retry;
    }

    /**
     * Credentials for one task.
     *
     * @param userId the {@code sub} of the grant, or null/blank for the credential's Integration Service User
     */
    public static OAuthCredentials create(HttpUrl tokenUrl, String clientId, String clientSecret, String userId,
                                          OkHttpClient http, Sleeper sleeper, RetryPolicy retry, Clock clock) {
        return new OAuthCredentials(TokenSource.shared(tokenUrl, clientId, clientSecret, userId, clock), http, sleeper,
                retry);
    }

    @Override
    public void authenticate(Request.Builder request) {
        String token = tokens.token(http, sleeper, retry);
        lastSent.set(token);
        request.header("Authorization", "Bearer " + token);
    }

    @Override
    public String budgetKey() {
        return tokens.budgetKey();
    }

    /** Discards the token the API just refused; the next {@link #authenticate} gets a new one. */
    @Override
    public boolean refreshAfterUnauthorized() {
        tokens.invalidate(lastSent.get());
        return true;
    }

    @Override
    public String accessHint(String resource) {
        return "grant the credential the harvest:" + resource + ":list scope in Greenhouse's Dev Center, and make "
                + TokenSource.USER_ID_KEY + " a Site Admin";
    }

    @Override
    public String settingNames() {
        return TokenSource.CLIENT_ID_KEY + ", " + TokenSource.CLIENT_SECRET_KEY + " and " + TokenSource.USER_ID_KEY
                + " (the token acts as that user, who must be a Site Admin, and the credential needs the "
                + "harvest:<resource>:list scope of each resource)";
    }

    @Override
    public String toString() {
        return "OAuthCredentials[" + tokens.fingerprint() + "]";
    }
}
