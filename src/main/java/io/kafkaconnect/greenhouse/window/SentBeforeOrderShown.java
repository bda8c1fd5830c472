package io.kafkaconnect.greenhouse.window;

import io.kafkaconnect.greenhouse.sync.ParsedRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The versions an open-ended window sent while it was read forward and its list had not shown its order yet. When a
 * page shows the list ordered by change time, the window is read again from its first page (a record may have
 * shifted back onto a page read); what was sent of it before is not sent again, so the re-read sends only what the
 * forward walk missed and what changed since. Keeps at most {@link #MAX_KEPT} versions (beyond them a re-read may
 * send records twice) and forgets them when the next window opens. What another task sent before a restart is not
 * known here: a window it read forward may send its records again when this task finds the order. Used by one thread
 * (the task's steps).
 */
final class SentBeforeOrderShown {
    static final int MAX_KEPT = 20_000;
    private final Map<Object, Instant> sent = new HashMap<>();
    private boolean rereading;

    /** A window is read from its first page: unless that is the window read again, what was kept is of no use. */
    void opened() {
        if (rereading) {
            rereading = false;
        } else {
            sent.clear();
        }
    }

    /** The window being read is read again from its first page, as its list showed its order. */
    void rereadFromFirstPage() {
        rereading = true;
    }

    void keep(List<ParsedRecord> records) {
        for (ParsedRecord r : records) {
            if (sent.size() < MAX_KEPT && r.changedAt() != null) {
                sent.put(r.id(), r.changedAt());
            }
        }
    }

    /** {@code records} but the versions this window sent before. */
    List<ParsedRecord> notSent(List<ParsedRecord> records) {
        if (sent.isEmpty()) {
            return records;
        }
        List<ParsedRecord> out = new ArrayList<>(records.size());
        for (ParsedRecord r : records) {
            if (r.changedAt() == null || !r.changedAt().equals(sent.get(r.id()))) {
                out.add(r);
            }
        }
        return out;
    }
}
