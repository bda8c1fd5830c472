package io.kafkaconnect.greenhouse.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.schema.UnknownFieldLog;
import io.kafkaconnect.greenhouse.sync.ParsedRecord;
import io.kafkaconnect.greenhouse.sync.SourcePartition;
import io.kafkaconnect.greenhouse.sync.SourceRecordFactory;
import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.api.ApiKeyCredentials;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.TestApiClient;
import io.kafkaconnect.greenhouse.dialect.Window;
import io.kafkaconnect.greenhouse.harvest.config.HarvestAccess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How a backfill piece is read: from its expected last page, without reading a page twice. */
class WindowWalkerTest {
    private static final Resource THINGS = ThingsDialect.THINGS;
    private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2024-02-01T00:00:00Z");

    private MockWebServer server;
    private ApiClient client;
    private WindowWalker walker;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = TestApiClient.of(server.url("/"), new ApiKeyCredentials("k", "greenhouse.api.key", HarvestAccess::apiKeyHint),
                ThingsDialect.INSTANCE, 0);
        walker = new WindowWalker(THINGS, ThingsDialect.INSTANCE, client, server.url("/"), 2,
                new SourceRecordFactory(THINGS, "t", SourcePartition.of("v1", server.url("/"), "things"),
                        new UnknownFieldLog()).parser());
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    /** A page of the piece: records with these ids, and links to the pages given (0: none). */
    private void page(int next, int prev, int last, long... ids) {
        StringBuilder body = new StringBuilder("[");
        for (long id : ids) {
            body.append(body.length() > 1 ? "," : "").append("{\"id\":").append(id).append(",\"name\":\"n")
                    .append(id).append("\",\"updated_at\":\"2024-01-0").append(id % 9 + 1).append("T00:00:00Z\"}");
        }
        List<String> links = new ArrayList<>();
        if (next > 0) {
            links.add(link(next, "next"));
        }
        if (prev > 0) {
            links.add(link(prev, "prev"));
        }
        if (last > 0) {
            links.add(link(last, "last"));
        }
        MockResponse.Builder r = new MockResponse.Builder().code(200).body(body.append("]").toString());
        if (!links.isEmpty()) {
            r.addHeader("Link", String.join(", ", links));
        }
        server.enqueue(r.build());
    }

    private String link(int page, String rel) {
        return "<" + server.url("/things?per_page=2&updated_after=" + FROM + "&updated_before=" + TO + "&page=" + page)
                + ">; rel=\"" + rel + "\"";
    }

    private List<String> requestedPages(int n) throws InterruptedException {
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RecordedRequest request = server.takeRequest();
            assertThat(request.getUrl().queryParameter("updated_after")).isEqualTo(FROM.toString());
            assertThat(request.getUrl().queryParameter("updated_before")).isEqualTo(TO.toString());
            pages.add(request.getUrl().queryParameter("page"));
        }
        return pages;
    }

    /** The pages handed over by the last {@link #read}, as ids. */
    private final List<List<Long>> handed = new ArrayList<>();

    /** The piece's position after each page handed over. */
    private final List<Optional<WindowOffset.Walking>> positions = new ArrayList<>();

    /** The record counts the last {@link #read} told, as soon as it knew them. */
    private final List<Long> counted = new ArrayList<>();

    private WindowWalker.Piece read(int guessPages, int maxPages) {
        return walker.readPiece(WindowOffset.Walking.opened(new Window(FROM, TO)), guessPages, maxPages, new WindowWalker.PageSink() {
            @Override
            public boolean accept(List<ParsedRecord> page,
                                  Optional<WindowOffset.Walking> after) {
                if (!page.isEmpty()) {
                    handed.add(page.stream().map(r -> (Long) r.id()).toList());
                }
                positions.add(after);
                return true;
            }

            @Override
            public void counted(long records) {
                counted.add(records);
            }
        });
    }

    private List<Long> ids() {
        return handed.stream().flatMap(List::stream).toList();
    }

    @Test
    void aPieceWhoseExpectedLastPageIsTheLastCostsOneRequestPerPage() throws Exception {
        page(0, 1, 2, 3, 4);        // page 2: the last
        page(2, 0, 2, 2, 3);        // page 1, after record 1 left the window: 3 shifted down onto it

        WindowWalker.Piece piece = read(2, 6);

        assertThat(requestedPages(2)).containsExactly("2", "1");
        assertThat(piece.refused()).isFalse();
        assertThat(handed).as("page by page, every record once, 3 not twice")
                .containsExactly(List.of(3L, 4L), List.of(2L));
        assertThat(counted).as("counted from the last page, read first").containsExactly(4L);
        assertThat(positions).as("after page 2: page 1 next, the ids of page 2 seen; then done").hasSize(2);
        assertThat(positions.get(0).orElseThrow().next().url()).endsWith("page=1");
        assertThat(positions.get(0).orElseThrow().next().seen()).containsExactly(3L, 4L);
        assertThat(positions.get(1)).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aWrongGuessCostsOneRequestAndTheWalkStartsAtTheRealLastPage() throws Exception {
        page(3, 1, 3, 3, 4);        // page 2 is not the last: its records are not sent
        page(0, 2, 3, 5);           // page 3
        page(3, 1, 3, 3, 4);        // page 2 again
        page(2, 0, 3, 1, 2);        // page 1

        WindowWalker.Piece piece = read(2, 6);

        assertThat(requestedPages(4)).containsExactly("2", "3", "2", "1");
        assertThat(ids()).containsExactly(5L, 3L, 4L, 1L, 2L);
        assertThat(counted).as("two full pages and one record on the last").containsExactly(5L);
    }

    @Test
    void aPieceOfOnePageAfterAllIsReadFromItsFirstPage() throws Exception {
        page(0, 1, 1);              // page 2 is empty: one page only
        page(0, 0, 1, 1, 2);

        WindowWalker.Piece piece = read(2, 6);

        assertThat(requestedPages(2)).containsExactly("2", null);
        assertThat(ids()).containsExactly(1L, 2L);
        assertThat(counted).containsExactly(2L);
    }

    @Test
    void aPieceFarLargerThanPlannedIsRefusedAfterOneRequestWithItsPageCount() throws Exception {
        page(3, 1, 9, 3, 4);

        WindowWalker.Piece piece = read(2, 6);

        assertThat(piece.refused()).isTrue();
        assertThat(piece.pagesKnown()).isTrue();
        assertThat(piece.pagesIfRefused()).isEqualTo(9);
        assertThat(piece.sample()).hasSize(2);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(handed).as("nothing handed over").isEmpty();
    }

    @Test
    void aForwardWalkWithoutALimitHandsItsPagesOverAsTheyCome() throws Exception {
        page(2, 0, 0, 1, 2);        // no last link: walked forward
        page(3, 1, 0, 3, 4);
        page(0, 2, 0, 5);

        WindowWalker.Piece piece = read(1, Integer.MAX_VALUE);

        assertThat(piece.refused()).isFalse();
        assertThat(handed).containsExactly(List.of(1L, 2L), List.of(3L, 4L), List.of(5L));
    }

    @Test
    void aForwardWalkWithALimitHoldsItsPagesAndGivesUpWithoutHandingAnyOver() throws Exception {
        page(2, 0, 0, 1, 2);
        page(3, 1, 0, 3, 4);

        WindowWalker.Piece piece = read(1, 2);

        assertThat(piece.refused()).isTrue();
        assertThat(piece.pagesKnown()).isFalse();
        assertThat(piece.sample()).as("the change times of what it read").hasSize(4);
        assertThat(handed).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aForwardWalkWithALimitThatEndsInTimeHandsItsPagesOverAtTheEnd() throws Exception {
        page(2, 0, 0, 1, 2);
        page(0, 1, 0, 3);

        WindowWalker.Piece piece = read(1, 2);

        assertThat(piece.refused()).isFalse();
        assertThat(ids()).containsExactly(1L, 2L, 3L);
    }
}
