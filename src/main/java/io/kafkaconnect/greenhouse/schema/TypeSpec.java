package io.kafkaconnect.greenhouse.schema;

import org.apache.kafka.connect.data.Schema;

/**
 * The declared shape of a JSON value. Compiling it yields the Connect schema and the reader that turns
 * JSON into values of that schema; both come from one declaration, so they cannot drift apart.
 */
public interface TypeSpec {

    /** @param name the full schema name to give a struct at this position (ignored by non-structs) */
    Compiled compile(String name);

    /** A Connect schema together with the reader of JSON values for it. */
    record Compiled(Schema schema, JsonReader reader) {
    }
}
