package io.kafkaconnect.greenhouse.dialect;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * What differs between API generations: the resources, and how the first request of a window is built.
 * Everything after the first request (following {@code next} links, retries, offsets) is generic.
 */
public interface Dialect {

    /** The API generation, e.g. {@code v1}; part of every source partition. */
    String version();

    List<Resource> resources();

    default Optional<Resource> resource(String name) {
        return resources().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /**
     * The resources read when the user names none: all of them unless the dialect keeps some opt-in (e.g. Harvest
     * v3's EEOC and demographic data, which must be named explicitly).
     */
    default List<Resource> defaultResources() {
        return resources();
    }

    /**
     * List-like endpoints of this API that are not offered as resources, with the reason (for the docs).
     * Endpoints that fetch one record by its id are not listed.
     */
    default List<OmittedEndpoint> omittedEndpoints() {
        return List.of();
    }

    /** The length of the API's rate-limit window (Harvest v1: 10 s), over which X-RateLimit-Limit applies. */
    default Duration rateLimitWindow() {
        return Duration.ofSeconds(10);
    }

    /** The first page of {@code window} for {@code resource}. */
    HttpUrl firstPage(HttpUrl baseUrl, Resource resource, Window window, int pageSize);
}
