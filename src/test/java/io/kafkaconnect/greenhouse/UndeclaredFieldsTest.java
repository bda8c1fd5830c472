package io.kafkaconnect.greenhouse;

import static io.kafkaconnect.greenhouse.util.TaskContexts.noOffsets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.kafkaconnect.greenhouse.ashby.AshbySourceConfig;
import io.kafkaconnect.greenhouse.config.EngineConfig;
import io.kafkaconnect.greenhouse.harvest.config.GreenhouseSourceConfig;
import io.kafkaconnect.greenhouse.schema.RecordConverter;
import io.kafkaconnect.greenhouse.schema.UndeclaredFields;
import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import io.kafkaconnect.greenhouse.util.TaskPolls;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/**
 * {@code undeclared.fields}: properties the API adds that a schema does not declare reach the record in
 * {@code _undeclared} (keep, the default), or are left out as before (drop), for both connectors.
 */
class UndeclaredFieldsTest {

    @Test
    void bothConnectorsKeepByDefaultDropOnRequestAndRefuseAnythingElseNamingTheSetting() {
        List<Map<String, String>> minimal = List.of(
                Map.of("greenhouse.api.version", "v1", "greenhouse.api.key", "k"),
                Map.of("ashby.api.key", "k"));
        List<Function<Map<String, String>, EngineConfig>> configs = List.of(GreenhouseSourceConfig::new,
                AshbySourceConfig::new);
        List<ConfigDef> defs = List.of(GreenhouseSourceConfig.CONFIG_DEF, AshbySourceConfig.CONFIG_DEF);
        for (int i = 0; i < configs.size(); i++) {
            Map<String, String> props = new HashMap<>(minimal.get(i));
            Function<Map<String, String>, EngineConfig> config = configs.get(i);
            assertThat(config.apply(props).undeclaredFields()).isEqualTo(UndeclaredFields.KEEP);
            props.put("undeclared.fields", "DROP");
            assertThat(config.apply(props).undeclaredFields()).isEqualTo(UndeclaredFields.DROP);
            props.put("undeclared.fields", " keep ");
            assertThat(config.apply(props).undeclaredFields()).isEqualTo(UndeclaredFields.KEEP);

            props.put("undeclared.fields", "ignore");
            assertThatThrownBy(() -> config.apply(props)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("undeclared.fields").hasMessageContaining("ignore");
            ConfigValue validated = defs.get(i).validate(props).stream()
                    .filter(v -> v.name().equals("undeclared.fields")).findFirst().orElseThrow();
            assertThat(validated.errorMessages()).singleElement().asString().contains("undeclared.fields").contains("KEEP, DROP");
        }
    }

    @Test
    void aPropertyTheApiAddedReachesTheRecordThroughASyncOrIsDroppedAsConfigured() throws Exception {
        try (HarvestSimulator sim = HarvestSimulator.builder().seed(5L).apiKey("undeclared-key").records("jobs", 4)
                .undeclaredProperties(true).build().start()) {
            List<SourceRecord> kept = firstPoll(sim, "keep");
            assertThat(kept).hasSize(4).allSatisfy(r -> {
                Struct value = (Struct) r.value();
                assertThat(value.getString(RecordConverter.UNDECLARED_FIELD)).as("job %s", value.get("id"))
                        .isEqualTo("{\"departments[0].added_later\":true,\"added_later\":{\"id\":"
                                + value.getInt64("id") + "}}");
            });

            List<SourceRecord> dropped = firstPoll(sim, "drop");
            assertThat(dropped).hasSize(4);
            for (int i = 0; i < dropped.size(); i++) {
                Struct value = (Struct) dropped.get(i).value();
                Struct keptValue = (Struct) kept.get(i).value();
                assertThat(value.schema()).as("the same schema either way").isEqualTo(keptValue.schema());
                assertThat(value.get(RecordConverter.UNDECLARED_FIELD)).isNull();
                for (Field f : value.schema().fields()) {
                    if (!f.name().equals(RecordConverter.UNDECLARED_FIELD)) {
                        assertThat(value.get(f)).as(f.name()).isEqualTo(keptValue.get(f));
                    }
                }
            }
        }
    }

    /** The records of a fresh task's first poll of jobs, with {@code undeclared.fields} set to {@code policy}. */
    private static List<SourceRecord> firstPoll(HarvestSimulator sim, String policy) throws InterruptedException {
        Map<String, String> props = new HashMap<>();
        props.put("greenhouse.api.version", "v1");
        props.put("greenhouse.api.key", "undeclared-key");
        props.put("greenhouse.base.url", sim.baseUrl());
        props.put("task.resources", "jobs");
        props.put("undeclared.fields", policy);
        props.put("deletes.mode", "none"); // the first poll's records are the resource's alone
        GreenhouseSourceTask task = new GreenhouseSourceTask();
        task.initialize(noOffsets());
        task.start(props);
        try {
            return TaskPolls.next(task);
        } finally {
            task.stop();
        }
    }

}
