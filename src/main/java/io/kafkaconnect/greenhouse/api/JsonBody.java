package io.kafkaconnect.greenhouse.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.kafkaconnect.greenhouse.util.ContentHash;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The body of a successful answer, read whole (within {@code fetch.max.response.bytes}) and parsed with Jackson's
 * streaming parser: pages are read record by record, without a tree of the answer.
 *
 * <p>It is kept in chunks of {@value #CHUNK} bytes: a page of 500 candidates is about a megabyte, and one array of
 * that size is a "humongous" object to G1 (half a region or more; regions are 1 MiB in heaps under 2 GiB), which
 * is allocated outside the young generation and, allocated for every page, starts collections and marking cycles
 * of its own.
 */
public final class JsonBody {
    static final int CHUNK = 256 * 1024;

    private final JsonFactory factory;
    /** Each full but the last; chunk {@code i} holds the bytes from {@code i * CHUNK}. */
    private final byte[][] chunks;
    private final int length;

    private JsonBody(JsonFactory factory, byte[][] chunks, int length) {
        this.factory = factory;
        this.chunks = chunks;
        this.length = length;
    }

    /** A body for tests and callers that hold the text. */
    public static JsonBody of(JsonFactory factory, byte[] bytes) {
        return new JsonBody(factory, new byte[][] {bytes}, bytes.length);
    }

    /**
     * Reads {@code in} to its end, or to {@code length} bytes if that is not negative.
     *
     * @throws IOException if the stream ends before {@code length} bytes
     */
    static JsonBody read(JsonFactory factory, InputStream in, long length) throws IOException {
        List<byte[]> chunks = new ArrayList<>();
        long total = 0;
        while (length < 0 || total < length) {
            byte[] chunk = new byte[(int) (length < 0 ? CHUNK : Math.min(CHUNK, length - total))];
            int n = in.readNBytes(chunk, 0, chunk.length);
            total += n;
            if (n < chunk.length) {
                if (length >= 0) {
                    throw new IOException("the body ended before its Content-Length");
                }
                chunks.add(Arrays.copyOf(chunk, n));
                break;
            }
            chunks.add(chunk);
        }
        return new JsonBody(factory, chunks.toArray(new byte[0][]), (int) total);
    }

    /**
     * A new parser of the body, on its first token.
     *
     * @throws TransientReplyException if the body is empty
     */
    public JsonParser parser() throws IOException {
        JsonParser parser = chunks.length == 1 ? factory.createParser(chunks[0], 0, length)
                : factory.createParser(new ChunksInputStream());
        if (parser.nextToken() == null) {
            parser.close();
            throw new TransientReplyException("an empty body");
        }
        return parser;
    }

    /** {@link ContentHash#of(byte[], int, int)} of the body's bytes {@code [from, to)}. */
    public long digest(int from, int to) {
        if (chunks.length == 1) {
            return ContentHash.of(chunks[0], from, to);
        }
        int first = from / CHUNK;
        if (to <= from || first == (to - 1) / CHUNK) {
            int base = first * CHUNK;
            return ContentHash.of(chunks[Math.min(first, chunks.length - 1)], from - base, Math.max(from, to) - base);
        }
        byte[] range = new byte[to - from]; // a record across two chunks: one in about a chunk's worth
        for (int at = from; at < to; ) {
            int chunk = at / CHUNK;
            int offset = at - chunk * CHUNK;
            int n = Math.min(to - at, chunks[chunk].length - offset);
            System.arraycopy(chunks[chunk], offset, range, at - from, n);
            at += n;
        }
        return ContentHash.of(range, 0, range.length);
    }

    /** The chunks, one after the other. */
    private final class ChunksInputStream extends InputStream {
        private int chunk;
        private int offset;

        @Override
        public int read() {
            byte[] b = new byte[1];
            return read(b, 0, 1) < 0 ? -1 : b[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            while (chunk < chunks.length && offset == chunks[chunk].length) {
                chunk++;
                offset = 0;
            }
            if (chunk == chunks.length) {
                return -1;
            }
            int n = Math.min(len, chunks[chunk].length - offset);
            System.arraycopy(chunks[chunk], offset, b, off, n);
            offset += n;
            return n;
        }
    }
}
