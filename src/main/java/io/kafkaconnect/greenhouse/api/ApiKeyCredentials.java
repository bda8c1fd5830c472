package io.kafkaconnect.greenhouse.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import okhttp3.Request;

/** Harvest v1: HTTP Basic with the API key as user name and an empty password. */
public final class ApiKeyCredentials implements Credentials {
    private final String header;
    private final String budgetKey;
    private final String settingName;

    public ApiKeyCredentials(String apiKey, String settingName) {
        this.header = okhttp3.Credentials.basic(apiKey, "", StandardCharsets.UTF_8);
        this.budgetKey = "basic:" + fingerprint(apiKey);
        this.settingName = settingName;
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
    static String fingerprint(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
