package io.kafkaconnect.greenhouse.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.schema.AvroRoundTrip;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The schemas of every dialect's resources: named after their key and API, unique, and fit for Avro. */
class ResourceSchemasTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.kafkaconnect.greenhouse.dialect.DialectResource#dialects")
    void everySchemaNamesItsRecordsByTheKeyFieldAndHasAUniqueName(Dialect dialect) {
        for (Resource r : dialect.resources()) {
            assertThat(r.schema().idField()).as(r.name()).isEqualTo(r.keyField());
            assertThat(r.schema().fields()).as(r.name()).containsKey(r.keyField());
            if (r.cursorField() != null) {
                assertThat(r.schema().fields()).as(r.name()).containsKey(r.cursorField());
            }
            assertThat(r.schemaName()).as(r.name()).startsWith("io.kafkaconnect.greenhouse." + dialect.version() + ".");
            for (Resource other : dialect.resources()) {
                assertThat(r.schemaName().equals(other.schemaName()))
                        .as("%s and %s share a schema exactly when they read the same endpoint", r.name(), other.name())
                        .isEqualTo(r.path().equals(other.path()));
            }
        }
    }

    /** See {@link AvroRoundTrip}. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.kafkaconnect.greenhouse.dialect.DialectResource#all")
    void schemaAndExamplesRoundTripThroughAvro(DialectResource c) {
        AvroRoundTrip.check(c.resource(), c.version(), c.examples());
    }
}
