package io.kafkaconnect.greenhouse.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The settings that configure an OAuth client, and the API's own advice about them, for the messages a user reads
 * when the token endpoint or the API refuses the client: each message names the setting to fix. The connector of an
 * API that authenticates with OAuth supplies them.
 */
public interface OAuthSettings {
    /** The API's name in messages, e.g. {@code Greenhouse}. */
    String apiName();

    String clientIdKey();

    String clientSecretKey();

    String userIdKey();

    String tokenUrlKey();

    /** Where the client id and secret are made, in parentheses; follows a request to check both. */
    String whereClientsAreMade();

    /** What a valid client id looks like, in parentheses; follows a request to check it. */
    String clientIdForm();

    /** What a valid user id looks like (the grant's {@code sub}), in parentheses; follows a request to check it. */
    String userIdForm();

    /** What the API requires of the client and the user, in parentheses; follows the settings named for a 401. */
    String requirements();

    /** What to grant so that the client may read {@code resource} (for 403 messages). */
    String accessHint(String resource);

    /** What to grant so that the client may read all of {@code resources}, said once. */
    default String accessHint(List<String> resources) {
        return resources.stream().map(this::accessHint).distinct().collect(Collectors.joining("; "));
    }
}
