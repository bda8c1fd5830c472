package io.kafkaconnect.greenhouse.util;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A 64-bit digest of a JSON value's text, to tell whether a record changed without keeping it. */
public final class ContentHash {
    private ContentHash() {
    }

    public static long of(JsonNode json) {
        return of(json.toString());
    }

    /** A 64-bit digest of a text. */
    public static long of(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
