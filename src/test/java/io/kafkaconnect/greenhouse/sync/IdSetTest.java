package io.kafkaconnect.greenhouse.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdSetTest {

    @Test
    void numberIdsComeSortedByValueNegativesFirst() {
        IdSet ids = new IdSet(IdSet.Kind.NUMBER);
        SplittableRandom random = new SplittableRandom(11);
        List<Long> expected = new ArrayList<>(List.of(Long.MIN_VALUE, -1L, 0L, Long.MAX_VALUE));
        for (int i = 0; i < 5_000; i++) {
            expected.add(random.nextLong());
        }
        expected.forEach(ids::add);
        expected.sort(null);

        assertThat(ids.sorted()).containsExactlyElementsOf(expected);
        assertThat(new IdSet(IdSet.Kind.NUMBER).sorted()).isEmpty();
    }

    @Test
    void uuidsComeSortedByTheirHalvesAsUnsignedNumbersThenTheOtherStrings() {
        IdSet ids = new IdSet(IdSet.Kind.STRING);
        UUID high = new UUID(-1L, 0L); // ffffffff-...: last as unsigned
        UUID low = new UUID(1L, -1L);
        UUID lower = new UUID(1L, 5L);
        List.of(high.toString(), "zeta", low.toString(), "alpha", lower.toString()).forEach(ids::add);

        assertThat(ids.sorted()).containsExactly(lower.toString(), low.toString(), high.toString(), "alpha", "zeta");
    }
}
