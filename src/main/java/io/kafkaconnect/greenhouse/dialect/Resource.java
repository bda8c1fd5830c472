package io.kafkaconnect.greenhouse.dialect;

import io.kafkaconnect.greenhouse.schema.StructSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.StringJoiner;
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
 * @param moreLists   where one request cannot list every record (a filter with no value for "all", such as v3
 *                    {@code job_posts?active=}, or a required one, such as Ashby's {@code surveyType}): the fixed
 *                    parameters each further list overrides; the lists are read in turn into the resource's one
 *                    topic (see {@link #lists()}), each with its own position. Empty for most resources
 */
public record Resource(String name, String path, SyncMode mode, String cursorField, String lowerParam,
                       String upperParam, String keyField, String schemaName, StructSpec schema, Paging paging,
                       SortedMap<String, String> fixedParams, String notes, Parent parent,
                       List<SortedMap<String, String>> moreLists) {

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
        moreLists = moreLists.stream().map(m -> Collections.unmodifiableSortedMap(new TreeMap<>(m))).toList();
        if (!moreLists.isEmpty() && mode == SyncMode.PER_CHANGED_PARENT) {
            throw new IllegalArgumentException(name + ": a per-parent resource is not read as several lists");
        }
    }

    /**
     * The lists that together hold every record: this resource, then one per entry of {@link #moreLists}, each with
     * the same name and topic, its fixed parameters overridden by the entry's (and no further lists of its own).
     */
    public List<Resource> lists() {
        List<Resource> out = new ArrayList<>();
        out.add(moreLists.isEmpty() ? this : withMoreLists(List.of()));
        for (SortedMap<String, String> overrides : moreLists) {
            SortedMap<String, String> params = new TreeMap<>(fixedParams);
            params.putAll(overrides);
            out.add(new Resource(name, path, mode, cursorField, lowerParam, upperParam, keyField, schemaName, schema,
                    paging, params, notes, parent, List.of()));
        }
        return out;
    }

    /** How a further list is named in offsets and logs: its overriding parameters, {@code active=false}. */
    public static String listName(SortedMap<String, String> overrides) {
        StringJoiner name = new StringJoiner("&");
        overrides.forEach((k, v) -> name.add(k + "=" + v));
        return name.toString();
    }

    /**
     * The same resource, also read as a further list whose first requests send {@code param=value} instead (a filter
     * that hides records unless asked and cannot be asked for everything at once).
     */
    public Resource withAlsoListed(String param, String value) {
        List<SortedMap<String, String>> lists = new ArrayList<>(moreLists);
        lists.add(new TreeMap<>(Map.of(param, value)));
        return withMoreLists(lists);
    }

    private Resource withMoreLists(List<SortedMap<String, String>> lists) {
        return new Resource(name, path, mode, cursorField, lowerParam, upperParam, keyField, schemaName, schema, paging,
                fixedParams, notes, parent, lists);
    }

    public static Resource incremental(String name, String path, String cursorField, String lowerParam,
                                       String upperParam, String schemaName, StructSpec schema) {
        return new Resource(name, path, SyncMode.INCREMENTAL, cursorField, lowerParam, upperParam, "id", schemaName,
                schema, Paging.CLASSIC, new TreeMap<>(), "", null, List.of());
    }

    public static Resource lowerBoundOnly(String name, String path, String cursorField, String lowerParam,
                                          String schemaName, StructSpec schema) {
        return new Resource(name, path, SyncMode.INCREMENTAL_LOWER_BOUND_ONLY, cursorField, lowerParam, null, "id",
                schemaName, schema, Paging.CLASSIC, new TreeMap<>(), "", null, List.of());
    }

    public static Resource snapshot(String name, String path, String schemaName, StructSpec schema) {
        return new Resource(name, path, SyncMode.SNAPSHOT, null, null, null, "id", schemaName, schema,
                Paging.CLASSIC, new TreeMap<>(), "", null, List.of());
    }

    /**
     * A cursor-paged list with sync-token deltas; {@code changeField} is the record's change time (the record
     * timestamp), or null if it has none.
     */
    public static Resource syncToken(String name, String path, String changeField, String schemaName,
                                     StructSpec schema) {
        return new Resource(name, path, SyncMode.SYNC_TOKEN, changeField, null, null, "id", schemaName, schema,
                Paging.CURSOR, new TreeMap<>(), "", null, List.of());
    }

    /** Records listed per parent, read for the parents that changed (see {@link SyncMode#PER_CHANGED_PARENT}). */
    public static Resource perChangedParent(String name, String path, Parent parent, String changeField,
                                            String schemaName, StructSpec schema) {
        return new Resource(name, path, SyncMode.PER_CHANGED_PARENT, changeField, null, null, "id", schemaName,
                schema, Paging.CURSOR, new TreeMap<>(), "", parent, List.of());
    }

    /** The same resource keyed by another field (for objects without an {@code id}). */
    public Resource withKeyField(String field) {
        return new Resource(name, path, mode, cursorField, lowerParam, upperParam, field, schemaName, schema, paging,
                fixedParams, notes, parent, moreLists);
    }

    public Resource withPaging(Paging style) {
        return new Resource(name, path, mode, cursorField, lowerParam, upperParam, keyField, schemaName, schema, style,
                fixedParams, notes, parent, moreLists);
    }

    /** The same resource with one more fixed query parameter on its first request. */
    public Resource withFixedParam(String param, String value) {
        SortedMap<String, String> params = new TreeMap<>(fixedParams);
        params.put(param, value);
        return new Resource(name, path, mode, cursorField, lowerParam, upperParam, keyField, schemaName, schema, paging,
                params, notes, parent, moreLists);
    }

    public Resource withNotes(String text) {
        return new Resource(name, path, mode, cursorField, lowerParam, upperParam, keyField, schemaName, schema, paging,
                fixedParams, text, parent, moreLists);
    }
}
