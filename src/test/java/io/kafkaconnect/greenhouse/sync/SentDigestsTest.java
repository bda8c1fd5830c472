package io.kafkaconnect.greenhouse.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class SentDigestsTest {

    @Test
    void tellsNewAndChangedContentFromContentSentBefore() {
        SentDigests sent = new SentDigests();
        assertThat(sent.changed("a", 1)).isTrue();
        assertThat(sent.changed("a", 1)).isFalse();
        assertThat(sent.changed("a", 2)).isTrue();
        assertThat(sent.changed(7L, 2)).isTrue();
        assertThat(sent.changed(7L, 2)).isFalse();
        assertThat(sent.changed("b", 2)).isTrue();
    }

    @Test
    void keepsEveryRecordAcrossGrowth() {
        SentDigests sent = new SentDigests();
        String[] ids = new String[50_000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = UUID.randomUUID().toString();
            assertThat(sent.changed(ids[i], i)).isTrue();
        }
        assertThat(sent.size()).isEqualTo(ids.length);
        for (int i = 0; i < ids.length; i++) {
            assertThat(sent.changed(ids[i], i)).as(ids[i]).isFalse();
        }
    }
}
