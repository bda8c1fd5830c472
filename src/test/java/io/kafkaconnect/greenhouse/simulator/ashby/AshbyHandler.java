package io.kafkaconnect.greenhouse.simulator.ashby;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaconnect.greenhouse.simulator.ashby.AshbyStore.Page;
import io.kafkaconnect.greenhouse.simulator.ashby.AshbyStore.Row;
import io.kafkaconnect.greenhouse.simulator.ashby.AshbyTokens.Cursor;
import io.kafkaconnect.greenhouse.simulator.ashby.AshbyTokens.SyncToken;
import io.kafkaconnect.greenhouse.simulator.core.SimClock;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The body of every method call after authentication: parses the JSON body, pages, and answers with Ashby's
 * envelope ({@code success}, {@code results}, {@code moreDataAvailable}, {@code nextCursor}, {@code syncToken}) or
 * with {@code success:false} and an {@code errorInfo} code (all in HTTP 200).
 *
 * <p>Full pass (no syncToken): records in (createdAt, id) order; the first page fixes S0 = the current sequence,
 * which the pass's last page returns as its syncToken. Delta (syncToken S): records whose current sequence is in
 * (S, S1], S1 = the sequence at the delta's first page, ordered by sequence; the last page returns S1. So a change
 * after a pass's first page is always in the next delta (maybe also in this pass): duplicates, never losses.
 */
final class AshbyHandler {
    static final int MAX_LIMIT = 100;

    /** A response body, how many records it holds, and its error code (null on success). */
    record Result(ObjectNode body, int records, String errorCode) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final AshbyStore store;
    private final AshbyRenderer renderer;
    private final AshbyTokens tokens;
    private final SimClock clock;
    private final Duration cursorTtl;
    private final Duration syncTokenTtl;
    private final int maxDeltaRecords;
    private final boolean repeatedCursors;
    /** Tokens with a serial up to this are expired ({@link #expireSyncTokens}). */
    private volatile long expiredUpTo;

    AshbyHandler(AshbyStore store, AshbyRenderer renderer, AshbyTokens tokens, SimClock clock, Duration cursorTtl,
            Duration syncTokenTtl, int maxDeltaRecords, boolean repeatedCursors) {
        this.store = store;
        this.renderer = renderer;
        this.tokens = tokens;
        this.clock = clock;
        this.cursorTtl = cursorTtl;
        this.syncTokenTtl = syncTokenTtl;
        this.maxDeltaRecords = maxDeltaRecords;
        this.repeatedCursors = repeatedCursors;
    }

    void expireSyncTokens() {
        expiredUpTo = tokens.lastSerial();
    }

    /** Signals an answer with {@code success:false}. */
    private static final class Failure extends Exception {
        final String code;

        Failure(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    Result handle(AshbyResource r, byte[] rawBody, String requestId) {
        try {
            ObjectNode body = parse(rawBody);
            boolean includeInactive = flag(r, body);
            return switch (r.kind) {
                case UNPAGED -> unpaged(r, includeInactive);
                case CHILD -> children(r, body);
                case PAGED -> paged(r, body, includeInactive, listed(r, body));
            };
        } catch (Failure f) {
            return new Result(error(f.code, f.getMessage(), requestId), 0, f.code);
        }
    }

    /** {"success":false,"errorInfo":{code,message,requestId},"errors":[code]}. */
    ObjectNode error(String code, String message, String requestId) {
        ObjectNode n = json.createObjectNode();
        n.put("success", false);
        ObjectNode info = n.putObject("errorInfo");
        info.put("code", code);
        info.put("message", message);
        info.put("requestId", requestId);
        n.putArray("errors").add(code);
        return n;
    }

    // ------------------------------------------------------------------ methods

    private Result unpaged(AshbyResource r, boolean includeInactive) {
        List<Row> rows = store.all(r, includeInactive);
        ObjectNode n = success();
        ArrayNode results = n.putArray("results");
        rows.forEach(row -> results.add(renderer.render(row)));
        return new Result(n, rows.size(), null);
    }

    /** The records a list shows besides the inactive flag: of survey submissions, those of the type asked for. */
    private static IntPredicate listed(AshbyResource r, ObjectNode body) throws Failure {
        if (r.flag != AshbyResource.Flag.SURVEY_TYPE) {
            return i -> true;
        }
        String type = text(body, r.flag.field);
        if (type == null) {
            throw new Failure("invalid_input", r.flag.field + " is required");
        }
        int wanted = AshbyResource.SURVEY_TYPES.indexOf(type);
        if (wanted < 0) {
            throw new Failure("invalid_input", r.flag.field + " must be one of " + AshbyResource.SURVEY_TYPES);
        }
        return i -> AshbyStore.surveyType(i) == wanted;
    }

    private Result paged(AshbyResource r, ObjectNode body, boolean includeInactive, IntPredicate listed)
            throws Failure {
        int limit = limit(body);
        String cursorText = text(body, "cursor");
        String tokenText = text(body, "syncToken");
        long now = clock.nowMillis();
        char kind;
        long position;
        long passSeq;
        long baseSeq = -1;
        long baseSerial = -1;
        if (cursorText == null) {
            if (tokenText == null) {
                kind = 'F';
                position = 0;
                passSeq = store.currentSeq();
            } else {
                SyncToken t = token(r, tokenText);
                if (t.serial() <= expiredUpTo || (syncTokenTtl != null && now - t.issuedMs() > syncTokenTtl.toMillis())) {
                    throw new Failure("sync_token_expired", "The sync token has expired; start a full sync without it");
                }
                kind = 'D';
                position = t.seq();
                passSeq = store.currentSeq();
                baseSeq = t.seq();
                baseSerial = t.serial();
                int changed = store.countDelta(r, t.seq(), passSeq, includeInactive, listed, maxDeltaRecords);
                if (changed > maxDeltaRecords) {
                    throw new Failure("incremental_sync_too_large", "Too many records changed since the sync token "
                            + "was issued; start a full sync without it");
                }
            }
        } else {
            Cursor c = tokens.decodeCursor(cursorText);
            if (c == null || !c.method().equals(r.method) || c.kind() == 'H') {
                throw new Failure("invalid_next_cursor", "The cursor is invalid for " + r.method);
            }
            if (cursorTtl != null && now - c.issuedMs() > cursorTtl.toMillis()) {
                throw new Failure("next_cursor_expired", "The cursor has expired; start the listing again");
            }
            if (tokenText != null) {
                SyncToken t = token(r, tokenText);
                if (c.kind() != 'D' || t.serial() != c.baseSerial()) {
                    throw new Failure("invalid_input", "syncToken does not belong to the sync this cursor continues");
                }
            }
            kind = c.kind();
            position = c.position();
            passSeq = c.passSeq();
            baseSeq = c.baseSeq();
            baseSerial = c.baseSerial();
        }
        Page page = kind == 'F' ? store.fullPage(r, position, limit, includeInactive, listed)
                : store.deltaPage(r, position, passSeq, limit, includeInactive, listed);
        ObjectNode n = success();
        ArrayNode results = n.putArray("results");
        page.rows().forEach(row -> results.add(renderer.render(row)));
        n.put("moreDataAvailable", page.more());
        n.put("nextCursor", repeatedCursors && cursorText != null && page.more() ? cursorText
                : tokens.cursor(kind, r.method, page.nextPosition(), passSeq, baseSeq, baseSerial, now));
        if (!page.more()) {
            n.put("syncToken", tokens.syncToken(r.method, passSeq, now));
        }
        return new Result(n, page.rows().size(), null);
    }

    /** A list of one parent's records: application history, candidate notes, a plan's stages, a schedule's events. */
    private Result children(AshbyResource r, ObjectNode body) throws Failure {
        int limit = limit(body);
        if (body.hasNonNull("syncToken") && r != AshbyResource.INTERVIEW_EVENTS) {
            throw new Failure("invalid_input", r.method + " does not support syncToken");
        }
        String parentId = text(body, r.idParam);
        if (parentId == null) {
            throw new Failure("invalid_input", r.idParam + " is required");
        }
        int app = store.indexOf(r.parent, parentId);
        if (app < 0) {
            throw new Failure(r.parentNotFoundCode(), "Not found: " + parentId);
        }
        String cursorText = text(body, "cursor");
        long now = clock.nowMillis();
        long position = 0;
        if (cursorText != null) {
            Cursor c = tokens.decodeCursor(cursorText);
            if (c == null || c.kind() != 'H' || !c.method().equals(r.method) || c.passSeq() != app) {
                throw new Failure("invalid_next_cursor", "The cursor is invalid for " + r.method);
            }
            if (cursorTtl != null && now - c.issuedMs() > cursorTtl.toMillis()) {
                throw new Failure("next_cursor_expired", "The cursor has expired; start the listing again");
            }
            position = c.position();
        }
        List<ObjectNode> entries = renderer.children(r, store.row(r.parent, app), store);
        int from = (int) Math.min(Math.max(0, position), entries.size());
        int to = Math.min(entries.size(), from + limit);
        ObjectNode n = success();
        ArrayNode results = n.putArray("results");
        entries.subList(from, to).forEach(results::add);
        n.put("moreDataAvailable", to < entries.size());
        n.put("nextCursor", tokens.cursor('H', r.method, to, app, -1, -1, now));
        return new Result(n, to - from, null);
    }

    // ------------------------------------------------------------------ parsing

    private ObjectNode success() {
        ObjectNode n = json.createObjectNode();
        n.put("success", true);
        return n;
    }

    private ObjectNode parse(byte[] raw) throws Failure {
        JsonNode n;
        try {
            n = raw.length == 0 ? null : json.readTree(raw);
        } catch (IOException e) {
            throw new Failure("invalid_input", "The request body is not valid JSON");
        }
        if (n == null || !n.isObject()) {
            throw new Failure("invalid_input", "The request body must be a JSON object");
        }
        return (ObjectNode) n;
    }

    private SyncToken token(AshbyResource r, String text) throws Failure {
        SyncToken t = tokens.decodeToken(text);
        if (t == null || !t.method().equals(r.method)) {
            throw new Failure("sync_token_invalid", "The sync token is invalid for " + r.method);
        }
        return t;
    }

    private static int limit(ObjectNode body) throws Failure {
        JsonNode l = body.get("limit");
        if (l == null || l.isNull()) {
            return MAX_LIMIT;
        }
        if (!l.isIntegralNumber() || !l.canConvertToInt() || l.intValue() < 1 || l.intValue() > MAX_LIMIT) {
            throw new Failure("invalid_input", "limit must be an integer from 1 to " + MAX_LIMIT);
        }
        return l.intValue();
    }

    /** An optional string field (absent or null: null). */
    private static String text(ObjectNode body, String field) throws Failure {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new Failure("invalid_input", field + " must be a string");
        }
        return v.textValue();
    }

    private static boolean flag(AshbyResource r, ObjectNode body) throws Failure {
        if (r.flag == AshbyResource.Flag.NONE || r.flag == AshbyResource.Flag.SURVEY_TYPE) {
            return true;
        }
        JsonNode v = body.get(r.flag.field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (r.flag == AshbyResource.Flag.STATUS_WITH_DRAFT) {
            if (!v.isArray()) {
                throw new Failure("invalid_input", r.flag.field + " must be an array of job statuses");
            }
            boolean draft = false;
            for (JsonNode status : v) {
                draft |= "Draft".equals(status.asText());
            }
            return draft;
        }
        if (!v.isBoolean()) {
            throw new Failure("invalid_input", r.flag.field + " must be a boolean");
        }
        return v.booleanValue();
    }
}
