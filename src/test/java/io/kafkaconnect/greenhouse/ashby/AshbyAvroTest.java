package io.kafkaconnect.greenhouse.ashby;

import io.kafkaconnect.greenhouse.schema.AvroRoundTrip;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Ashby schema and its example records survive the Avro converter (see {@link AvroRoundTrip}). */
class AshbyAvroTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.kafkaconnect.greenhouse.ashby.AshbyExamples#shapes")
    void schemaAndExamplesRoundTripThroughAvro(AshbyExamples.Shape shape) {
        AvroRoundTrip.check(shape.resource(), "ashby", AshbyExamples.of(shape.name()));
    }
}
