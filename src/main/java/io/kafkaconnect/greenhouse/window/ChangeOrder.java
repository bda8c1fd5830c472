package io.kafkaconnect.greenhouse.window;

import io.kafkaconnect.greenhouse.sync.ParsedRecord;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a page read forward shows its list ordered by change time rather than by id. The Harvest v1 docs state no
 * order for their lists (UNCERTAIN). A list ordered by id (either way) keeps a record in its place when it changes,
 * which an open-ended window's forward walk relies on; a list ordered by change time moves it to the end, so the
 * records after it shift back onto pages the walk has read.
 */
final class ChangeOrder {
    private ChangeOrder() {
    }

    /**
     * True if the records of {@code page} not in {@code seenBefore} (the ids of the page read before it, in their
     * order) go both up and down in id, their change times never go back, and wherever an id goes down the change
     * time goes up: only an order by change time lists them so. A list by id, ascending or descending, never shows it;
     * nor do records that share one change time.
     */
    static boolean shownBy(List<ParsedRecord> page, List<Long> seenBefore) {
        Set<Long> seen = new HashSet<>(seenBefore);
        Long previousId = seenBefore.isEmpty() ? null : seenBefore.get(seenBefore.size() - 1);
        Instant previousChange = null;
        boolean up = false;
        boolean down = false;
        for (ParsedRecord record : page) {
            if (!(record.id() instanceof Long id) || seen.contains(id)) {
                continue;
            }
            Instant changed = record.changedAt();
            if (changed == null || previousChange != null && changed.isBefore(previousChange)) {
                return false;
            }
            if (previousId != null && id > previousId) {
                up = true;
            } else if (previousId != null) {
                if (previousChange != null && !changed.isAfter(previousChange)) {
                    return false;
                }
                down = true;
            }
            previousId = id;
            previousChange = changed;
        }
        return up && down;
    }
}
