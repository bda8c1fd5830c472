package io.kafkaconnect.greenhouse.simulator.ashby;

import static io.kafkaconnect.greenhouse.simulator.ashby.AshbyHttp.body;
import static io.kafkaconnect.greenhouse.simulator.ashby.AshbyHttp.ids;
import static io.kafkaconnect.greenhouse.simulator.ashby.AshbyHttp.last;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.greenhouse.simulator.ashby.AshbyHttp.Resp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** syncToken deltas, cursor and token errors, and the no-loss guarantee across passes. */
class AshbySimulatorSyncTest extends AshbySimulatorFixture {

    private String fullPassToken(String method, int limit) throws Exception {
        List<Resp> pages = http.walk(method, body().put("limit", limit));
        assertThat(last(pages).success()).isTrue();
        return last(pages).syncToken();
    }

    @Test
    void deltaReturnsExactlyTheRecordsChangedSinceTheTokensPassBegan() throws Exception {
        start(AshbySimulator.builder().records("candidates", 120));
        String token = fullPassToken("candidate.list", 50);
        List<String> all = sim.ids("candidates");
        Map<String, JsonNode> before = sim.truth("candidates");

        sim.edit("candidates", all.get(100));
        sim.edit("candidates", all.get(3));
        String inserted = sim.insert("candidates");
        sim.edit("candidates", all.get(100)); // edited twice: listed once, at its latest change
        String inserted2 = sim.insert("candidates");

        List<Resp> delta = http.walk("candidate.list", body().put("syncToken", token).put("limit", 2));

        assertThat(ids(delta)).containsExactly(all.get(3), inserted, all.get(100), inserted2);
        assertThat(delta).hasSize(2);
        assertThat(delta.get(0).syncToken()).isNull();
        String next = last(delta).syncToken();
        assertThat(next).isNotBlank().isNotEqualTo(token);
        Map<String, JsonNode> truth = sim.truth("candidates");
        delta.forEach(p -> p.json().get("results").forEach(n -> assertThat(n).isEqualTo(truth.get(n.get("id").asText()))));
        JsonNode edited = truth.get(all.get(100));
        assertThat(edited.get("position")).isNotEqualTo(before.get(all.get(100)).get("position"));
        assertThat(edited.get("updatedAt")).isNotEqualTo(before.get(all.get(100)).get("updatedAt"));
        assertThat(edited.get("createdAt")).isEqualTo(before.get(all.get(100)).get("createdAt"));

        Resp empty = http.post("candidate.list", body().put("syncToken", next));
        assertThat(empty.ids()).isEmpty();
        assertThat(empty.more()).isFalse();
        assertThat(empty.syncToken()).isNotBlank();
        // the old token still works and still sees the same changes
        assertThat(ids(http.walk("candidate.list", body().put("syncToken", token)))).hasSize(4);
    }

    @Test
    void changesDuringAFullPassAreNeverLost() throws Exception {
        start(AshbySimulator.builder().records("applications", 300));
        List<String> all = sim.ids("applications");
        Map<String, JsonNode> seen = new HashMap<>();
        List<String> served = new ArrayList<>();

        Resp page = http.post("application.list", body().put("limit", 100));
        collect(page, seen, served);
        sim.edit("applications", all.get(10));   // already served
        sim.edit("applications", all.get(250));  // not yet served
        String early = sim.insert("applications");
        page = http.post("application.list", body().put("limit", 100).put("cursor", page.cursor()));
        collect(page, seen, served);
        sim.edit("applications", all.get(150));  // just served
        while (page.more()) {
            page = http.post("application.list", body().put("limit", 100).put("cursor", page.cursor()));
            collect(page, seen, served);
        }
        String token = page.syncToken();
        String late = sim.insert("applications"); // after the pass: only in the delta

        assertThat(served).contains(early).doesNotContain(late).doesNotHaveDuplicates();
        List<Resp> delta = http.walk("application.list", body().put("syncToken", token));
        List<String> deltaIds = ids(delta);
        delta.forEach(p -> collect(p, seen, new ArrayList<>()));

        assertThat(deltaIds).containsExactly(all.get(10), all.get(250), early, all.get(150), late);
        assertThat(seen).isEqualTo(sim.truth("applications"));
    }

    @Test
    void changesDuringADeltaAreInTheNextDeltaAndTheDeltaEnds() throws Exception {
        start(AshbySimulator.builder().records("candidates", 40));
        List<String> all = sim.ids("candidates");
        String token = fullPassToken("candidate.list", 100);
        for (int i = 0; i < 6; i++) {
            sim.edit("candidates", all.get(i));
        }
        Map<String, JsonNode> seen = new HashMap<>();

        Resp page = http.post("candidate.list", body().put("syncToken", token).put("limit", 2));
        collect(page, seen, new ArrayList<>());
        sim.edit("candidates", all.get(0)); // served: changes again
        sim.edit("candidates", all.get(5)); // not yet served: moves past the delta's end
        String inserted = sim.insert("candidates");
        List<String> rest = new ArrayList<>();
        while (page.more()) {
            page = http.post("candidate.list", body().put("syncToken", token).put("limit", 2).put("cursor", page.cursor()));
            collect(page, seen, rest);
        }
        assertThat(rest).containsExactly(all.get(2), all.get(3), all.get(4));

        List<Resp> next = http.walk("candidate.list", body().put("syncToken", page.syncToken()));
        assertThat(ids(next)).containsExactly(all.get(0), all.get(5), inserted);
        next.forEach(p -> collect(p, seen, new ArrayList<>()));
        Map<String, JsonNode> truth = sim.truth("candidates");
        seen.forEach((id, n) -> assertThat(n).isEqualTo(truth.get(id)));
    }

    @Test
    void laterDeltaPagesAcceptTheCursorAloneOrWithTheSameTokenOnly() throws Exception {
        start(AshbySimulator.builder().records("users", 30));
        String token = fullPassToken("user.list", 100);
        String otherToken = fullPassToken("user.list", 100);
        sim.bulkEdit("users", 10);
        String inactive = sim.ids("users").get(8);
        sim.edit("users", inactive);

        List<String> withToken = ids(http.walk("user.list", body().put("syncToken", token).put("limit", 3), true));
        List<String> cursorOnly = ids(http.walk("user.list", body().put("syncToken", token).put("limit", 3), false));
        Resp first = http.post("user.list", body().put("syncToken", token).put("limit", 3));
        Resp mismatched = http.post("user.list",
                body().put("syncToken", otherToken).put("limit", 3).put("cursor", first.cursor()));
        Resp fullCursor = http.post("user.list", body().put("limit", 3));
        Resp tokenOnFullPass = http.post("user.list",
                body().put("syncToken", token).put("cursor", fullCursor.cursor()));
        Resp garbledRepeat = http.post("user.list", body().put("syncToken", token.substring(1))
                .put("cursor", first.cursor()));

        assertThat(withToken).isEqualTo(cursorOnly).hasSizeBetween(7, 10).doesNotContain(inactive);
        assertThat(ids(http.walk("user.list", body().put("syncToken", token).put("includeDeactivated", true))))
                .contains(inactive);
        assertThat(mismatched.errorCode()).isEqualTo("invalid_input");
        assertThat(tokenOnFullPass.errorCode()).isEqualTo("invalid_input");
        assertThat(garbledRepeat.errorCode()).isEqualTo("sync_token_invalid");
    }

    @Test
    void expiredAndGarbledCursorsGetTheirCodesInHttp200() throws Exception {
        start(AshbySimulator.builder().records("candidates", 30).records("jobs", 30)
                .cursorTtl(Duration.ofMinutes(5)));
        Resp first = http.post("candidate.list", body().put("limit", 10));
        String cursor = first.cursor();
        String garbled = cursor.substring(0, 10) + (cursor.charAt(10) == 'A' ? 'B' : 'A') + cursor.substring(11);

        Resp fresh = http.post("candidate.list", body().put("limit", 10).put("cursor", cursor));
        Resp bad = http.post("candidate.list", body().put("limit", 10).put("cursor", garbled));
        Resp junk = http.post("candidate.list", body().put("cursor", "not a cursor!"));
        Resp otherMethod = http.post("job.list", body().put("cursor", cursor));
        sim.setClockOffset(Duration.ofMinutes(6));
        Resp expired = http.post("candidate.list", body().put("limit", 10).put("cursor", cursor));
        Resp restart = http.post("candidate.list", body().put("limit", 10));

        assertThat(fresh.success()).isTrue();
        for (Resp r : List.of(bad, junk, otherMethod)) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.errorCode()).isEqualTo("invalid_next_cursor");
            assertThat(r.json().path("errors").get(0).asText()).isEqualTo("invalid_next_cursor");
        }
        assertThat(expired.status()).isEqualTo(200);
        assertThat(expired.success()).isFalse();
        assertThat(expired.errorCode()).isEqualTo("next_cursor_expired");
        assertThat(restart.ids()).isEqualTo(first.ids());
        // a cursor issued after the clock jump is fresh again
        assertThat(http.post("candidate.list", body().put("cursor", restart.cursor())).success()).isTrue();
    }

    @Test
    void expiredAndGarbledTokensGetTheirCodes() throws Exception {
        start(AshbySimulator.builder().records("departments", 20).records("locations", 5)
                .syncTokenTtl(Duration.ofHours(24)));
        String token = fullPassToken("department.list", 100);
        String locationToken = fullPassToken("location.list", 100);
        String garbled = token.substring(0, 12) + (token.charAt(12) == 'x' ? 'y' : 'x') + token.substring(13);

        assertThat(http.post("department.list", body().put("syncToken", token)).success()).isTrue();
        assertThat(http.post("department.list", body().put("syncToken", garbled)).errorCode())
                .isEqualTo("sync_token_invalid");
        assertThat(http.post("department.list", body().put("syncToken", "garbage")).errorCode())
                .isEqualTo("sync_token_invalid");
        assertThat(http.post("department.list", body().put("syncToken", locationToken)).errorCode())
                .isEqualTo("sync_token_invalid");
        // a cursor is not a token
        String cursor = http.post("department.list", body().put("limit", 1)).cursor();
        assertThat(http.post("department.list", body().put("syncToken", cursor)).errorCode())
                .isEqualTo("sync_token_invalid");

        sim.setClockOffset(Duration.ofHours(25));
        Resp old = http.post("department.list", body().put("syncToken", token));
        assertThat(old.status()).isEqualTo(200);
        assertThat(old.errorCode()).isEqualTo("sync_token_expired");
        String renewed = fullPassToken("department.list", 100);
        assertThat(http.post("department.list", body().put("syncToken", renewed)).success()).isTrue();

        sim.expireSyncTokens();
        assertThat(http.post("department.list", body().put("syncToken", renewed)).errorCode())
                .isEqualTo("sync_token_expired");
        assertThat(http.post("location.list", body().put("syncToken", locationToken)).errorCode())
                .isEqualTo("sync_token_expired");
        String after = fullPassToken("department.list", 100);
        assertThat(http.post("department.list", body().put("syncToken", after)).success()).isTrue();
        assertThat(sim.requestLog()).filteredOn(r -> "sync_token_expired".equals(r.errorCode())).hasSize(3);
    }

    @Test
    void tooLargeDeltasAreRefusedOnTheirFirstPage() throws Exception {
        start(AshbySimulator.builder().records("interview_schedules", 50).maxDeltaRecords(5));
        String token = fullPassToken("interviewSchedule.list", 100);
        sim.bulkEdit("interview_schedules", 5);

        List<Resp> fits = http.walk("interviewSchedule.list", body().put("syncToken", token).put("limit", 2));
        assertThat(ids(fits)).hasSize(5);
        String next = last(fits).syncToken();

        List<String> edited = sim.bulkEdit("interview_schedules", 6);
        Resp tooLarge = http.post("interviewSchedule.list", body().put("syncToken", next).put("limit", 2));
        assertThat(tooLarge.status()).isEqualTo(200);
        assertThat(tooLarge.success()).isFalse();
        assertThat(tooLarge.errorCode()).isEqualTo("incremental_sync_too_large");

        // the recovery: a full pass, whose token then works
        String fresh = fullPassToken("interviewSchedule.list", 100);
        sim.edit("interview_schedules", edited.get(0));
        assertThat(ids(http.walk("interviewSchedule.list", body().put("syncToken", fresh))))
                .containsExactly(edited.get(0));
    }

    @Test
    void bulkEditedRecordsShareOneUpdatedAtButHaveTheirOwnSequence() throws Exception {
        start(AshbySimulator.builder().records("candidates", 40));
        String token = fullPassToken("candidate.list", 100);

        List<String> edited = sim.bulkEdit("candidates", 7);

        Set<String> stamps = new LinkedHashSet<>();
        List<Resp> delta = http.walk("candidate.list", body().put("syncToken", token).put("limit", 3));
        delta.forEach(p -> p.json().get("results").forEach(n -> stamps.add(n.get("updatedAt").asText())));
        assertThat(ids(delta)).containsExactlyInAnyOrderElementsOf(edited).doesNotHaveDuplicates();
        assertThat(stamps).hasSize(1);
        assertThat(sim.versions("candidates")).containsEntry(edited.get(0), 2);
    }

    @Test
    void uncheckedTokensArePlainBase64AndStillWork() throws Exception {
        start(AshbySimulator.builder().records("offers", 12).checkedTokens(false));
        String token = fullPassToken("offer.list", 5);
        String offer = sim.ids("offers").get(4);
        sim.edit("offers", offer);

        assertThat(new String(java.util.Base64.getUrlDecoder().decode(token))).startsWith("t1|offer.list|");
        assertThat(ids(http.walk("offer.list", body().put("syncToken", token)))).containsExactly(offer);
        assertThat(http.post("offer.list", body().put("syncToken", "%%%")).errorCode()).isEqualTo("sync_token_invalid");
    }

    private static void collect(Resp page, Map<String, JsonNode> seen, List<String> served) {
        assertThat(page.success()).as(page.body()).isTrue();
        page.json().get("results").forEach(n -> {
            seen.put(n.get("id").asText(), n);
            served.add(n.get("id").asText());
        });
    }
}
