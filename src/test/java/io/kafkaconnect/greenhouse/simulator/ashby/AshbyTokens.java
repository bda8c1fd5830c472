package io.kafkaconnect.greenhouse.simulator.ashby;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Opaque cursors and sync tokens: base64url of {@code "c1|kind|method|position|passSeq|baseSerial|issuedMs"} (or
 * {@code "t1|method|seq|serial|issuedMs"}) followed by an 8-byte keyed check value, so that any garbled character
 * is detected (the check can be switched off; then only undecodable text is detected).
 *
 * <p>A cursor remembers its pass: kind F (full pass; passSeq = S0 fixed at the first page, position = next record
 * index), D (delta; passSeq = S1, position = last sequence examined, baseSeq and baseSerial = the token that started
 * it) or H (application history; passSeq = application index, position = next entry).
 */
final class AshbyTokens {

    /** A decoded cursor. */
    record Cursor(char kind, String method, long position, long passSeq, long baseSeq, long baseSerial,
            long issuedMs) {
    }

    /** A decoded sync token; {@code serial} is unique per issued token. */
    record SyncToken(String method, long seq, long serial, long issuedMs) {
    }

    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();

    private final long key;
    private final boolean checked;
    private final AtomicLong serials = new AtomicLong();

    AshbyTokens(long seed, boolean checked) {
        this.key = AshbyIds.mix(seed ^ 0x746F6B656E73L);
        this.checked = checked;
    }

    String cursor(char kind, String method, long position, long passSeq, long baseSeq, long baseSerial,
            long issuedMs) {
        return encode("c1|" + kind + "|" + method + "|" + position + "|" + passSeq + "|" + baseSeq + "|" + baseSerial
                + "|" + issuedMs);
    }

    /** A new token (with the next serial). */
    String syncToken(String method, long seq, long issuedMs) {
        return encode("t1|" + method + "|" + seq + "|" + serials.incrementAndGet() + "|" + issuedMs);
    }

    /** The serial of the last token issued (0 if none). */
    long lastSerial() {
        return serials.get();
    }

    /** The cursor, or null if the text is not one of ours. */
    Cursor decodeCursor(String text) {
        String[] f = decode(text, "c1", 8);
        if (f == null || f[1].length() != 1 || "FDH".indexOf(f[1].charAt(0)) < 0) {
            return null;
        }
        try {
            return new Cursor(f[1].charAt(0), f[2], Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]),
                    Long.parseLong(f[6]), Long.parseLong(f[7]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The token, or null if the text is not one of ours. */
    SyncToken decodeToken(String text) {
        String[] f = decode(text, "t1", 5);
        if (f == null) {
            return null;
        }
        try {
            return new SyncToken(f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String encode(String payload) {
        byte[] p = payload.getBytes(StandardCharsets.UTF_8);
        if (!checked) {
            return ENC.encodeToString(p);
        }
        byte[] out = Arrays.copyOf(p, p.length + 8);
        ByteBuffer.wrap(out, p.length, 8).putLong(check(p));
        return ENC.encodeToString(out);
    }

    private String[] decode(String text, String tag, int fields) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        byte[] raw;
        try {
            raw = DEC.decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!ENC.encodeToString(raw).equals(text)) {
            return null; // non-canonical text (e.g. a changed last character whose bits the decoder ignores)
        }
        byte[] p = raw;
        if (checked) {
            if (raw.length < 9) {
                return null;
            }
            p = Arrays.copyOf(raw, raw.length - 8);
            if (ByteBuffer.wrap(raw, p.length, 8).getLong() != check(p)) {
                return null;
            }
        }
        String s = new String(p, StandardCharsets.UTF_8);
        String[] f = s.split("\\|", -1);
        return f.length == fields && f[0].equals(tag) && !f[1].isEmpty() ? f : null;
    }

    private long check(byte[] payload) {
        long h = key;
        for (byte b : payload) {
            h = AshbyIds.mix(h ^ (b & 0xFF));
        }
        return h;
    }
}
