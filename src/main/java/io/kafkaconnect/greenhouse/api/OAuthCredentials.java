package io.kafkaconnect.greenhouse.api;

import io.kafkaconnect.greenhouse.util.Sleeper;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * {@code Authorization: Bearer <token>} with an OAuth 2.0 client-credentials token (e.g. Harvest v3) from a
 * {@link TokenSource} shared by every task of the JVM that uses the same credential (secret included). The token is
 * fetched lazily (on the first request) and renewed shortly before it expires. One instance per task: it waits with
 * the task's sleeper, holds one use of the shared source and gives it back on {@link #close} (when the task's
 * {@link ApiClient} closes).
 *
 * <p><b>401.</b> Tokens are shared and, if the API keeps one active token per client (e.g. Greenhouse reportedly
 * does), a renewal by one task revokes the token another task's request is carrying. So a 401 is judged by the token
 * the request was sent with ({@link #attempts}): if the source has replaced that token since (or it is due for
 * renewal), the request is sent again with the current one (nothing is minted for it); if it is still the current
 * token, the request discards it and is sent again with a new one; only a 401 to the token the request got after
 * discarding one, still current, is a credential error. The {@link ApiClient} bounds how often one request may be
 * sent again after 401s.
 */
public final class OAuthCredentials implements Credentials {
    private final TokenSource tokens;
    private final OAuthSettings settings;
    /** Whether this instance holds a use of a shared source (tasks), or only borrows one (validate()). */
    private final boolean holdsUse;
    private final OkHttpClient http;
    private final Sleeper sleeper;
    private final RetryPolicy retry;
    private final AtomicBoolean closed = new AtomicBoolean();

    private OAuthCredentials(TokenSource tokens, OAuthSettings settings, boolean holdsUse, CredentialsContext context) {
        this.tokens = tokens;
        this.settings = settings;
        this.holdsUse = holdsUse;
        // the token request must only ever reach the configured token URL
        this.http = context.http().newBuilder().followRedirects(false).followSslRedirects(false).build();
        this.sleeper = context.sleeper();
        this.retry = context.retry();
    }

    /**
     * A task's credentials ({@code context.task()}), sharing the token of every task of this JVM with the same
     * client, which {@link #close} gives back; or validate()'s, with the token of running tasks with this very client
     * if there are any, else a token of their own that nobody else sees (see {@link SharedTokenSources#forCheck}).
     */
    public static OAuthCredentials of(OAuthClient client, CredentialsContext context) {
        TokenSource tokens = context.task() ? SharedTokenSources.acquire(client, context.clock())
                : SharedTokenSources.forCheck(client, context.clock());
        return new OAuthCredentials(tokens, client.settings(), context.task(), context);
    }

    @Override
    public void authenticate(Request.Builder request) {
        bearer(request, token());
    }

    @Override
    public Attempts attempts() {
        return new TokenAttempts();
    }

    private String token() {
        if (closed.get()) {
            throw new StoppedException(); // the task stopped; its share of the token is given back
        }
        return tokens.token(http, sleeper, retry);
    }

    private static void bearer(Request.Builder request, String token) {
        request.header("Authorization", "Bearer " + token);
    }

    /** One request's tokens: the one it was last sent with, and the one it got after discarding a refused one. */
    private final class TokenAttempts implements Attempts {
        private String sent;
        private boolean discarded;
        private String fresh;

        @Override
        public void authenticate(Request.Builder request) {
            String token = token();
            if (discarded) {
                fresh = token;
                discarded = false;
            }
            sent = token;
            bearer(request, token);
        }

        @Override
        public boolean retryAfterUnauthorized() {
            if (!tokens.isCurrent(sent)) {
                // replaced since it was sent (its renewal may have revoked it), or due for renewal (it may have
                // expired while the request waited for the rate budget): send with the current one
                return true;
            }
            if (sent.equals(fresh)) {
                return false; // minted after this request discarded the one before, and refused at once
            }
            tokens.invalidate(sent);
            discarded = true;
            return true;
        }
    }

    @Override
    public OptionalLong tokensFetched() {
        return OptionalLong.of(tokens.minted());
    }

    @Override
    public String budgetKey() {
        return tokens.budgetKey();
    }

    @Override
    public String accessHint(String resource) {
        return settings.accessHint(resource);
    }

    @Override
    public String accessHint(List<String> resources) {
        return settings.accessHint(resources);
    }

    @Override
    public String settingNames() {
        return settings.clientIdKey() + ", " + settings.clientSecretKey() + " and " + settings.userIdKey() + " "
                + settings.requirements();
    }

    /** Gives back this task's use of the shared token (the last one forgets it); later requests stop. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && holdsUse) {
            SharedTokenSources.release(tokens);
        }
    }

    @Override
    public String toString() {
        return "OAuthCredentials[" + tokens.fingerprint() + "]";
    }
}
