package io.kafkaconnect.greenhouse.simulator.core;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal HTTP/1.1 server (keep-alive, Content-Length and chunked request bodies, one pooled thread per
 * connection).
 *
 * <p>Why not {@code com.sun.net.httpserver.HttpServer}: the JDK server overwrites the {@code Date} response
 * header with the machine clock on every response, so it cannot serve a skewed server clock; it also cannot
 * reset a connection (RST) or send a deliberately short body. This class can do all three.
 */
public final class HttpServerCore implements Closeable {

    /** Handles one request; must answer with exactly one of {@link Exchange}'s send methods. */
    public interface Handler {
        void handle(Exchange exchange) throws IOException;
    }

    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_BODY = 8 * 1024 * 1024;

    private final ServerSocket serverSocket;
    private final String threadPrefix;
    private final Handler handler;
    private final ThreadPoolExecutor pool;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final int idleTimeoutMillis;
    private volatile boolean closed;
    private Thread acceptor;

    /** {@code threadPrefix} names the accept and connection threads ({@code <prefix>-http-<n>}). */
    public HttpServerCore(String host, int port, int maxThreads, Duration idleTimeout, Handler handler,
            String threadPrefix) throws IOException {
        this.handler = handler;
        this.threadPrefix = threadPrefix;
        this.idleTimeoutMillis = (int) Math.max(1, idleTimeout.toMillis());
        this.serverSocket = new ServerSocket();
        this.serverSocket.setReuseAddress(true);
        this.serverSocket.bind(new InetSocketAddress(InetAddress.getByName(host), port), 256);
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(0, maxThreads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, threadPrefix + "-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public void start() {
        acceptor = new Thread(this::acceptLoop, threadPrefix + "-accept-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            open.add(socket);
            try {
                pool.execute(() -> serve(socket));
            } catch (RejectedExecutionException e) {
                closeQuietly(socket);
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(idleTimeoutMillis);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            while (!closed) {
                Exchange exchange = readRequest(socket, in, out);
                if (exchange == null) {
                    return;
                }
                try {
                    handler.handle(exchange);
                } catch (RuntimeException e) {
                    if (!exchange.answered) {
                        exchange.send(500, Map.of("Content-Type", "application/json; charset=utf-8"),
                                "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
                    }
                }
                if (!exchange.answered) {
                    return;
                }
                if (exchange.closeAfter) {
                    return;
                }
            }
        } catch (SocketTimeoutException | SocketException e) {
            // idle keep-alive connection, client went away, or deliberate reset
        } catch (IOException e) {
            // malformed request or broken pipe: drop the connection
        } finally {
            open.remove(socket);
        }
    }

    private Exchange readRequest(Socket socket, InputStream in, OutputStream out) throws IOException {
        String requestLine = readLine(in);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = readLine(in); // tolerate stray CRLF between requests
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3) {
            throw new IOException("bad request line");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String line;
        while ((line = readLine(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("bad header");
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            headers.merge(name, value, (a, b) -> a + ", " + b);
        }
        if (line == null) {
            return null;
        }
        String version = parts[2];
        boolean keepAlive = version.equals("HTTP/1.1")
                && !headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT).contains("close");
        if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        byte[] body = readBody(in, headers);
        String target = parts[1];
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String rawQuery = q < 0 ? null : target.substring(q + 1);
        return new Exchange(socket, out, parts[0].toUpperCase(Locale.ROOT), path, rawQuery, headers, body, !keepAlive);
    }

    private static byte[] readBody(InputStream in, Map<String, String> headers) throws IOException {
        String te = headers.get("transfer-encoding");
        if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine(in);
                if (sizeLine == null) {
                    throw new IOException("eof in chunked body");
                }
                int semi = sizeLine.indexOf(';');
                int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
                if (size == 0) {
                    String trailer;
                    while ((trailer = readLine(in)) != null && !trailer.isEmpty()) {
                        // ignore trailers
                    }
                    return body.toByteArray();
                }
                if (body.size() + size > MAX_BODY) {
                    throw new IOException("body too large");
                }
                body.write(in.readNBytes(size));
                readLine(in);
            }
        }
        String cl = headers.get("content-length");
        if (cl == null) {
            return new byte[0];
        }
        long len = Long.parseLong(cl.trim());
        if (len < 0 || len > MAX_BODY) {
            throw new IOException("bad content-length");
        }
        byte[] body = in.readNBytes((int) len);
        if (body.length != len) {
            throw new IOException("eof in body");
        }
        return body;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int n = sb.length();
                if (n > 0 && sb.charAt(n - 1) == '\r') {
                    sb.setLength(n - 1);
                }
                return sb.toString();
            }
            if (sb.length() >= MAX_LINE) {
                throw new IOException("line too long");
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(serverSocket);
        for (Socket s : List.copyOf(open)) {
            closeQuietly(s);
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** One request and the means to answer it exactly once. */
    public static final class Exchange {
        public final String method;
        public final String path;
        public final String rawQuery;
        /** Request headers, names lower-cased; repeated headers joined with ", ". */
        public final Map<String, String> headers;
        public final byte[] body;
        private final Socket socket;
        private final OutputStream out;
        private boolean closeAfter;
        private boolean answered;

        Exchange(Socket socket, OutputStream out, String method, String path, String rawQuery,
                Map<String, String> headers, byte[] body, boolean closeAfter) {
            this.socket = socket;
            this.out = out;
            this.method = method;
            this.path = path;
            this.rawQuery = rawQuery;
            this.headers = headers;
            this.body = body;
            this.closeAfter = closeAfter;
        }

        /** host:port of the local end of the connection (used when a request has no Host header). */
        public String localAuthority() {
            return socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
        }

        /** The port of the local end of the connection. */
        public int localPort() {
            return socket.getLocalPort();
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** A complete response with a matching Content-Length. */
        public void send(int status, Map<String, String> responseHeaders, byte[] responseBody) throws IOException {
            write(status, responseHeaders, responseBody, responseBody.length, false);
        }

        /**
         * A response whose body is cut short: Content-Length says {@code declaredLength} but only
         * {@code partialBody} is sent, then the connection is closed. Use declaredLength = partialBody.length
         * for a well-framed but truncated document.
         */
        public void sendTruncated(int status, Map<String, String> responseHeaders, byte[] partialBody, long declaredLength)
                throws IOException {
            write(status, responseHeaders, partialBody, declaredLength, true);
        }

        /** Close the TCP connection with a RST and no response at all. */
        public void reset() {
            answered = true;
            closeAfter = true;
            try {
                socket.setSoLinger(true, 0);
            } catch (SocketException ignored) {
                // best effort: a plain close still ends the exchange without a response
            }
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }

        private void write(int status, Map<String, String> responseHeaders, byte[] responseBody, long declared,
                boolean closeConnection) throws IOException {
            if (answered) {
                throw new IllegalStateException("already answered");
            }
            answered = true;
            if (closeConnection) {
                closeAfter = true;
            }
            StringBuilder head = new StringBuilder(256);
            head.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
            for (Map.Entry<String, String> h : responseHeaders.entrySet()) {
                head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
            }
            head.append("Content-Length: ").append(declared).append("\r\n");
            if (closeAfter) {
                head.append("Connection: close\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (!"HEAD".equals(method)) {
                out.write(responseBody);
            }
            out.flush();
            if (closeConnection) {
                socket.shutdownOutput();
            }
        }
    }

    public static String reason(int status) {
        switch (status) {
            case 200: return "OK";
            case 201: return "Created";
            case 204: return "No Content";
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 409: return "Conflict";
            case 410: return "Gone";
            case 422: return "Unprocessable Content";
            case 429: return "Too Many Requests";
            case 500: return "Internal Server Error";
            case 502: return "Bad Gateway";
            case 503: return "Service Unavailable";
            case 504: return "Gateway Timeout";
            default: return "Status " + status;
        }
    }
}
