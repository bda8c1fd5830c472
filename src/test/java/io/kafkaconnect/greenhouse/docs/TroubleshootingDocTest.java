package io.kafkaconnect.greenhouse.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every error message the connector can show a user has an entry in docs/troubleshooting.md: the messages of the
 * exceptions a task or validate() reports, of the cross-field and live checks, and the parts they are built from.
 * A message is found by its text: at least one of its literal parts of three words or more must appear in the
 * document as written in the code. Messages with no such part (a wrapped cause) are not checked.
 */
class TroubleshootingDocTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path DOC = Path.of("docs/troubleshooting.md");

    /** Where a message starts: a user-facing exception, a validate() problem, or a part of a message. */
    private static final Pattern MESSAGE = Pattern.compile("new (?:ConfigException|ConnectException|"
            + "RetriableException|ApiException|ExpiredCursorException|ExpiredSyncTokenException|TokenEndpointException|"
            + "TransientApiException|TransientReplyException)\\(|problems\\.put\\(|add\\(problems,|\\bhint = |"
            + "case \\d+ -> \"");

    record Message(String where, List<String> parts) {
        List<String> distinctive() {
            return parts.stream().map(String::strip).filter(p -> p.split("\\s+").length >= 3).toList();
        }
    }

    @Test
    void everyMessageOfTheCodeHasAnEntry() throws IOException {
        String doc = Files.readString(DOC).replaceAll("\\s+", " ");
        List<Message> messages = messages();
        assertThat(messages).as("messages found in %s", SOURCES).hasSizeGreaterThan(40);
        List<String> missing = messages.stream().filter(m -> !m.distinctive().isEmpty())
                .filter(m -> m.distinctive().stream().noneMatch(p -> doc.contains(p.replaceAll("\\s+", " "))))
                .map(m -> m.where() + " " + m.distinctive())
                .toList();
        assertThat(missing).as("messages without an entry in %s (quote one of the parts as written)", DOC).isEmpty();
    }

    @Test
    void theScanFindsTheMessagesOfEachKind() {
        List<String> all = messages().stream().flatMap(m -> m.parts().stream()).toList();
        assertThat(all).contains("must be an ISO-8601 instant in UTC, e.g. 2024-01-01T00:00:00Z",
                "is required for greenhouse.api.version=v1", "Refusing to send credentials to ",
                " (HTTP 404): check greenhouse.base.url and the API version");
    }

    static List<Message> messages() {
        List<Message> messages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file);
                Matcher m = MESSAGE.matcher(source);
                while (m.find()) {
                    int start = m.group().endsWith("\"") ? m.end() - 1 : m.end();
                    String where = SOURCES.relativize(file) + ":" + (source.substring(0, m.start()).lines().count());
                    messages.add(new Message(where, literals(source, start)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return messages;
    }

    /** The string literals from {@code from} to the end of the call or statement (a ')' or ';' at depth 0). */
    private static List<String> literals(String source, int from) {
        List<String> literals = new ArrayList<>();
        int depth = 0;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"') {
                StringBuilder literal = new StringBuilder();
                for (i++; source.charAt(i) != '"'; i++) {
                    if (source.charAt(i) == '\\') {
                        i++;
                    }
                    literal.append(source.charAt(i));
                }
                literals.add(literal.toString());
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth-- == 0 || c == ';' && depth <= 0) {
                break;
            }
        }
        return literals;
    }
}
