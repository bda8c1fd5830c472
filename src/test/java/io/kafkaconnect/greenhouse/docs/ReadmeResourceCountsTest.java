package io.kafkaconnect.greenhouse.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.dialect.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README states each dialect's number of resources once, as {@code **Resources** (<version>): <n>}; it must be
 * the dialect's. A dialect that gains resources fails here until the README's number is updated.
 */
class ReadmeResourceCountsTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.kafkaconnect.greenhouse.dialect.DialectResource#dialects")
    void theReadmeStatesEachDialectsNumberOfResources(Dialect dialect) throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\\*\\*Resources\\*\\*\\s+\\(" + Pattern.quote(dialect.version())
                + "\\):\\s+(\\d+)").matcher(readme);
        List<Integer> stated = new ArrayList<>();
        while (m.find()) {
            stated.add(Integer.parseInt(m.group(1)));
        }
        assertThat(stated).as("README.md: '**Resources** (%s): <n>' once, n = the dialect's resources",
                dialect.version()).containsExactly(dialect.resources().size());
    }
}
