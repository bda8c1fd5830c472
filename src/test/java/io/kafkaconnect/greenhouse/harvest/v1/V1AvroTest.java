package io.kafkaconnect.greenhouse.harvest.v1;

import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.schema.AvroRoundTrip;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every v1 resource's schemas and example records survive the Avro converter (see {@link AvroRoundTrip}). */
class V1AvroTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.kafkaconnect.greenhouse.harvest.v1.V1Examples#resources")
    void schemaAndExamplesRoundTripThroughAvro(Resource r) {
        AvroRoundTrip.check(r, "v1", V1Examples.of(r.name()));
    }
}
