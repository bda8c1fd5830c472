package io.kafkaconnect.greenhouse.simulator.ashby;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Deterministic, random-looking version-4 UUIDs that encode where they come from, so no id table is needed: a
 * 64-bit key {@code code << 56 | sub << 32 | index} (resource code, a sub-number such as a history entry's
 * position, the record's index) goes through a seeded bijection (the splitmix64 finalizer) whose 64 bits fill the
 * UUID's free bits; the rest is a check value. {@link #decode} inverts it and rejects ids the simulator never made.
 */
final class AshbyIds {
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final long C1 = 0xbf58476d1ce4e5b9L;
    private static final long C2 = 0x94d049bb133111ebL;
    private static final long C1_INV = inverse(C1);
    private static final long C2_INV = inverse(C2);
    private static final long CHECK_MASK = (1L << 58) - 1;

    /** What an id encodes. */
    record Key(int code, int sub, int index) {
    }

    private final long key;
    private final long checkKey;

    AshbyIds(long seed) {
        this.key = mix(seed ^ 0x4153484259534dL);
        this.checkKey = mix(seed + 0x5EEDL);
    }

    String id(int code, int sub, int index) {
        if (code < 0 || code > 255 || sub < 0 || sub >= 1 << 24 || index < 0) {
            throw new IllegalArgumentException("id out of range: " + code + "/" + sub + "/" + index);
        }
        long x = ((long) code << 56) | ((long) sub << 32) | (index & 0xFFFFFFFFL);
        long y = mix(x ^ key);
        long msb = (y & 0xFFFFFFFFFFFF0000L) | 0x4000L | (y & 0xFFFL);
        long lsb = 0x8000000000000000L | (((y >>> 12) & 0xFL) << 58) | (mix(y ^ checkKey) & CHECK_MASK);
        return new UUID(msb, lsb).toString();
    }

    /** The key behind an id this simulator generated, or null for anything else (including non-UUID text). */
    Key decode(String id) {
        if (id == null || !UUID_TEXT.matcher(id).matches()) {
            return null;
        }
        UUID u = UUID.fromString(id);
        long msb = u.getMostSignificantBits();
        long lsb = u.getLeastSignificantBits();
        if ((msb & 0xF000L) != 0x4000L || (lsb >>> 62) != 2) {
            return null;
        }
        long y = (msb & 0xFFFFFFFFFFFF0000L) | (msb & 0xFFFL) | (((lsb >>> 58) & 0xFL) << 12);
        if ((mix(y ^ checkKey) & CHECK_MASK) != (lsb & CHECK_MASK)) {
            return null;
        }
        long x = unmix(y) ^ key;
        return new Key((int) (x >>> 56), (int) ((x >>> 32) & 0xFFFFFF), (int) (x & 0xFFFFFFFFL));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * C1;
        z = (z ^ (z >>> 27)) * C2;
        return z ^ (z >>> 31);
    }

    static long unmix(long z) {
        z = unshift(z, 31);
        z *= C2_INV;
        z = unshift(z, 27);
        z *= C1_INV;
        return unshift(z, 30);
    }

    /** Inverse of {@code z ^ (z >>> s)}. */
    private static long unshift(long z, int s) {
        long r = z;
        for (int i = 0; i * s < 64; i++) {
            r = z ^ (r >>> s);
        }
        return r;
    }

    /** Multiplicative inverse of an odd number modulo 2^64 (Newton's iteration). */
    private static long inverse(long odd) {
        long inv = odd;
        for (int i = 0; i < 6; i++) {
            inv *= 2 - odd * inv;
        }
        return inv;
    }
}
