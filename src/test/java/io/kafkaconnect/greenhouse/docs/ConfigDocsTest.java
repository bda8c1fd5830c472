package io.kafkaconnect.greenhouse.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.ashby.AshbySourceConfig;
import io.kafkaconnect.greenhouse.harvest.config.GreenhouseSourceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

class ConfigDocsTest {

    @Test
    void theCommittedReferenceMatchesTheConfigDef() throws Exception {
        String committed = Files.readString(Path.of("docs/configuration.md"));
        assertThat(committed)
                .as("docs/configuration.md is stale; regenerate it with: mvn -q compile exec:java "
                        + "-Dexec.classpathScope=test -Dexec.mainClass=io.kafkaconnect.greenhouse.docs.ConfigDocs "
                        + "-Dexec.args=docs/configuration.md")
                .isEqualTo(ConfigDocs.render());
    }

    @Test
    void everyKeyOfBothConnectorsIsDocumentedInAGroup() {
        for (ConfigDef def : java.util.List.of(GreenhouseSourceConfig.CONFIG_DEF, AshbySourceConfig.CONFIG_DEF)) {
            for (ConfigDef.ConfigKey key : def.configKeys().values()) {
                assertThat(key.documentation).as(key.name).isNotBlank();
                assertThat(key.group).as(key.name).isNotBlank();
                assertThat(ConfigDocs.render()).contains("`" + key.name + "`");
            }
        }
        assertThat(ConfigDocs.render()).contains("`ashby.api.key`", "`ashby.base.url`", "`ashby.resources`");
    }
}
