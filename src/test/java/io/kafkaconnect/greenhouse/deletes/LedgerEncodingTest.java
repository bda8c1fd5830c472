package io.kafkaconnect.greenhouse.deletes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaconnect.greenhouse.sync.IdSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LedgerEncodingTest {

    @Test
    void integerIdsComeBackAsTheyWentInAndTakeAFewBytesEachWhereTheyAreDense() {
        SplittableRandom random = new SplittableRandom(7);
        IdSet ids = new IdSet(IdSet.Kind.NUMBER);
        long id = 4_000_000_000L;
        for (int i = 0; i < 4_000; i++) {
            id += 1 + random.nextInt(300);
            ids.add(id);
        }
        ids.add(0L);
        ids.add(1L);
        ids.add(Long.MAX_VALUE);
        List<Object> sorted = ids.sorted();
        String encoded = LedgerEncoding.encode(sorted, IdSet.Kind.NUMBER);
        assertThat(decode(encoded, IdSet.Kind.NUMBER)).isEqualTo(sorted);
        assertThat(encoded.length()).as("base64 of about 2 bytes an id").isLessThan(4_003 * 3 * 4 / 3 + 40);
    }

    @Test
    void stringIdsComeBackAsTheyWentInUuidsIn17BytesEach() {
        SplittableRandom random = new SplittableRandom(3);
        IdSet ids = new IdSet(IdSet.Kind.STRING);
        for (int i = 0; i < 500; i++) {
            ids.add(new UUID(random.nextLong(), random.nextLong()).toString());
        }
        String uuids = LedgerEncoding.encode(ids.sorted(), IdSet.Kind.STRING);
        assertThat(uuids.length()).isEqualTo((500 * 17 + 2) / 3 * 4);
        // not UUIDs, or not in the canonical form a tombstone must repeat: kept as they are
        ids.add("6BA7B810-9DAD-11D1-80B4-00C04FD430C8");
        ids.add("plan-7/stage-2");
        ids.add("é");
        ids.add("");
        List<Object> sorted = ids.sorted();
        assertThat(sorted).hasSize(504).endsWith("", "6BA7B810-9DAD-11D1-80B4-00C04FD430C8", "plan-7/stage-2", "é");
        assertThat(decode(LedgerEncoding.encode(sorted, IdSet.Kind.STRING), IdSet.Kind.STRING)).isEqualTo(sorted);
        assertThat(LedgerEncoding.encode(List.of(), IdSet.Kind.STRING)).isEmpty();
        assertThat(decode("", IdSet.Kind.NUMBER)).isEmpty();
    }

    @Test
    void idsOutOfOrderOrNotOfTheKindAndDamagedTextAreRefused() {
        assertThatThrownBy(() -> LedgerEncoding.encode(List.of(5L, 3L), IdSet.Kind.NUMBER))
                .hasMessageContaining("ascending");
        assertThatThrownBy(() -> new IdSet(IdSet.Kind.NUMBER).add("5")).hasMessageContaining("not an integer");
        assertThatThrownBy(() -> new IdSet(IdSet.Kind.STRING).add(5L)).hasMessageContaining("not a string");
        assertThatThrownBy(() -> decode("gA==", IdSet.Kind.NUMBER)).hasMessageContaining("cut off");
        assertThatThrownBy(() -> decode("AAAA", IdSet.Kind.STRING)).hasMessageContaining("cut off");
        assertThatThrownBy(() -> decode("BwAA", IdSet.Kind.STRING)).hasMessageContaining("tag is 7");
    }

    private static List<Object> decode(String encoded, IdSet.Kind kind) {
        List<Object> out = new ArrayList<>();
        LedgerEncoding.decode(encoded, kind, out::add);
        return out;
    }
}
