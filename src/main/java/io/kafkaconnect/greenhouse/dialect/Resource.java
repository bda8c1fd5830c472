package io.kafkaconnect.greenhouse.dialect;

import io.kafkaconnect.greenhouse.schema.StructSpec;

/**
 * One list endpoint of an API dialect: what it is called, where it lives, how its changes are found and
 * what its records look like.
 *
 * @param name        the resource name users select and topics are named after
 * @param path        the endpoint path below the dialect's root, e.g. {@code candidates}
 * @param mode        how changes are found
 * @param cursorField the JSON field holding a record's change time (null for snapshots)
 * @param lowerParam  the query parameter for the inclusive lower bound (null for snapshots)
 * @param upperParam  the query parameter for the exclusive upper bound (null unless {@link SyncMode#INCREMENTAL})
 * @param keyField    the JSON field identifying a record (an integer)
 * @param schemaName  the full Connect schema name of a record
 * @param schema      the declared shape of a record
 */
public record Resource(String name, String path, SyncMode mode, String cursorField, String lowerParam,
                       String upperParam, String keyField, String schemaName, StructSpec schema) {

    public static Resource incremental(String name, String path, String cursorField, String lowerParam,
                                       String upperParam, String schemaName, StructSpec schema) {
        return new Resource(name, path, SyncMode.INCREMENTAL, cursorField, lowerParam, upperParam, "id", schemaName,
                schema);
    }

    public static Resource lowerBoundOnly(String name, String path, String cursorField, String lowerParam,
                                          String schemaName, StructSpec schema) {
        return new Resource(name, path, SyncMode.INCREMENTAL_LOWER_BOUND_ONLY, cursorField, lowerParam, null, "id",
                schemaName, schema);
    }

    public static Resource snapshot(String name, String path, String schemaName, StructSpec schema) {
        return new Resource(name, path, SyncMode.SNAPSHOT, null, null, null, "id", schemaName, schema);
    }
}
