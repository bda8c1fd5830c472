package io.kafkaconnect.greenhouse.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.dialect.Dialect;
import io.kafkaconnect.greenhouse.dialect.OmittedEndpoint;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.TokenDialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every list endpoint the project's API references document (taken from them into
 * {@code src/test/resources/reference-endpoints/<version>.txt}) is a resource or an endpoint left out with its
 * reason, so docs/resources.md (which lists both, {@link ResourceDocsTest}) accounts for every one.
 */
class EndpointCoverageTest {
    private static final Path LISTS = Path.of("src/test/resources/reference-endpoints");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.kafkaconnect.greenhouse.dialect.DialectResource#dialects")
    void everyDocumentedListEndpointIsAResourceOrLeftOutWithAReason(Dialect dialect) throws IOException {
        Set<String> documented = documented(dialect);
        Set<String> resources = dialect.resources().stream().map(r -> endpoint(dialect, r))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> omitted = dialect.omittedEndpoints().stream().flatMap(e -> endpoints(dialect, e).stream())
                .collect(Collectors.toCollection(TreeSet::new));

        Set<String> uncovered = new TreeSet<>(documented);
        uncovered.removeAll(resources);
        uncovered.removeAll(omitted);
        assertThat(uncovered).as("%s endpoints of the reference that are neither a resource nor an omitted endpoint",
                dialect.version()).isEmpty();
        Set<String> both = new TreeSet<>(resources);
        both.retainAll(omitted);
        assertThat(both).as("%s endpoints that are a resource and omitted", dialect.version()).isEmpty();
        dialect.omittedEndpoints().forEach(e -> assertThat(e.reason()).as(e.endpoint()).isNotBlank());
    }

    /** The reference's list endpoints of a dialect, in the form {@link #endpoint} gives. */
    private static Set<String> documented(Dialect dialect) throws IOException {
        return Files.readAllLines(LISTS.resolve(dialect.version() + ".txt")).stream().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> normalized(dialect, l))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** {@code GET /v3/jobs} for Harvest, the bare method {@code candidate.list} for Ashby. */
    private static String endpoint(Dialect dialect, Resource r) {
        return normalized(dialect, dialect instanceof TokenDialect ? r.path() : "GET /" + dialect.version() + "/"
                + r.path());
    }

    /** An omitted entry may name several endpoints, comma-separated. */
    private static List<String> endpoints(Dialect dialect, OmittedEndpoint e) {
        return Arrays.stream(e.endpoint().split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> normalized(dialect, s)).toList();
    }

    /** Path parameters as {@code {}}; Ashby methods without {@code POST /}. */
    private static String normalized(Dialect dialect, String endpoint) {
        String e = endpoint.replaceAll("\\{[^}]*}", "{}");
        return dialect instanceof TokenDialect ? e.replaceFirst("^POST /", "") : e;
    }
}
