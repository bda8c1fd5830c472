package io.kafkaconnect.greenhouse.token;

import io.kafkaconnect.greenhouse.api.RecordParser;
import io.kafkaconnect.greenhouse.sync.ParsedRecord;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A list read for itself: the records of its pages are the records to send. */
record OwnRecords(RecordParser<ParsedRecord> parser) implements ListedRecords<ParsedRecord> {

    @Override
    public CompletableFuture<List<ParsedRecord>> toSend(List<ParsedRecord> listed) {
        return CompletableFuture.completedFuture(listed);
    }
}
