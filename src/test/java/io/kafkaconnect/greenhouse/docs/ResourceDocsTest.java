package io.kafkaconnect.greenhouse.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.dialect.Dialect;
import io.kafkaconnect.greenhouse.dialect.OmittedEndpoint;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.TokenDialect;
import io.kafkaconnect.greenhouse.harvest.HarvestDialects;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceDocsTest {

    @Test
    void theCommittedReferenceMatchesTheDialects() throws Exception {
        String committed = Files.readString(Path.of("docs/resources.md"), StandardCharsets.UTF_8);
        assertThat(committed)
                .as("docs/resources.md is stale; regenerate it with: " + ResourceDocs.REGENERATE)
                .isEqualTo(ResourceDocs.render());
    }

    @Test
    void everyResourceAndOmittedEndpointIsListed() {
        String md = ResourceDocs.render();
        for (Dialect dialect : HarvestDialects.harvest()) {
            for (Resource r : dialect.resources()) {
                assertThat(md).contains("| `" + r.name() + "` | `GET /" + dialect.version() + "/" + r.path())
                        .contains("`<topic.prefix>." + r.name() + "`")
                        .contains("`" + r.schemaName() + "`");
            }
            for (OmittedEndpoint e : dialect.omittedEndpoints()) {
                assertThat(md).contains("| `" + e.endpoint() + "` |");
            }
        }
        assertThat(md).contains("Deletes are not exposed by the Harvest API");
        TokenDialect ashby = io.kafkaconnect.greenhouse.ashby.AshbyDialect.INSTANCE;
        for (Resource r : ashby.resources()) {
            assertThat(md).contains("| `" + r.name() + "` | `POST /")
                    .contains("`<topic.prefix>." + r.name() + "`")
                    .contains("`" + r.schemaName() + "`");
        }
        for (OmittedEndpoint e : ashby.omittedEndpoints()) {
            assertThat(md).contains("| `" + e.endpoint() + "` |");
        }
    }

    @Test
    void mainWritesTheFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("docs/resources.md");
        ResourceDocs.main(new String[] {out.toString()});
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(ResourceDocs.render());
    }
}
