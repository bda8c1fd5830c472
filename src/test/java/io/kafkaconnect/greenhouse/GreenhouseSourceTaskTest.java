package io.kafkaconnect.greenhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class GreenhouseSourceTaskTest {

    private static Map<String, String> props() {
        Map<String, String> props = new HashMap<>();
        props.put("greenhouse.api.version", "v1");
        props.put("greenhouse.api.key", "k");
        props.put("greenhouse.base.url", "http://127.0.0.1:8089");
        props.put("task.resources", "candidates,jobs");
        return props;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @Test
    void asksOnlyForThePartitionsOfItsOwnApiVersionAndHost() {
        OffsetStorageReader reader = mock(OffsetStorageReader.class);
        when(reader.offsets(any(Collection.class))).thenReturn(Map.of());
        SourceTaskContext context = mock(SourceTaskContext.class);
        when(context.offsetStorageReader()).thenReturn(reader);
        GreenhouseSourceTask task = new GreenhouseSourceTask();
        task.initialize(context);
        task.start(props());
        task.stop();

        ArgumentCaptor<Collection> asked = ArgumentCaptor.forClass(Collection.class);
        verify(reader).offsets(asked.capture());
        assertThat((Collection<Map<String, Object>>) asked.getValue()).containsExactlyInAnyOrder(
                Map.of("api", "v1", "host", "127.0.0.1:8089", "resource", "candidates", "protocol", "1"),
                Map.of("api", "v1", "host", "127.0.0.1:8089", "resource", "jobs", "protocol", "1"));
    }

    @SuppressWarnings("unchecked")
    @Test
    void aStoredOffsetItCannotReadFailsTheTaskWithAHint() {
        OffsetStorageReader reader = mock(OffsetStorageReader.class);
        Map<String, Object> partition = Map.of("api", "v1", "host", "127.0.0.1:8089", "resource", "jobs", "protocol", "1");
        when(reader.offsets(any(Collection.class))).thenReturn(Map.of(partition, Map.of("v", 9)));
        SourceTaskContext context = mock(SourceTaskContext.class);
        when(context.offsetStorageReader()).thenReturn(reader);
        GreenhouseSourceTask task = new GreenhouseSourceTask();
        task.initialize(context);
        assertThatThrownBy(() -> task.start(props())).isInstanceOf(ConnectException.class)
                .hasMessageContaining("jobs").hasMessageContaining("offsets API");
        task.stop();
    }
}
