package io.kafkaconnect.greenhouse.util;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A 64-bit digest of a JSON value's text, to tell whether a record changed without keeping it. */
public final class ContentHash {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private ContentHash() {
    }

    public static long of(JsonNode json) {
        return of(json.toString());
    }

    /**
     * A 64-bit digest of {@code bytes[from, to)} (a record's JSON as the API sent it), eight bytes at a step:
     * cheap enough for every record of a page, and a change of any byte changes it but for a 2^-64 chance.
     */
    public static long of(byte[] bytes, int from, int to) {
        long h = 0x9E3779B97F4A7C15L ^ (to - from);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = mix(h ^ (long) LONGS.get(bytes, i));
        }
        long tail = 0;
        for (int shift = 0; i < to; i++, shift += 8) {
            tail |= (bytes[i] & 0xffL) << shift;
        }
        return mix(h ^ tail);
    }

    /** The finaliser of MurmurHash3 (fmix64) after a multiply: every input bit reaches every output bit. */
    private static long mix(long x) {
        x *= 0xC2B2AE3D27D4EB4FL;
        x ^= x >>> 33;
        x *= 0xFF51AFD7ED558CCDL;
        x ^= x >>> 33;
        x *= 0xC4CEB9FE1A85EC53L;
        x ^= x >>> 33;
        return x;
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
