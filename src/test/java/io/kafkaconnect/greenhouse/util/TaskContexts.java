package io.kafkaconnect.greenhouse.util;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Collection;
import java.util.Map;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/** Task contexts for tests that start a task outside a worker. */
public final class TaskContexts {
    private TaskContexts() {
    }

    /** A context whose offset store holds nothing (a first start); stub more on it as a test needs. */
    @SuppressWarnings("unchecked")
    public static SourceTaskContext noOffsets() {
        OffsetStorageReader reader = mock(OffsetStorageReader.class);
        when(reader.offsets(any(Collection.class))).thenReturn(Map.of());
        SourceTaskContext context = mock(SourceTaskContext.class);
        when(context.offsetStorageReader()).thenReturn(reader);
        return context;
    }
}
