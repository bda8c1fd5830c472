package io.kafkaconnect.greenhouse.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import okhttp3.Request;

/** HTTP Basic with the API key as user name and an empty password (e.g. Harvest v1, Ashby). */
public final class ApiKeyCredentials implements Credentials {
    private final String header;
    private final String budgetKey;
    private final String settingName;
    private final Function<List<String>, String> accessHint;

    /** @param accessHint what to grant so that the key may read some resources (resources → advice, said once) */
    public ApiKeyCredentials(String apiKey, String settingName, Function<List<String>, String> accessHint) {
        this.header = okhttp3.Credentials.basic(apiKey, "", StandardCharsets.UTF_8);
        this.budgetKey = "basic:" + fingerprint(apiKey);
        this.settingName = settingName;
        this.accessHint = accessHint;
    }

    @Override
    public String accessHint(String resource) {
        return accessHint.apply(List.of(resource));
    }

    @Override
    public String accessHint(List<String> resources) {
        return accessHint.apply(resources);
    }

    @Override
    public void authenticate(Request.Builder request) {
        request.header("Authorization", header);
    }

    @Override
    public String budgetKey() {
        return budgetKey;
    }

    @Override
    public String settingNames() {
        return settingName;
    }

    @Override
    public String toString() {
        return "ApiKeyCredentials[" + budgetKey + "]";
    }

    /** A short one-way digest, safe to log and to use as a map key. */
    public static String fingerprint(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
