package io.kafkaconnect.greenhouse.api;

import okhttp3.Request;

/** Adds authentication to a request. Implementations never expose the secret through toString(). */
public interface Credentials {
    /** What Harvest v1 keys need to read a resource. */
    String DEV_CENTER_HINT =
            "grant the API key access to this endpoint in Greenhouse's Dev Center (API Credential Management)";
    void authenticate(Request.Builder request);

    /** A stable, non-secret identity for the credential, used to share one rate budget per credential. */
    String budgetKey();

    /** Called after a 401; returns true if a retry with fresh credentials may succeed (e.g. a new token). */
    default boolean refreshAfterUnauthorized() {
        return false;
    }

    /** What to grant so that these credentials may read {@code resource} (for 403 messages). */
    default String accessHint(String resource) {
        return DEV_CENTER_HINT;
    }

    /** The setting(s) a user must fix when the API rejects these credentials. */
    String settingNames();
}
