package io.kafkaconnect.greenhouse.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.greenhouse.dialect.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * A resource whose records one request cannot list (see {@link Resource#moreLists()}): its {@link Resource#lists()}
 * are read by a {@link ListSync} each (a window sync, or a token sync), in turn, into the resource's one topic and one
 * offset.
 * <p>
 * A list keeps the turn while it reads a pass (a window, a cursor chain) and passes it on when the pass is over, so
 * no two lists read at once and records are sent in the order they were read: a record that moves from one list to
 * another (a post deactivated) is sent last in the state read last. Its change time moves on with the move (where
 * the API does so), which puts it into the next window of the list it moved to.
 * <p>
 * The offset is the first list's position, with the others' under {@value #MORE_LISTS} as one JSON object (Connect
 * offsets hold primitives only), each by its {@linkplain Resource#listName name}: {@code {"v":1, "watermark":...,
 * "more_lists": "{\"active=false\":{\"v\":1,\"watermark\":...}}"}}. A position stored before the resource had more lists is the first list's; the others then
 * start from the beginning (or {@code sync.start}).
 */
public final class ListsInTurn<S extends ListSync> implements ResourceSync {
    public static final String MORE_LISTS = "more_lists";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Resource resource;
    private final List<S> lists;
    private final List<String> names;
    private int turn;

    public ListsInTurn(Resource resource, List<S> lists) {
        this.resource = resource;
        this.lists = List.copyOf(lists);
        this.names = resource.moreLists().stream().map(Resource::listName).toList();
        for (int i = 0; i < this.lists.size(); i++) {
            if (this.lists.get(i).midPass()) {
                turn = i; // a restart goes on with the list that was mid-pass
                break;
            }
        }
    }

    /**
     * The stored position of each of {@code resource}'s lists, in the order of {@link Resource#lists()}; null where
     * none is stored.
     *
     * @throws IllegalArgumentException naming the key that is wrong
     */
    public static List<Map<String, Object>> split(Resource resource, Map<String, ?> stored) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (stored == null) {
            resource.lists().forEach(list -> out.add(null));
            return out;
        }
        Map<String, Object> first = new LinkedHashMap<>(stored);
        Object more = first.remove(MORE_LISTS);
        out.add(first);
        Map<String, Object> byName;
        try {
            byName = more == null ? Map.of() : JSON.readValue(String.valueOf(more), new TypeReference<>() { });
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("offset key '" + MORE_LISTS + "' must be a JSON object of list name "
                    + "to position but is " + more);
        }
        List<String> names = resource.moreLists().stream().map(Resource::listName).toList();
        for (Object name : byName.keySet()) {
            if (!names.contains(String.valueOf(name))) {
                throw new IllegalArgumentException("offset key '" + MORE_LISTS + "' names unknown list '" + name
                        + "'; known: " + String.join(", ", names));
            }
        }
        for (String name : names) {
            Object position = byName.get(name);
            if (position != null && !(position instanceof Map)) {
                throw new IllegalArgumentException("offset key '" + MORE_LISTS + "." + name + "' must be a position "
                        + "map but is " + position);
            }
            out.add(position == null ? null : copy((Map<?, ?>) position));
        }
        return out;
    }

    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    @Override
    public Resource resource() {
        return resource;
    }

    @Override
    public Instant dueAt() {
        return lists.get(turn).dueAt();
    }

    @Override
    public List<SourceRecord> step() throws InterruptedException {
        int reading = turn;
        S list = lists.get(reading);
        List<SourceRecord> records = list.step();
        if (!list.midPass()) {
            turn = (reading + 1) % lists.size();
        }
        List<SourceRecord> out = new ArrayList<>(records.size());
        Map<String, ?> position = null;
        Map<String, Object> combined = null;
        for (SourceRecord r : records) {
            if (r.sourceOffset() != position) { // the records of a page share their offset maps
                position = r.sourceOffset();
                combined = combined(reading, position);
            }
            out.add(new SourceRecord(r.sourcePartition(), combined, r.topic(), r.kafkaPartition(), r.keySchema(),
                    r.key(), r.valueSchema(), r.value(), r.timestamp(), r.headers()));
        }
        return out;
    }

    /** The offset of a record of list {@code reading} at {@code position}: with the other lists where they are. */
    private Map<String, Object> combined(int reading, Map<String, ?> position) {
        Map<String, Object> out = new LinkedHashMap<>(reading == 0 ? position : lists.get(0).positionMap());
        Map<String, Object> more = new LinkedHashMap<>();
        for (int i = 1; i < lists.size(); i++) {
            more.put(names.get(i - 1), i == reading ? position : lists.get(i).positionMap());
        }
        try {
            out.put(MORE_LISTS, JSON.writeValueAsString(more)); // Connect offsets hold primitives only
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The least of what the lists delivered up to: each list's changes before it are handed over. */
    @Override
    public Instant deliveredUpTo() {
        Instant least = null;
        for (S list : lists) {
            Instant delivered = list.deliveredUpTo();
            if (delivered == null) {
                return null;
            }
            least = least == null || delivered.isBefore(least) ? delivered : least;
        }
        return least;
    }

    /** The sync of each list, in the order of {@link Resource#lists()} (for tests). */
    public List<S> lists() {
        return lists;
    }

    @Override
    public void close() {
        lists.forEach(ResourceSync::close);
    }
}
