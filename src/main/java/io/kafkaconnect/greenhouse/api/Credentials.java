package io.kafkaconnect.greenhouse.api;

import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import okhttp3.Request;

/** Adds authentication to a request. Implementations never expose the secret through toString(). */
public interface Credentials {
    void authenticate(Request.Builder request);

    /**
     * The authentication of one request through its retries, which remembers what the request was sent with so that
     * a 401 can be judged. By default the same credentials each time, and a 401 is final.
     */
    default Attempts attempts() {
        return new Attempts() {
            @Override
            public void authenticate(Request.Builder request) {
                Credentials.this.authenticate(request);
            }

            @Override
            public boolean retryAfterUnauthorized() {
                return false;
            }
        };
    }

    /**
     * Access tokens fetched so far for these credentials (in this JVM, by everyone sharing them), or empty if they
     * use none (an API key).
     */
    default OptionalLong tokensFetched() {
        return OptionalLong.empty();
    }

    /** A stable, non-secret identity for the credential, used to share one rate budget per credential. */
    String budgetKey();

    /** What to grant so that these credentials may read {@code resource} (for 403 messages). */
    String accessHint(String resource);

    /**
     * What to grant so that these credentials may read all of {@code resources}, said once (for one message naming
     * them all); by default each resource's advice, the same advice said once.
     */
    default String accessHint(List<String> resources) {
        return resources.stream().map(this::accessHint).distinct().collect(Collectors.joining("; "));
    }

    /** The setting(s) a user must fix when the API rejects these credentials. */
    String settingNames();

    /** Gives back what these credentials share with others (a token); they are not used afterwards. */
    default void close() {
    }

    /** The authentication of one request, sent possibly several times; used by one thread. */
    interface Attempts {
        /** Authenticates the next sending of the request. */
        void authenticate(Request.Builder request);

        /**
         * Called when the API answered 401 to the last sending; true if sending it again, newly authenticated, may
         * succeed, false if the API rejects these credentials.
         */
        boolean retryAfterUnauthorized();
    }
}
