package io.kafkaconnect.greenhouse.dialect;

import io.kafkaconnect.greenhouse.api.PageRequest;
import io.kafkaconnect.greenhouse.api.Protocol;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * What differs between APIs: the resources, how requests are built and answers framed. Everything else (paging
 * loops, retries, the rate budget, offsets, schemas) is the engine's. A dialect is either a {@link WindowDialect}
 * (lists filtered by change-time windows, paged with links: e.g. Harvest) or a {@link TokenDialect} (cursor paging with
 * sync-token deltas: e.g. Ashby).
 */
public sealed interface Dialect permits WindowDialect, TokenDialect {

    /**
     * The result of the function for the dialect's paging model: {@code windows} for a {@link WindowDialect},
     * {@code tokens} for a {@link TokenDialect}.
     */
    <T> T paging(Function<WindowDialect, T> windows, Function<TokenDialect, T> tokens);

    /** The API and its generation, e.g. {@code v1} or {@code ashby}; part of every source partition. */
    String version();

    /** How answers frame pages and errors. */
    Protocol protocol();

    /** A cheap request that needs the same permission as reading {@code resource} (for validation). */
    PageRequest probe(HttpUrl baseUrl, Resource resource);

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
     * Resource names an earlier version offered and this one does not: name → what to use instead (for the error a
     * configuration naming one gets; a retired name is never silently dropped).
     */
    default Map<String, String> retiredResources() {
        return Map.of();
    }

    /**
     * List-like endpoints of this API that are not offered as resources, with the reason (for the docs).
     * Endpoints that fetch one record by its id are not listed.
     */
    default List<OmittedEndpoint> omittedEndpoints() {
        return List.of();
    }

    /** The length of the API's rate-limit window (e.g. Harvest v1: 10 s), over which X-RateLimit-Limit applies. */
    default Duration rateLimitWindow() {
        return Duration.ofSeconds(10);
    }

    /**
     * The documented requests per {@link #rateLimitWindow()}, for APIs that send no X-RateLimit-Limit header (the
     * header wins when there is one); empty when the API announces its limit in headers.
     */
    default OptionalInt documentedRateLimit() {
        return OptionalInt.empty();
    }
}
