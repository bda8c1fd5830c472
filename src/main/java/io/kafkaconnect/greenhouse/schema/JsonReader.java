package io.kafkaconnect.greenhouse.schema;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads one JSON value (never null and never a JSON null: callers handle absence) into a Connect value. */
@FunctionalInterface
public interface JsonReader {
    Object read(JsonNode node, ReadContext context, String path);
}
