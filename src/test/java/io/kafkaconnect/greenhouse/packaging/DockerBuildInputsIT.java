package io.kafkaconnect.greenhouse.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After {@code mvn package}: every file a docker/ Dockerfile copies from the build context exists, exactly once
 * for a glob (the connect image refuses two connector zips), and is not ignored. A wrong path to the zip or the
 * simulator jar fails here, without a Docker engine.
 */
class DockerBuildInputsIT {

    @Test
    void everyCopiedFileExistsExactlyOnceAndReachesTheBuild() {
        ComposeFile compose = ComposeFile.load();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String s : compose.serviceNames()) {
            if (!compose.isBuilt(s)) {
                continue;
            }
            Path context = compose.buildContext(s);
            Dockerfile d = compose.parsedDockerfile(s);
            for (String source : d.contextSources()) {
                checked++;
                List<String> matches = Dockerfile.contextFiles(context, source);
                if (matches.size() != 1) {
                    problems.add(s + ": " + source + " matches " + matches + " in " + context + " (expected exactly one"
                            + " file; run mvn -B package, and remove stale versions)");
                }
                matches.stream().filter(d::ignores)
                        .forEach(m -> problems.add(s + ": " + d.ignoreFile() + " keeps " + m + " out of the build"));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).as("COPY sources checked").isGreaterThanOrEqualTo(2);
    }
}
