package io.kafkaconnect.greenhouse.token;

import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.api.ApiException;
import io.kafkaconnect.greenhouse.api.CursorPage;
import io.kafkaconnect.greenhouse.api.ExpiredCursorException;
import io.kafkaconnect.greenhouse.api.PageReader;
import io.kafkaconnect.greenhouse.api.RecordParser;
import io.kafkaconnect.greenhouse.dialect.PageNumbers;
import io.kafkaconnect.greenhouse.dialect.Paging;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.TokenDialect;
import io.kafkaconnect.greenhouse.sync.PagingGuard;
import io.kafkaconnect.greenhouse.sync.ParsedRecord;
import io.kafkaconnect.greenhouse.sync.ResourceSync;
import io.kafkaconnect.greenhouse.sync.SourceRecordFactory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link io.kafkaconnect.greenhouse.dialect.SyncMode#PER_CHANGED_PARENT} resource's list is its parent list: the
 * records to send for a page of parents are those of their child lists, read up to {@code fetch.max.concurrency} at
 * once ({@link FanOut}), in parent order, each stamped with its parent's id where the API leaves it out.
 */
final class ChildLists implements ListedRecords<ParentRecord> {
    private static final Logger log = LoggerFactory.getLogger(ChildLists.class);

    private final Resource resource;
    private final TokenDialect dialect;
    private final ApiClient client;
    private final HttpUrl baseUrl;
    private final int pageSize;
    private final PageReader<CursorPage<ParsedRecord>> childPage;
    /** The field of a child record that names its parent, filled in where the API leaves it out. */
    private final Field parentIdField;
    /** The per-parent reads, several at once. */
    private final FanOut fanOut;
    private final AtomicBoolean oversizeLogged;

    /** @param oversizeLogged whether the sync has logged a page larger than asked for (it is logged once) */
    ChildLists(Resource resource, TokenDialect dialect, ResourceSync.Context context, AtomicBoolean oversizeLogged) {
        this.resource = resource;
        this.dialect = dialect;
        this.client = context.client();
        this.baseUrl = context.settings().baseUrl();
        this.pageSize = context.settings().pageSize();
        this.childPage = dialect.pageReader(context.records().parser());
        this.parentIdField = parentIdField(resource, context.records());
        this.fanOut = new FanOut(context.fetchPool(), context.settings().maxConcurrency());
        this.oversizeLogged = oversizeLogged;
    }

    @Override
    public RecordParser<ParentRecord> parser() {
        return ParentRecord.PARSER;
    }

    /**
     * The child records of each parent of a page of the parent list, several parents at once (and with the reads of
     * other pages fetched ahead), in parent order.
     */
    @Override
    public CompletableFuture<List<ParsedRecord>> toSend(List<ParentRecord> parents) {
        List<CompletableFuture<List<ParsedRecord>>> reads = new ArrayList<>(parents.size());
        for (ParentRecord parent : parents) {
            String id = parent.id();
            if (id == null) {
                return CompletableFuture.failedFuture(new ApiException(0, resource.name() + ": a record of the parent "
                        + "list " + resource.parent().path() + " has no id (its fields: " + fieldNames(parent) + ")"));
            }
            reads.add(fanOut.submit(() -> childrenOf(id)));
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<ParsedRecord> out = new ArrayList<>();
            reads.forEach(read -> out.addAll(read.join()));
            return out;
        });
    }

    @Override
    public void close() {
        fanOut.clear();
    }

    private List<ParsedRecord> childrenOf(String parentId) {
        List<ParsedRecord> out = new ArrayList<>();
        String cursor = null;
        int restarts = 0;
        PagingGuard guard = new PagingGuard(resource.name(),
                resource.paging() == Paging.UNPAGED ? Integer.MAX_VALUE : pageSize, PageNumbers.NONE, oversizeLogged);
        do {
            CursorPage<ParsedRecord> page;
            try {
                page = client.exchange(dialect.childRequest(baseUrl, resource, parentId, cursor, pageSize),
                        resource.name(), childPage);
            } catch (ExpiredCursorException e) {
                if (cursor == null || ++restarts > 3) {
                    throw e;
                }
                log.info("{}: {}; reading parent {} again", resource.name(), e.getMessage(), parentId);
                out.clear();
                guard.restart();
                cursor = null;
                continue;
            } catch (ApiException e) {
                if (e.status() == 404) {
                    log.debug("{}: parent {} is gone ({}); its records are skipped", resource.name(), parentId,
                            e.getMessage());
                    return List.of();
                }
                throw e;
            }
            guard.checkCursor(cursor, page.nextCursor(), page.records().size(),
                    dialect.childRequest(baseUrl, resource, parentId, null, pageSize).url());
            for (ParsedRecord child : page.records()) {
                if (child.value() != null && child.value().get(parentIdField) == null) {
                    child.value().put(parentIdField, parentId);
                }
                out.add(child);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }

    /** A record's field names, never its values (personal data), for messages. */
    private static String fieldNames(ParentRecord parent) {
        List<String> names = new ArrayList<>(new LinkedHashSet<>(parent.fields()));
        return names.size() > 20 ? String.join(", ", names.subList(0, 20)) + ", …" : String.join(", ", names);
    }

    /** The child schema's field named by {@link Resource.Parent#idParam()}: a string, as parent ids are sent. */
    private static Field parentIdField(Resource resource, SourceRecordFactory records) {
        Field field = records.valueSchema().field(resource.parent().idParam());
        if (field == null || field.schema().type() != Schema.Type.STRING) {
            throw new IllegalArgumentException(resource.name() + ": " + resource.parent().idParam()
                    + " must be a string field of the schema, to name each record's parent");
        }
        return field;
    }
}
