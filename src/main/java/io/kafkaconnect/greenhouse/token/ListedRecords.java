package io.kafkaconnect.greenhouse.token;

import io.kafkaconnect.greenhouse.api.RecordParser;
import io.kafkaconnect.greenhouse.sync.ParsedRecord;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What a {@link TokenSync} reads the records of its list as, and the records it sends for a page of them: the
 * records themselves ({@link OwnRecords}), or, for a per-changed-parent resource, the records of the child lists of
 * the parents the page lists ({@link ChildLists}).
 *
 * @param <R> a record of the list, as {@link #parser()} reads it
 */
sealed interface ListedRecords<R> permits OwnRecords, ChildLists {

    /** Reads one record of the list. */
    RecordParser<R> parser();

    /** The records to send for the records of a page, in their order; possibly read in the background. */
    CompletableFuture<List<ParsedRecord>> toSend(List<R> listed);

    /** Drops the reads not started yet. */
    default void close() {
    }
}
