package io.kafkaconnect.greenhouse.sync;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Identifies one resource of one API account in Connect's offset storage. The API version and host are
 * part of it, so a connector pointed at another account or API generation never resumes a stranger's
 * position.
 */
public record SourcePartition(String api, String host, String resource) {
    public static final String PROTOCOL = "1";

    static final String API = "api";
    static final String HOST = "host";
    static final String RESOURCE = "resource";
    static final String PROTOCOL_KEY = "protocol";

    public static SourcePartition of(String api, HttpUrl baseUrl, String resource) {
        return new SourcePartition(api, hostOf(baseUrl), resource);
    }

    /** The host, with the port when it is not the scheme's default. */
    public static String hostOf(HttpUrl url) {
        return url.port() == HttpUrl.defaultPort(url.scheme()) ? url.host() : url.host() + ":" + url.port();
    }

    /**
     * A HashMap on purpose: Connect stores offsets under the partition map serialized in its iteration order,
     * and a partition written through the REST offsets API is read back from JSON into a HashMap. Only the
     * same iteration order makes both the same key, so that offsets a user alters are the ones the task reads.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new HashMap<>();
        map.put(API, api);
        map.put(HOST, host);
        map.put(RESOURCE, resource);
        map.put(PROTOCOL_KEY, PROTOCOL);
        return map;
    }

    /** Reads a partition map; empty if it is not one of ours (another protocol, missing keys). */
    public static Optional<SourcePartition> fromMap(Map<String, ?> map) {
        if (map == null || !PROTOCOL.equals(String.valueOf(map.get(PROTOCOL_KEY)))) {
            return Optional.empty();
        }
        Object api = map.get(API);
        Object host = map.get(HOST);
        Object resource = map.get(RESOURCE);
        if (!(api instanceof String a) || !(host instanceof String h) || !(resource instanceof String r)) {
            return Optional.empty();
        }
        return Optional.of(new SourcePartition(a, h, r));
    }
}
