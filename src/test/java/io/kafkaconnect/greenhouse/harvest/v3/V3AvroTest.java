package io.kafkaconnect.greenhouse.harvest.v3;

import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.schema.AvroRoundTrip;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every v3 resource's schemas and example records survive the Avro converter (see {@link AvroRoundTrip}). */
class V3AvroTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.kafkaconnect.greenhouse.harvest.v3.V3Examples#resources")
    void schemaAndExamplesRoundTripThroughAvro(Resource r) {
        AvroRoundTrip.check(r, "v3", V3Examples.of(r.name()));
    }
}
