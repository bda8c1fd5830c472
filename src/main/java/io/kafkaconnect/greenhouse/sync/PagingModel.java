package io.kafkaconnect.greenhouse.sync;

import io.kafkaconnect.greenhouse.dialect.Resource;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * What differs between the paging models (change-time windows, sync tokens): each has its own sync and its own
 * offsets. The engine asks a dialect once which model it pages by
 * ({@link io.kafkaconnect.greenhouse.dialect.Dialect#paging}) and leaves the rest to the model.
 */
public interface PagingModel {

    /**
     * The sync of {@code resource}, resuming from {@code stored} (null: none stored, start at {@code syncStart} where
     * the model can).
     *
     * @param stored the stored position, without the credential fingerprint
     * @throws IllegalArgumentException if {@code stored} is not an offset of this model, or not one this connector
     *                                  can resume
     */
    ResourceSync open(Resource resource, Map<String, Object> stored, Optional<Instant> syncStart,
                      ResourceSync.Context context);

    /**
     * Checks a position a user writes for {@code resource} (without the credential fingerprint): its format, and
     * that the connector at {@code baseUrl} can resume it at {@code now} (the worker's clock).
     *
     * @throws IllegalArgumentException naming the key that is wrong
     */
    void checkOffset(Resource resource, HttpUrl baseUrl, Map<String, ?> position, Instant now);

    /**
     * A scan of every id {@code resource} lists now, paged as its sync pages, for reconciliations of an incremental
     * resource.
     *
     * @param kind what the resource's ids are
     */
    IdScan idScan(Resource resource, IdSet.Kind kind, ResourceSync.Context context);

    /** What to write to move or reset a resource, for messages. */
    String offsetExample();
}
