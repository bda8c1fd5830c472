package io.kafkaconnect.greenhouse.simulator;

import io.kafkaconnect.greenhouse.simulator.core.SimClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * v3 access tokens: opaque random strings valid for the configured TTL on the simulator clock. Optionally
 * "single active token" per client (minting a new token revokes the client's older ones).
 */
final class TokenStore {

    /** A minted token. */
    record Issued(String token, String clientId, Instant expiresAt) {
    }

    private final SimClock clock;
    private final Duration ttl;
    private final boolean singleActive;
    private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    TokenStore(SimClock clock, Duration ttl, boolean singleActive) {
        this.clock = clock;
        this.ttl = ttl;
        this.singleActive = singleActive;
    }

    Duration ttl() {
        return ttl;
    }

    synchronized Issued issue(String clientId) {
        if (singleActive) {
            tokens.values().removeIf(t -> t.clientId().equals(clientId));
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = "ghs3." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Issued issued = new Issued(token, clientId, clock.now().plus(ttl));
        tokens.put(token, issued);
        return issued;
    }

    /** The client id the token belongs to, or null if unknown, revoked or expired. */
    String authenticate(String token) {
        if (token == null) {
            return null;
        }
        Issued issued = tokens.get(token);
        if (issued == null) {
            return null;
        }
        if (!clock.now().isBefore(issued.expiresAt())) {
            tokens.remove(token);
            return null;
        }
        return issued.clientId();
    }

    void expireAll() {
        tokens.clear();
    }

    int active() {
        return tokens.size();
    }
}
