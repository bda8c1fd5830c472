package io.kafkaconnect.greenhouse.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@link TokenSource}s of this JVM, one per OAuth client, shared by every task that uses that client and counted
 * by use: tasks {@link #acquire} the source and {@link #release} it when they stop; the last release removes it and
 * forgets its token. Sources are keyed by a keyed hash (HMAC-SHA256 with a random key made when this class loads) of
 * the client <em>including the secret</em>, never by the secret itself: a connector configured with the same client
 * id but another secret gets a source of its own and must prove its secret at the token endpoint before it gets a
 * token. {@link #forCheck} (validate()) uses the shared source when one with the same key is in use, else a private
 * one it does not register.
 *
 * <p><b>Two sources of one client.</b> Sources of the same client id with different secrets (a secret being rotated,
 * one of them stale) or different acting users coexist but do not coordinate. A stale secret is refused by the token
 * endpoint, so it never gets a token and revokes nothing; its connector fails naming the secret. If both are valid
 * and the API keeps one active token per client, each source's mint revokes the other's token: requests then meet
 * 401s, which are retried with a new token a bounded number of times (see {@link OAuthCredentials}) and can end as
 * a credential error when the other source mints between our mint and our request. The same holds for tasks of one
 * credential on different workers (each JVM has its own source). Run one secret and user per client id at a time.
 */
public final class SharedTokenSources {
    /** A registered source and the tasks using it. */
    private record Shared(TokenSource source, int users) {
    }

    /** Shared sources by {@link #keyOf}; added, counted and removed in compute(). */
    private static final ConcurrentMap<String, Shared> REGISTRY = new ConcurrentHashMap<>();
    /** The key of the secret's hash: random per JVM, so a hash in a log or heap dump cannot be checked offline. */
    private static final byte[] HASH_KEY = randomKey();

    private SharedTokenSources() {
    }

    /**
     * The shared token source of {@code client}, created on first use, for a task that {@link #release}s it when it
     * stops. All callers with the same token URL, client id, user id and client secret share it.
     */
    public static TokenSource acquire(OAuthClient client, Clock clock) {
        String key = keyOf(client);
        return REGISTRY.compute(key, (k, shared) -> shared == null ? new Shared(new TokenSource(k, client, clock), 1)
                : new Shared(shared.source(), shared.users() + 1)).source();
    }

    /**
     * For validate(): the shared source of {@code client} if a task uses one (its cached token proves this very
     * secret), else a new private source that is not registered and not to be released. Changes no shared state,
     * except that a shared token due for renewal is renewed as a task would.
     */
    public static TokenSource forCheck(OAuthClient client, Clock clock) {
        String key = keyOf(client);
        Shared shared = REGISTRY.get(key);
        return shared != null ? shared.source() : new TokenSource(key, client, clock);
    }

    /**
     * Gives back one use of {@code source} taken by {@link #acquire}; the last one removes it and forgets its token.
     * Does nothing for a source that is not (or no longer) registered.
     */
    public static void release(TokenSource source) {
        REGISTRY.computeIfPresent(source.key(), (k, shared) -> {
            if (shared.source() != source) {
                return shared;
            }
            if (shared.users() > 1) {
                return new Shared(source, shared.users() - 1);
            }
            source.forget();
            return null;
        });
    }

    /** Forgets every shared token (tests only). */
    static void forgetAll() {
        REGISTRY.clear();
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** HMAC-SHA256 of the whole client, secret included, under this JVM's random {@link #HASH_KEY}. */
    private static String keyOf(OAuthClient client) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HASH_KEY, "HmacSHA256"));
            for (String part : new String[] {client.tokenUrl().toString(), client.clientId(),
                    client.userId() == null ? "" : client.userId(), client.clientSecret()}) {
                mac.update(part.getBytes(StandardCharsets.UTF_8));
                mac.update((byte) 0);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
