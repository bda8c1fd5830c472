package io.kafkaconnect.greenhouse.ashby;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.greenhouse.dialect.ExampleRecords;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.schema.StructSpec;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Ashby dialect's resources, with their hand-written examples from
 * {@code src/test/resources/ashby-examples/<resource>.json}.
 */
final class AshbyExamples {
    private AshbyExamples() {
    }

    /** One resource of the dialect, as these tests look at it: name, schema and change-time field. */
    record Shape(Resource resource) {
        String name() {
            return resource.name();
        }

        String schemaName() {
            return resource.schemaName();
        }

        StructSpec schema() {
            return resource.schema();
        }

        /** The record timestamp's field, or null. */
        String changeField() {
            return resource.cursorField();
        }

        @Override
        public String toString() {
            return name();
        }
    }

    static Stream<Shape> shapes() {
        return AshbyDialect.INSTANCE.resources().stream().map(Shape::new);
    }

    static Shape shape(String name) {
        return shapes().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    static List<JsonNode> of(String resource) {
        return ExampleRecords.of("ashby", resource);
    }
}
