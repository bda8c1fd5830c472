package io.kafkaconnect.greenhouse.simulator;

import io.kafkaconnect.greenhouse.simulator.ResourceStore.Row;
import java.util.Comparator;
import java.util.function.Function;

/**
 * The order the Harvest v1 docs state for a list. Two lists state one: {@code GET /v1/offers} lists offers "ordered by
 * application_id", and {@code GET /v1/scorecards} lists "All submitted scorecards ordered by candidate". The simulator
 * serves them by the {@code application_id} and the {@code candidate_id} each record shows (fixed by the record's id,
 * so an edit keeps its place among the others'; records without one come last). The docs do not say how records with
 * the same key are ordered (several offers of one application, several scorecards of one candidate): the
 * {@link ListOrder} breaks those ties, as it orders every other v1 page-number list.
 */
final class DocumentedOrder {
    private DocumentedOrder() {
    }

    /** The order the docs state for {@code resource}'s v1 list, before any tie-break; null where they state none. */
    static Comparator<Row> of(Resource resource, HiringRenderer hiring) {
        switch (resource) {
            case OFFERS: return byKey(offer -> idOf(hiring.offerApplication(offer)));
            case SCORECARDS: return byKey(scorecard -> hiring.candidateOf(hiring.scorecardApplication(scorecard)));
            default: return null;
        }
    }

    private static Comparator<Row> byKey(Function<Row, Long> key) {
        return Comparator.comparing(key, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    private static Long idOf(Row row) {
        return row == null ? null : row.id();
    }
}
