package io.kafkaconnect.greenhouse.dialect;

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
     * List-like endpoints of this API that are not offered as resources, with the reason (for the docs).
     * Endpoints that fetch one record by its id are not listed.
     */
    default List<OmittedEndpoint> omittedEndpoints() {
        return List.of();
    }

    /** The first page of {@code window} for {@code resource}. */
    HttpUrl firstPage(HttpUrl baseUrl, Resource resource, Window window, int pageSize);
}
