package io.kafkaconnect.greenhouse.deletes;

import io.kafkaconnect.greenhouse.sync.IdSet;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * How a part of a ledger holds its ids in an offset (Connect offsets hold primitives only): one base64 string.
 * Integer ids ascending as variable-length numbers, the first one as it is (zig-zag), each further one as its
 * difference to the one before (about 2 to 3 bytes an id where ids are dense); UUIDs as their 16 bytes each.
 */
final class LedgerEncoding {
    private LedgerEncoding() {
    }

    /** @param sorted ascending ids of {@code kind} (see {@link IdSet#sorted()}) */
    static String encode(List<Object> sorted, IdSet.Kind kind) {
        if (kind == IdSet.Kind.UUID) {
            ByteBuffer bytes = ByteBuffer.allocate(16 * sorted.size());
            for (Object id : sorted) {
                UUID uuid = IdSet.uuid(id);
                bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            }
            return Base64.getEncoder().encodeToString(bytes.array());
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
        if (kind == IdSet.Kind.UUID) {
            if (bytes.length % 16 != 0) {
                throw new IllegalArgumentException("UUID ids take 16 bytes each, not " + bytes.length + " in all");
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                ids.accept(new UUID(buffer.getLong(), buffer.getLong()).toString());
            }
            return;
        }
        int[] at = {0};
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
