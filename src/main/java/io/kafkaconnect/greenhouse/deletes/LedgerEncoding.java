package io.kafkaconnect.greenhouse.deletes;

import io.kafkaconnect.greenhouse.sync.IdSet;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * How a part of a ledger holds its ids in an offset (Connect offsets hold primitives only): one base64 string.
 * Integer ids ascending as variable-length numbers, the first one as it is (zig-zag), each further one as its
 * difference to the one before (about 2 to 3 bytes an id where ids are dense). String ids each as a tag byte and
 * then: 0, a canonical UUID's 16 bytes; 1, any other string's UTF-8 length (variable-length) and bytes.
 */
final class LedgerEncoding {
    private LedgerEncoding() {
    }

    /** @param sorted ascending ids of {@code kind} (see {@link IdSet#sorted()}) */
    static String encode(List<Object> sorted, IdSet.Kind kind) {
        if (kind == IdSet.Kind.STRING) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(17 * sorted.size());
            for (Object id : sorted) {
                String text = (String) id;
                UUID uuid = IdSet.canonicalUuid(text);
                if (uuid != null) {
                    out.write(0);
                    out.writeBytes(ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                            .putLong(uuid.getLeastSignificantBits()).array());
                } else {
                    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                    out.write(1);
                    writeVarint(out, utf8.length);
                    out.writeBytes(utf8);
                }
            }
            return Base64.getEncoder().encodeToString(out.toByteArray());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(3 * sorted.size());
        long previous = 0;
        for (int i = 0; i < sorted.size(); i++) {
            long id = (Long) sorted.get(i);
            if (i == 0) {
                writeVarint(out, (id << 1) ^ (id >> 63));
            } else {
                if (id <= previous) {
                    throw new IllegalArgumentException("ids must be ascending and distinct: " + id + " after " + previous);
                }
                writeVarint(out, id - previous);
            }
            previous = id;
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /**
     * Hands each id of {@code encoded} to {@code ids}.
     *
     * @throws IllegalArgumentException if it is not what {@link #encode} writes
     */
    static void decode(String encoded, IdSet.Kind kind, Consumer<Object> ids) {
        byte[] bytes = Base64.getDecoder().decode(encoded);
        int[] at = {0};
        if (kind == IdSet.Kind.STRING) {
            while (at[0] < bytes.length) {
                int tag = bytes[at[0]++];
                int length = tag == 0 ? 16 : tag == 1 ? (int) readVarint(bytes, at) : -1;
                if (length < 0 || at[0] + length > bytes.length) {
                    throw new IllegalArgumentException(length < 0 ? "an id's tag is " + tag + ", not 0 or 1"
                            : "an id is cut off at the end");
                }
                ByteBuffer buffer = ByteBuffer.wrap(bytes, at[0], length);
                ids.accept(tag == 0 ? new UUID(buffer.getLong(), buffer.getLong()).toString()
                        : new String(bytes, at[0], length, StandardCharsets.UTF_8));
                at[0] += length;
            }
            return;
        }
        long previous = 0;
        boolean first = true;
        while (at[0] < bytes.length) {
            long value = readVarint(bytes, at);
            long id = first ? (value >>> 1) ^ -(value & 1) : previous + value;
            if (!first && value <= 0) {
                throw new IllegalArgumentException("ids must be ascending: a difference of " + value);
            }
            ids.accept(id);
            previous = id;
            first = false;
        }
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static long readVarint(byte[] bytes, int[] at) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at[0] >= bytes.length) {
                throw new IllegalArgumentException("a number is cut off at the end");
            }
            byte b = bytes[at[0]++];
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("a number is longer than 64 bits");
    }
}
