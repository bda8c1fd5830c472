package io.kafkaconnect.greenhouse.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** Reads one JSON value with a compiled type, as the property {@code path} of a record, for tests. */
public final class JsonValues {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonValues() {
    }

    public static Object read(TypeSpec.Compiled type, ReadContext context, String json, String path)
            throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            parser.nextToken();
            context.enter(path);
            try {
                return type.reader().read(parser, context);
            } finally {
                context.leave();
            }
        }
    }
}
