package io.kafkaconnect.greenhouse.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.dialect.Dialect;
import io.kafkaconnect.greenhouse.dialect.OmittedEndpoint;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.TokenDialect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ResourceDocsTest {

    @Test
    void theCommittedReferenceMatchesTheDialects() throws Exception {
        String committed = Files.readString(Path.of("docs/resources.md"), StandardCharsets.UTF_8);
        assertThat(committed)
                .as("docs/resources.md is stale; regenerate it with: " + ResourceDocs.REGENERATE)
                .isEqualTo(ResourceDocs.render());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.kafkaconnect.greenhouse.dialect.DialectResource#dialects")
    void everyResourceAndOmittedEndpointIsListed(Dialect dialect) {
        String md = ResourceDocs.render();
        for (Resource r : dialect.resources()) {
            String endpoint = dialect instanceof TokenDialect ? "POST /" + r.path()
                    : "GET /" + dialect.version() + "/" + r.path();
            assertThat(md).contains("| `" + r.name() + "` | `" + endpoint)
                    .contains("`<topic.prefix>." + r.name() + "`")
                    .contains("`" + r.schemaName() + "`");
            String row = md.lines().filter(l -> l.startsWith("| `" + r.name() + "` | `" + endpoint)).findFirst()
                    .orElseThrow();
            assertThat(row).as("how a delete of %s reaches its topic", r.name()).endsWith(switch (r.mode()) {
                case SNAPSHOT -> "| tombstone after the next pass |";
                case PER_CHANGED_PARENT -> "| not found (entries are read per changed parent only) |";
                default -> "| tombstone after the next reconciliation |";
            });
        }
        for (OmittedEndpoint e : dialect.omittedEndpoints()) {
            assertThat(md).contains("| `" + e.endpoint() + "` |");
        }
        assertThat(md).contains("**Deletes and deactivations.**").contains("for 200,000 candidates");
    }

    @Test
    void mainWritesTheFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("docs/resources.md");
        ResourceDocs.main(new String[] {out.toString()});
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(ResourceDocs.render());
    }
}
