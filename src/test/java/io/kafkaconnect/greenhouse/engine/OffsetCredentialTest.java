package io.kafkaconnect.greenhouse.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaconnect.greenhouse.config.EngineConfig.CredentialChange;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

class OffsetCredentialTest {
    private static final String OURS = "0123456789abcdef";
    private static final String THEIRS = "fedcba9876543210";

    private static Map<String, Object> offset(String credential, long watermark) {
        Map<String, Object> map = new HashMap<>(Map.of("v", 1, "watermark", watermark));
        if (credential != null) {
            map.put(OffsetCredential.KEY, credential);
        }
        return map;
    }

    /** candidates written by this credential, jobs by another, offers by an older version, users never. */
    private static Map<String, Map<String, Object>> stored() {
        Map<String, Map<String, Object>> stored = new LinkedHashMap<>();
        stored.put("candidates", offset(OURS, 1000));
        stored.put("jobs", offset(THEIRS, 2000));
        stored.put("offers", offset(null, 3000));
        stored.put("users", null);
        return stored;
    }

    @Test
    void offsetsCarryTheFingerprintNextToThePosition() {
        OffsetCredential credential = new OffsetCredential(OURS, CredentialChange.FAIL);
        Map<String, Object> stamped = credential.stamp(Map.of("v", 1, "watermark", 5L));
        assertThat(stamped).containsEntry("credential", OURS).containsEntry("watermark", 5L);
        org.apache.kafka.connect.storage.OffsetUtils.validateFormat(stamped);
        assertThat(OffsetCredential.position(stamped)).isEqualTo(Map.of("v", 1, "watermark", 5L));
        assertThat(credential.stamp(null)).isNull();
    }

    @Test
    void failRefusesAnotherCredentialsOffsetsNamingTheResourcesAndTheWaysOut() {
        OffsetCredential credential = new OffsetCredential(OURS, CredentialChange.FAIL);
        assertThatThrownBy(() -> credential.resumable(stored())).isInstanceOf(ConnectException.class)
                .hasMessageContaining("jobs (" + THEIRS + ")").hasMessageNotContaining("candidates")
                .hasMessageNotContaining("offers")
                .hasMessageContaining("offsets.credential.change=resume")
                .hasMessageContaining("offsets.credential.change=restart")
                .hasMessageContaining("/offsets");
    }

    @Test
    void resumeGoesOnFromEveryStoredPosition() {
        Map<String, Map<String, Object>> positions = new OffsetCredential(OURS, CredentialChange.RESUME)
                .resumable(stored());
        assertThat(positions.get("candidates")).isEqualTo(Map.of("v", 1, "watermark", 1000L));
        assertThat(positions.get("jobs")).isEqualTo(Map.of("v", 1, "watermark", 2000L));
        assertThat(positions.get("offers")).isEqualTo(Map.of("v", 1, "watermark", 3000L));
        assertThat(positions).containsEntry("users", null);
    }

    @Test
    void restartDropsOnlyTheOffsetsAnotherCredentialWrote() {
        Map<String, Map<String, Object>> positions = new OffsetCredential(OURS, CredentialChange.RESTART)
                .resumable(stored());
        assertThat(positions).containsEntry("jobs", null).containsEntry("users", null);
        assertThat(positions.get("candidates")).isEqualTo(Map.of("v", 1, "watermark", 1000L));
        assertThat(positions.get("offers")).as("no fingerprint: written before there were any")
                .isEqualTo(Map.of("v", 1, "watermark", 3000L));
    }

    @Test
    void aWrittenOffsetMayLeaveTheFingerprintOutButNotCarryAnotherCredentials() {
        OffsetCredential.checkWritten(Optional.of(OURS), offset(OURS, 1));
        OffsetCredential.checkWritten(Optional.of(OURS), offset(null, 1));
        assertThatThrownBy(() -> OffsetCredential.checkWritten(Optional.of(OURS), offset(THEIRS, 1)))
                .hasMessageContaining("'credential'").hasMessageContaining(THEIRS).hasMessageContaining("leave it out");
    }
}
