package io.kafkaconnect.greenhouse.simulator.ashby;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The invertible id scheme and the token codec. */
class AshbySimulatorIdsTest {

    @Test
    void idsRoundTripAndRejectForeignOrAlteredOnes() {
        AshbyIds ids = new AshbyIds(42);
        Set<String> seen = new HashSet<>();
        for (int code : new int[] {1, 2, 12, 40}) {
            for (int index : new int[] {0, 1, 2, 199_999, 8_388_607, Integer.MAX_VALUE}) {
                for (int sub : new int[] {0, 5, (1 << 24) - 1}) {
                    String id = ids.id(code, sub, index);
                    assertThat(seen.add(id)).isTrue();
                    assertThat(ids.decode(id)).isEqualTo(new AshbyIds.Key(code, sub, index));
                    assertThat(ids.decode(id.substring(0, 35) + (id.charAt(35) == '0' ? '1' : '0'))).isNull();
                    assertThat(new AshbyIds(43).decode(id)).isNull();
                }
            }
        }
        assertThat(ids.decode("00000000-0000-4000-8000-000000000000")).isNull();
        assertThat(ids.decode("not-a-uuid")).isNull();
        assertThat(ids.decode(null)).isNull();
        for (long z : new long[] {0, 1, -1, 0x123456789ABCDEFL, Long.MIN_VALUE}) {
            assertThat(AshbyIds.unmix(AshbyIds.mix(z))).isEqualTo(z);
        }
    }

    @Test
    void tokensAndCursorsRoundTripAndDetectGarbling() {
        AshbyTokens tokens = new AshbyTokens(1, true);
        String t = tokens.syncToken("candidate.list", 77, 1_700_000_000_000L);
        String c = tokens.cursor('D', "job.list", 12, 34, 5, 6, 1_700_000_000_001L);

        assertThat(tokens.decodeToken(t)).isEqualTo(new AshbyTokens.SyncToken("candidate.list", 77, 1, 1_700_000_000_000L));
        assertThat(tokens.decodeCursor(c))
                .isEqualTo(new AshbyTokens.Cursor('D', "job.list", 12, 34, 5, 6, 1_700_000_000_001L));
        assertThat(tokens.decodeCursor(t)).isNull();
        assertThat(tokens.decodeToken(c)).isNull();
        for (int i = 0; i < t.length(); i++) {
            String garbled = t.substring(0, i) + (t.charAt(i) == 'Q' ? 'R' : 'Q') + t.substring(i + 1);
            assertThat(tokens.decodeToken(garbled)).as("position " + i).isNull();
        }
        assertThat(new AshbyTokens(2, true).decodeToken(t)).isNull();
        assertThat(tokens.syncToken("candidate.list", 77, 1_700_000_000_000L)).isNotEqualTo(t); // new serial
    }
}
