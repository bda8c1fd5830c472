package io.kafkaconnect.greenhouse.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads at most {@code cap} bytes of a stream and fails on the byte after them, so a huge body is never buffered. */
final class CappedInputStream extends FilterInputStream {
    /** The body holds more than the cap. */
    static final class CapExceededException extends IOException {
        private static final long serialVersionUID = 1L;

        CapExceededException(long cap) {
            super("the answer is larger than " + cap + " bytes");
        }
    }

    private final long cap;
    private long read;

    CappedInputStream(InputStream in, long cap) {
        super(in);
        this.cap = cap;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        // ask for one byte more than the cap allows at most, so that a body of exactly the cap still ends normally
        int n = super.read(buffer, offset, (int) Math.min(length, Math.max(1, cap - read + 1)));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, Math.max(1, cap - read + 1)));
        count(skipped);
        return skipped;
    }

    private void count(long n) throws CapExceededException {
        read += n;
        if (read > cap) {
            throw new CapExceededException(cap);
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
