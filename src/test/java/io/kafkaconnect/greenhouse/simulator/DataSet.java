package io.kafkaconnect.greenhouse.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaconnect.greenhouse.simulator.ResourceStore.Page;
import io.kafkaconnect.greenhouse.simulator.ResourceStore.Row;
import io.kafkaconnect.greenhouse.simulator.core.Reply;
import io.kafkaconnect.greenhouse.simulator.core.SimClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * All records of all resources: one {@link ResourceStore} per resource plus the {@link RecordRenderer} that
 * turns rows into JSON. Mutations go through here so they share one seeded random and the simulator clock.
 */
final class DataSet {
    private final Map<Resource, ResourceStore> stores = new EnumMap<>(Resource.class);
    private final RecordRenderer renderer;
    private final SimClock clock;
    private final Random random;
    private final boolean undeclaredProperties;

    /** @param undeclaredProperties whether every record carries {@link #UNDECLARED} (see {@link #withUndeclared}) */
    DataSet(long seed, Map<Resource, Integer> counts, long epochMs, SimClock clock, boolean undeclaredProperties) {
        for (Resource r : Resource.values()) {
            long[] ids = r == Resource.EEOC ? eeocIds(stores.get(Resource.APPLICATIONS), counts.get(r)) : null;
            stores.put(r, ResourceStore.seed(r, counts.get(r), seed, epochMs, ids));
        }
        this.renderer = new RecordRenderer(seed, stores);
        this.clock = clock;
        this.random = new Random(Vocabulary.mix(seed, 0x5EED));
        this.undeclaredProperties = undeclaredProperties;
    }

    /** A property no schema of the connector declares, as an API adds one between two releases. */
    static final String UNDECLARED = "added_later";

    /**
     * The record with {@link #UNDECLARED} at its top level ({@code {"id": <id>}}) and, as {@code true}, in its first
     * nested object (a property holding an object, or the first object of a property holding a list of them).
     */
    private static ObjectNode withUndeclared(ObjectNode record, Row row) {
        for (JsonNode value : record) {
            JsonNode nested = value.isArray() && value.size() > 0 ? value.get(0) : value;
            if (nested.isObject()) {
                ((ObjectNode) nested).put(UNDECLARED, true);
                break;
            }
        }
        record.putObject(UNDECLARED).put("id", row.id());
        return record;
    }

    /**
     * EEOC data has no id of its own in v1 and at most one record per application, so a record's id is its
     * application's id: {@code count} seeded applications spread evenly (all of them, and ids above them, if
     * there are more EEOC records than applications).
     */
    private static long[] eeocIds(ResourceStore applications, int count) {
        long[] ids = new long[count];
        int na = applications.seededCount;
        long last = Resource.APPLICATIONS.firstId;
        for (int j = 0; j < count; j++) {
            if (count <= na) {
                ids[j] = applications.seedId((int) ((long) j * na / count));
            } else {
                ids[j] = j < na ? applications.seedId(j) : last + 1 + j % 5;
            }
            last = ids[j];
        }
        return ids;
    }

    ResourceStore store(Resource r) {
        return stores.get(r);
    }

    /**
     * Rows {@code offset .. offset+limit-1} of a v1 page-number list as it is now (see
     * {@link ResourceStore#pageByOffset}): in the order its docs state where they state one ({@link DocumentedOrder}),
     * its ties and every other list in {@code order}.
     */
    Page v1Page(Resource r, RecordFilter filter, long offset, int limit, boolean countTotal, ListOrder order) {
        Comparator<Row> documented = DocumentedOrder.of(r, renderer.hiring());
        if (documented == null && order == ListOrder.ID) {
            return store(r).pageByOffset(filter, offset, limit, countTotal);
        }
        return store(r).pageByOffset(filter, offset, limit, countTotal,
                documented == null ? order.rows() : documented.thenComparing(order.rows()));
    }

    ObjectNode render(Resource r, Dialect dialect, Row row) {
        ObjectNode record = renderer.render(r, dialect, row);
        return undeclaredProperties ? withUndeclared(record, row) : record;
    }

    Row edit(Resource r, long id) {
        Row row = store(r).edit(id, clock.nowMillis());
        if (row == null) {
            throw new IllegalArgumentException("no " + r.resourceName + " with id " + id);
        }
        return row;
    }

    /** Deletes (deactivates) or restores a job post, as an edit. */
    Row setJobPostActive(long id, boolean active) {
        synchronized (random) {
            renderer.organization().setJobPostActive(id, active);
            return edit(Resource.JOB_POSTS, id);
        }
    }

    /** See {@link RecordRenderer#keep}. */
    java.util.function.LongPredicate keep(Resource r, Dialect dialect, Map<String, String> query) {
        return renderer.keep(r, dialect, query);
    }

    Row insert(Resource r) {
        synchronized (random) {
            return store(r).insert(clock.nowMillis(), random);
        }
    }

    List<Row> bulkEdit(Resource r, int n) {
        synchronized (random) {
            return store(r).bulkEdit(n, clock.nowMillis(), random);
        }
    }

    /** Edits a random record (for background mutations); false if the resource has none. */
    boolean editRandom(Resource r) {
        long id;
        synchronized (random) {
            id = store(r).randomId(random);
        }
        if (id < 0) {
            return false;
        }
        edit(r, id);
        return true;
    }

    int randomInt(int bound) {
        synchronized (random) {
            return random.nextInt(bound);
        }
    }

    /**
     * id -> current JSON; rendered on access from a snapshot taken now (each get returns a fresh tree). Trees are
     * round-tripped through JSON text so they equal what a client parses from a response (same numeric node types).
     */
    Map<Long, JsonNode> truth(Resource r, Dialect dialect) {
        if (!r.in(dialect)) {
            throw new IllegalArgumentException(r.resourceName + " is not served by " + dialect);
        }
        return new RowMap<>(store(r).snapshot(), row -> asParsed(render(r, dialect, row)));
    }

    private static JsonNode asParsed(JsonNode node) {
        try {
            return Reply.JSON.readTree(Reply.JSON.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** id -> version, from a snapshot taken now. */
    Map<Long, Integer> versions(Resource r) {
        return new RowMap<>(store(r).snapshot(), Row::version);
    }

    /** id -> row, from a snapshot taken now. */
    Map<Long, Row> rows(Resource r) {
        return new RowMap<>(store(r).snapshot(), row -> row);
    }

    /** An unmodifiable map over an id-sorted row snapshot whose values are computed on access. */
    private static final class RowMap<V> extends AbstractMap<Long, V> {
        private final List<Row> rows;
        private final Function<Row, V> value;

        RowMap(List<Row> rows, Function<Row, V> value) {
            this.rows = rows;
            this.value = value;
        }

        private int indexOf(Object key) {
            if (!(key instanceof Long)) {
                return -1;
            }
            long id = (Long) key;
            int lo = 0;
            int hi = rows.size() - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                long midId = rows.get(mid).id();
                if (midId < id) {
                    lo = mid + 1;
                } else if (midId > id) {
                    hi = mid - 1;
                } else {
                    return mid;
                }
            }
            return -1;
        }

        @Override
        public int size() {
            return rows.size();
        }

        @Override
        public boolean containsKey(Object key) {
            return indexOf(key) >= 0;
        }

        @Override
        public V get(Object key) {
            int i = indexOf(key);
            return i < 0 ? null : value.apply(rows.get(i));
        }

        @Override
        public Set<Entry<Long, V>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return rows.size();
                }

                @Override
                public Iterator<Entry<Long, V>> iterator() {
                    return new Iterator<>() {
                        private int i;

                        @Override
                        public boolean hasNext() {
                            return i < rows.size();
                        }

                        @Override
                        public Entry<Long, V> next() {
                            if (i >= rows.size()) {
                                throw new NoSuchElementException();
                            }
                            Row row = rows.get(i++);
                            return new SimpleImmutableEntry<>(row.id(), value.apply(row));
                        }
                    };
                }
            };
        }
    }
}
