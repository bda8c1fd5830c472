package io.kafkaconnect.greenhouse.docs;

import io.kafkaconnect.greenhouse.ashby.AshbyAccess;
import io.kafkaconnect.greenhouse.ashby.AshbyDialect;
import io.kafkaconnect.greenhouse.config.EngineConfig;
import io.kafkaconnect.greenhouse.dialect.Dialect;
import io.kafkaconnect.greenhouse.dialect.OmittedEndpoint;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.SyncMode;
import io.kafkaconnect.greenhouse.dialect.TokenDialect;
import io.kafkaconnect.greenhouse.harvest.config.HarvestDialects;
import io.kafkaconnect.greenhouse.schema.RecordConverter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes {@code docs/resources.md} from the dialects, so the resource reference can never fall behind the code.
 * Run: {@code mvn -q compile exec:java -Dexec.classpathScope=compile -Dexec.mainClass=io.kafkaconnect.greenhouse.docs.ResourceDocs -Dexec.args=docs/resources.md}
 */
public final class ResourceDocs {
    /** The command that regenerates the file; quoted in the file and in the staleness test. */
    public static final String REGENERATE = "mvn -q compile exec:java -Dexec.classpathScope=compile "
            + "-Dexec.mainClass=io.kafkaconnect.greenhouse.docs.ResourceDocs -Dexec.args=docs/resources.md";

    private ResourceDocs() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/resources.md");
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Files.writeString(out, render(), StandardCharsets.UTF_8);
    }

    /** The reference of every dialect. */
    public static String render() {
        return render(HarvestDialects.all(), AshbyDialect.INSTANCE);
    }

    /** The reference of the Harvest dialects and of Ashby's. */
    public static String render(List<Dialect> harvest, TokenDialect ashby) {
        StringBuilder md = new StringBuilder();
        md.append("# Resources\n\n")
                .append("Generated from the dialects by `ResourceDocs`; do not edit by hand. Regenerate with\n`")
                .append(REGENERATE).append("`.\n\n")
                .append("A resource is one list endpoint of the API. Select resources with ")
                .append("`greenhouse.resources` (Greenhouse; empty means all of the chosen API version) or ")
                .append("`ashby.resources` (Ashby; empty means all). Each resource goes to ")
                .append("the topic `<topic.prefix>.<resource>`. The record key is a struct named `<value schema>Key` ")
                .append("with one field, the key column (int64 for Harvest ids, a UUID string for Ashby ids); the ")
                .append("value is a struct of the value schema, with every field optional. The record timestamp is ")
                .append("the change field, where the resource has one. A topic holds every record of its ")
                .append("resource, whatever the list's default filter: the parameters shown ask for the records a ")
                .append("list hides by default ([default-filters.md](default-filters.md)).\n\n")
                .append("Every list endpoint the project's API references document is here: as a resource, or ")
                .append("under *Endpoints that are not resources* with the reason it is not one.\n\n")
                .append("**Undeclared properties are kept.** Every value schema ends with the optional string field `")
                .append(RecordConverter.UNDECLARED_FIELD).append("`: the properties of the API's object that the ")
                .append("schema does not declare (APIs add properties over time), as one JSON object keyed by each ")
                .append("property's path in the record: a top-level property by its name, a nested one as ")
                .append("`parent.name` or `list[index].name`, each with its JSON value as sent, for example ")
                .append("`{\"new_flag\":true,\"departments[0].new_code\":\"X1\"}`. It is null when there are ")
                .append("none. Each such field is logged once per resource and field. `")
                .append(EngineConfig.UNDECLARED_FIELDS).append("=drop` leaves them out; `")
                .append(RecordConverter.UNDECLARED_FIELD).append("` then stays in the schema, always null, so ")
                .append("changing the setting never changes a schema.\n\n")
                .append("Sync modes:\n\n")
                .append("* **").append(SyncMode.INCREMENTAL.label()).append("**: windows `[from, to)` on the change ")
                .append("field, sent as the lower and upper filter; `to` follows the API server's clock minus ")
                .append("`sync.safety.lag.ms`.\n")
                .append("* **").append(SyncMode.INCREMENTAL_LOWER_BOUND_ONLY.label()).append("**: only the lower ")
                .append("filter exists; each pass reads forward from it and sends what changed before the pass began.\n")
                .append("* **").append(SyncMode.SNAPSHOT.label()).append("**: no change filter; the whole list is ")
                .append("re-read every `snapshot.interval.ms`; records that did not change since the task started ")
                .append("are not sent again.\n")
                .append("* **").append(SyncMode.SYNC_TOKEN.label()).append("** (Ashby): a full pass pages ")
                .append("through the whole list and keeps the sync token of its last page; later passes replay it ")
                .append("and get only what changed. A refused cursor restarts the pass; a refused token (expired, ")
                .append("invalid, or a delta too large) starts a full pass, in which records this task sent ")
                .append("unchanged before are not sent again.\n")
                .append("* **").append(SyncMode.PER_CHANGED_PARENT.label()).append("** (Ashby): the connector ")
                .append("keeps a sync token on the parent list and reads the per-parent list of each parent in ")
                .append("each delta: one request per changed parent, and per parent on the first pass.\n\n")
                .append("## Greenhouse Harvest\n\n")
                .append("Paging: links only, verbatim. A window that fits one page is one request. A larger window of a ")
                .append("classic (page-number) endpoint is walked down from its `last` page through `prev` links, ")
                .append("so records that leave the window while it is read (an edit moves them past its end) cannot ")
                .append("shift an unread record onto a page already read; the first page is read again last. ")
                .append("Next-only endpoints and cursor APIs are walked through `next` links.\n\n")
                .append("**Deletes and deactivations.** A deactivation (archived, disabled, inactive, closed) is ")
                .append("an edit: the record is sent again with its flag (`active=false` on job posts, custom fields, ")
                .append("demographics and prospect pools; `disabled=true` on users; Ashby: `isArchived`, `status`, ")
                .append("`archivedAt`), by the next window or pass that reads its change. A hard delete leaves no trace in ")
                .append("either API: the record simply stops being listed. With `")
                .append(EngineConfig.DELETES_MODE).append("=tombstone` (the default) it reaches its topic as a ")
                .append("tombstone (its key, a null value), as the column *a delete* says: a snapshot resource at the ")
                .append("end of the next pass (every `snapshot.interval.ms`; of the second, for a list of several ")
                .append("pages, whose second pass confirms what the first missed); an incremental one at the end of the ")
                .append("next reconciliation (every `").append(EngineConfig.DELETES_RECONCILE_INTERVAL_MS)
                .append("`, daily by default), which lists every id of the resource, paced at `")
                .append(EngineConfig.DELETES_RECONCILE_BUDGET_FRACTION).append("` of the rate budget. A ")
                .append("reconciliation of N records costs N / page size requests, one more on page-number ")
                .append("endpoints (their first page is read twice), and twice that when it finds deletes (a second ")
                .append("scan confirms them); for 200,000 candidates: Harvest v1 401 ")
                .append("requests (500 a page; at 0.1 of a 50-per-10-seconds budget about 13 minutes, 0.09 % of a ")
                .append("day's budget), Harvest v3 400 (500 a page; at 0.1 of a 75-per-30-seconds budget about 27 ")
                .append("minutes), Ashby 2,000 (100 a page; at 0.1 of 1,000 a minute about 20 minutes, 0.14 % of a ")
                .append("day's budget). A snapshot pass costs what it always did: a one-page list one request ")
                .append("(Harvest v1's 15 snapshot lists every 10 minutes: 0.5 % of a 50-per-10-seconds budget). ")
                .append("Put the topics on compaction (`cleanup.policy=compact`) so a tombstone removes the ")
                .append("record. See [architecture.md](architecture.md#deletes).\n");
        for (Dialect dialect : harvest) {
            renderDialect(md, dialect);
        }
        renderAshby(md, ashby);
        return md.toString();
    }

    private static void renderAshby(StringBuilder md, TokenDialect ashby) {
        md.append("\n## Ashby (`AshbySourceConnector`)\n\n")
                .append("Every call is `POST https://api.ashbyhq.com/<method>` with a JSON body (`limit` = `page.size`, ")
                .append("at most 100; `cursor`; `syncToken`) plus the flags shown. Ashby answers most errors inside ")
                .append("HTTP 200 (`success: false`); every answer is checked. The key needs the read permission ")
                .append("of each resource's module. **Deletes**: Ashby documents none in its deltas (UNCERTAIN), so ")
                .append("they are found as for Harvest (above); archived records arrive as updates (`isArchived`, ")
                .append("`status`, `archivedAt`).\n\n")
                .append("| resource | endpoint | paging | sync mode | change field | module | topic | key | value schema "
                        + "| a delete |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Resource r : ashby.resources()) {
            String endpoint = r.mode() == SyncMode.PER_CHANGED_PARENT
                    ? "`POST /" + r.path() + "` {" + r.parent().idParam() + "} per record of `POST /"
                    + r.parent().path() + "`"
                    : r.lists().stream().map(list -> {
                        String body = list.fixedParams().entrySet().stream()
                                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
                        return "`POST /" + list.path() + "`" + (body.isEmpty() ? "" : " {" + body + "}");
                    }).collect(Collectors.joining(", then "));
            md.append("| `").append(r.name()).append("` | ")
                    .append(endpoint).append(" | ")
                    .append(r.paging().label()).append(" | ")
                    .append(r.mode().label()).append(" | ")
                    .append(r.cursorField() == null ? "none" : "`" + r.cursorField() + "`").append(" | ")
                    .append(AshbyAccess.module(r.name())).append(" | ")
                    .append("`<topic.prefix>.").append(r.name()).append("` | ")
                    .append('`').append(r.keyField()).append("` | ")
                    .append('`').append(r.schemaName()).append("` | ")
                    .append(delete(r)).append(" |\n");
        }
        renderNotesAndOmissions(md, ashby, "");
    }

    private static void renderDialect(StringBuilder md, Dialect dialect) {
        String v = dialect.version();
        md.append("\n### Harvest ").append(v).append(" (`greenhouse.api.version=").append(v).append("`)\n\n")
                .append("| resource | endpoint | paging | sync mode | change field / filters | topic | key | value schema "
                        + "| a delete |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Resource r : dialect.resources()) {
            md.append("| `").append(r.name()).append("` | ")
                    .append(endpoint(v, r)).append(" | ")
                    .append(r.paging().label()).append(" | ")
                    .append(r.mode().label()).append(" | ")
                    .append(filters(r)).append(" | ")
                    .append("`<topic.prefix>.").append(r.name()).append("` | ")
                    .append('`').append(r.keyField()).append("` | ")
                    .append('`').append(r.schemaName()).append("` | ")
                    .append(delete(r)).append(" |\n");
        }
        boolean perParent = dialect.omittedEndpoints().stream().anyMatch(e -> e.endpoint().contains("{"));
        renderNotesAndOmissions(md, dialect, !perParent ? "" : "\"Per parent\" endpoints take a parent record's id: "
                + "reading them all would take one request per parent record on every pass, since Harvest has no "
                + "change feed of parents to limit it to the changed ones (as Ashby's sync tokens do for "
                + "`application_history`).\n\n");
    }

    private static void renderNotesAndOmissions(StringBuilder md, Dialect dialect, String omittedPreface) {
        List<Resource> noted = dialect.resources().stream().filter(r -> !r.notes().isBlank()).toList();
        if (!noted.isEmpty()) {
            md.append("\n#### Notes\n\n");
            for (Resource r : noted) {
                md.append("* `").append(r.name()).append("`: ").append(r.notes()).append('\n');
            }
        }
        if (!dialect.omittedEndpoints().isEmpty()) {
            md.append("\n#### Endpoints that are not resources\n\n").append(omittedPreface)
                    .append("| endpoint | why |\n| --- | --- |\n");
            for (OmittedEndpoint e : dialect.omittedEndpoints()) {
                md.append("| `").append(e.endpoint()).append("` | ").append(cell(e.reason())).append(" |\n");
            }
        }
    }

    /** The endpoint with its fixed parameters; each list of a resource read as several, joined by "then". */
    private static String endpoint(String version, Resource r) {
        return r.lists().stream().map(list -> {
            String query = list.fixedParams().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
            return "`GET /" + version + "/" + list.path() + (query.isEmpty() ? "" : "?" + query) + "`";
        }).collect(Collectors.joining(" then "));
    }

    private static String filters(Resource r) {
        return switch (r.mode()) {
            case INCREMENTAL -> r.lowerParam().equals(r.upperParam())
                    ? "`" + r.cursorField() + "`: `" + r.lowerParam() + "=gte|<from>|lt|<to>`"
                    : "`" + r.cursorField() + "`: `" + r.lowerParam() + "`, `" + r.upperParam() + "`";
            case INCREMENTAL_LOWER_BOUND_ONLY -> "`" + r.cursorField() + "`: `" + r.lowerParam() + "`";
            case SNAPSHOT -> "none";
            case SYNC_TOKEN, PER_CHANGED_PARENT -> throw new IllegalArgumentException(r.name() + " is not a Harvest resource");
        };
    }

    /** How a hard delete of one of the resource's records reaches its topic (with deletes.mode=tombstone). */
    private static String delete(Resource r) {
        return switch (r.mode()) {
            case SNAPSHOT -> "tombstone after the next pass";
            case PER_CHANGED_PARENT -> "not found (entries are read per changed parent only)";
            default -> "tombstone after the next reconciliation";
        };
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
