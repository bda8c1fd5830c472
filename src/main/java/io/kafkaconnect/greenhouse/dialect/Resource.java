package io.kafkaconnect.greenhouse.dialect;

import io.kafkaconnect.greenhouse.schema.StructSpec;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One list endpoint of an API dialect: what it is called, where it lives, how its changes are found and
 * what its records look like. The static factories give the common shape (key {@code id}, classic paging,
 * no fixed parameters); the {@code with...} methods adjust it.
 *
 * @param name        the resource name users select and topics are named after
 * @param path        the endpoint path below the dialect's root, e.g. {@code candidates} or {@code tags/candidate}
 * @param mode        how changes are found
 * @param cursorField the JSON field holding a record's change time (null for snapshots)
 * @param lowerParam  the query parameter for the inclusive lower bound (null for snapshots)
 * @param upperParam  the query parameter for the upper bound (null unless {@link SyncMode#INCREMENTAL});
 *                    exclusive on most endpoints, see {@code notes} for exceptions
 * @param keyField    the JSON field identifying a record (an integer id in Harvest, a UUID string in Ashby)
 * @param schemaName  the full Connect schema name of a record
 * @param schema      the declared shape of a record
 * @param paging      the documented paging style (for the docs; the sync follows the links it gets)
 * @param fixedParams query parameters every first request carries, e.g. {@code user_attributes=true}
 *                    (sorted by name, so URLs are deterministic)
 * @param notes       caveats for users (Markdown, one paragraph; empty if none)
 * @param parent      for a {@link SyncMode#PER_CHANGED_PARENT} resource: the list whose changes name the parents
 *                    whose records are read; null otherwise
 */
public record Resource(String name, String path, SyncMode mode, String cursorField, String lowerParam,
                       String upperParam, String keyField, String schemaName, StructSpec schema, Paging paging,
                       SortedMap<String, String> fixedParams, String notes, Parent parent) {

    /**
     * The parent list of a per-parent resource.
     *
     * @param path      the parent list's endpoint, e.g. {@code application.list}
     * @param idParam   the child request's parameter naming a parent (its id), e.g. {@code applicationId}; records
     *                  get the parent's id in a field of this name when the API leaves it out
     */
    public record Parent(String path, String idParam) {
    }

    public Resource {
        Objects.requireNonNull(paging, "paging");
        fixedParams = Collections.unmodifiableSortedMap(new TreeMap<>(fixedParams));
        notes = notes == null ? "" : notes;
        if ((mode == SyncMode.PER_CHANGED_PARENT) != (parent != null)) {
            throw new IllegalArgumentException(name + ": a parent list is needed by, and only by, per-parent resources");
        }
    }

    public static Resource incremental(String name, String path, String cursorField, String lowerParam,
                                       String upperParam, String schemaName, StructSpec schema) {
        return new Resource(name, path, SyncMode.INCREMENTAL, cursorField, lowerParam, upperParam, "id", schemaName,
                schema, Paging.CLASSIC, new TreeMap<>(), "", null);
    }

    public static Resource lowerBoundOnly(String name, String path, String cursorField, String lowerParam,
                                          String schemaName, StructSpec schema) {
        return new Resource(name, path, SyncMode.INCREMENTAL_LOWER_BOUND_ONLY, cursorField, lowerParam, null, "id",
                schemaName, schema, Paging.CLASSIC, new TreeMap<>(), "", null);
    }

    public static Resource snapshot(String name, String path, String schemaName, StructSpec schema) {
        return new Resource(name, path, SyncMode.SNAPSHOT, null, null, null, "id", schemaName, schema,
                Paging.CLASSIC, new TreeMap<>(), "", null);
    }

    /**
     * A cursor-paged list with sync-token deltas; {@code changeField} is the record's change time (the record
     * timestamp), or null if it has none.
     */
    public static Resource syncToken(String name, String path, String changeField, String schemaName,
                                     StructSpec schema) {
        return new Resource(name, path, SyncMode.SYNC_TOKEN, changeField, null, null, "id", schemaName, schema,
                Paging.CURSOR, new TreeMap<>(), "", null);
    }

    /** Records listed per parent, read for the parents that changed (see {@link SyncMode#PER_CHANGED_PARENT}). */
    public static Resource perChangedParent(String name, String path, Parent parent, String changeField,
                                            String schemaName, StructSpec schema) {
        return new Resource(name, path, SyncMode.PER_CHANGED_PARENT, changeField, null, null, "id", schemaName,
                schema, Paging.CURSOR, new TreeMap<>(), "", parent);
    }

    /** The same resource keyed by another field (for objects without an {@code id}). */
    public Resource withKeyField(String field) {
        return new Resource(name, path, mode, cursorField, lowerParam, upperParam, field, schemaName, schema, paging,
                fixedParams, notes, parent);
    }

    public Resource withPaging(Paging style) {
        return new Resource(name, path, mode, cursorField, lowerParam, upperParam, keyField, schemaName, schema, style,
                fixedParams, notes, parent);
    }

    /** The same resource with one more fixed query parameter on its first request. */
    public Resource withFixedParam(String param, String value) {
        SortedMap<String, String> params = new TreeMap<>(fixedParams);
        params.put(param, value);
        return new Resource(name, path, mode, cursorField, lowerParam, upperParam, keyField, schemaName, schema, paging,
                params, notes, parent);
    }

    public Resource withNotes(String text) {
        return new Resource(name, path, mode, cursorField, lowerParam, upperParam, keyField, schemaName, schema, paging,
                fixedParams, text, parent);
    }
}
