package io.kafkaconnect.greenhouse.engine;

import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.sync.ResourceSync;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;

/** A sync whose records' offsets carry the credential fingerprint next to the position ({@link OffsetCredential}). */
public final class CredentialStampedSync implements ResourceSync {
    private final ResourceSync sync;
    private final OffsetCredential credential;

    public CredentialStampedSync(ResourceSync sync, OffsetCredential credential) {
        this.sync = sync;
        this.credential = credential;
    }

    @Override
    public Resource resource() {
        return sync.resource();
    }

    @Override
    public Instant dueAt() {
        return sync.dueAt();
    }

    @Override
    public boolean isDue(Instant now) {
        return sync.isDue(now);
    }

    @Override
    public boolean ready() {
        return sync.ready();
    }

    @Override
    public void awaitReady(Duration max) throws InterruptedException {
        sync.awaitReady(max);
    }

    @Override
    public List<SourceRecord> step() throws InterruptedException {
        List<SourceRecord> records = sync.step();
        List<SourceRecord> out = new ArrayList<>(records.size());
        Map<String, ?> position = null;
        Map<String, ?> stamped = null;
        for (SourceRecord r : records) {
            if (r.sourceOffset() != position) { // the records of a page share their offset maps: stamp each once
                position = r.sourceOffset();
                stamped = credential.stamp(position);
            }
            out.add(new SourceRecord(r.sourcePartition(), stamped, r.topic(), r.kafkaPartition(), r.keySchema(),
                    r.key(), r.valueSchema(), r.value(), r.timestamp(), r.headers()));
        }
        return out;
    }

    @Override
    public void close() {
        sync.close();
    }
}
