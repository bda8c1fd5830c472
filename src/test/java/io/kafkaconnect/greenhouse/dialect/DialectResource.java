package io.kafkaconnect.greenhouse.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.greenhouse.schema.UnknownFieldLog;
import io.kafkaconnect.greenhouse.sync.SourcePartition;
import io.kafkaconnect.greenhouse.sync.SourceRecordFactory;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * One resource of one dialect (Harvest v1, v3, Ashby), as the tests that check every resource of every dialect
 * take it: {@code @MethodSource("io.kafkaconnect.greenhouse.dialect.DialectResource#all")}.
 */
public record DialectResource(Dialect dialect, Resource resource) {

    /** Every dialect, named by its version: {@code @MethodSource("...DialectResource#dialects")}. */
    public static Stream<Named<Dialect>> dialects() {
        return AllDialects.list().stream().map(d -> Named.of(d.version(), d));
    }

    /** Every resource of every dialect. */
    public static Stream<DialectResource> all() {
        return AllDialects.list().stream().flatMap(d -> d.resources().stream().map(r -> new DialectResource(d, r)));
    }

    public static DialectResource of(String version, String resource) {
        return all().filter(c -> c.version().equals(version) && c.name().equals(resource)).findFirst().orElseThrow();
    }

    public String version() {
        return dialect.version();
    }

    public String name() {
        return resource.name();
    }

    /** The resource's example objects (see {@link ExampleRecords}). */
    public List<JsonNode> examples() {
        return ExampleRecords.of(version(), name());
    }

    /** The converter the sync uses for this resource. */
    public SourceRecordFactory maker(UnknownFieldLog unknown) {
        return new SourceRecordFactory(resource, "t." + name(), new SourcePartition(version(), "api.example.com", name()),
                unknown);
    }

    @Override
    public String toString() {
        return version() + "/" + name();
    }
}
