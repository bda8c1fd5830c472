package io.kafkaconnect.greenhouse.engine;

import io.kafkaconnect.greenhouse.config.EngineConfig;
import io.kafkaconnect.greenhouse.config.EngineConfig.CredentialChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credential fingerprint every offset carries next to its position (key {@code credential}): every account of
 * an API shares one host, so the partition alone cannot tell a stranger's position from this connector's own.
 * The fingerprint is one-way (see {@link EngineConfig#credentialFingerprint()}); what a task does with an offset
 * another credential wrote is {@link EngineConfig#OFFSETS_CREDENTIAL_CHANGE}.
 */
public final class OffsetCredential {
    public static final String KEY = "credential";
    private static final Logger log = LoggerFactory.getLogger(OffsetCredential.class);

    private final String fingerprint;
    private final CredentialChange onChange;

    public OffsetCredential(String fingerprint, CredentialChange onChange) {
        this.fingerprint = fingerprint;
        this.onChange = onChange;
    }

    /** {@code offset} with the current credential's fingerprint; null stays null. */
    public Map<String, Object> stamp(Map<String, ?> offset) {
        if (offset == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>(offset);
        out.put(KEY, fingerprint);
        return out;
    }

    /** The position alone: {@code offset} without its fingerprint. */
    public static Map<String, Object> position(Map<String, ?> offset) {
        if (offset == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>(offset);
        out.remove(KEY);
        return out;
    }

    /**
     * The positions the task's resources resume from (resource → position, null: from the start), given their stored
     * offsets (resource → offset, absent or null: none stored). Offsets another credential wrote are resumed,
     * dropped or refused as {@link EngineConfig#OFFSETS_CREDENTIAL_CHANGE} says.
     *
     * @throws ConnectException with {@code fail}, naming every resource whose offset another credential wrote and
     *                          what to do about it
     */
    public Map<String, Map<String, Object>> resumable(Map<String, Map<String, Object>> stored) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        List<String> foreign = new ArrayList<>();
        List<String> unmarked = new ArrayList<>();
        stored.forEach((resource, offset) -> {
            Object written = offset == null ? null : offset.get(KEY);
            if (offset != null && written == null) {
                unmarked.add(resource);
            } else if (written != null && !fingerprint.equals(written)) {
                foreign.add(resource + " (" + written + ")");
                if (onChange == CredentialChange.RESTART) {
                    out.put(resource, null);
                    return;
                }
            }
            out.put(resource, position(offset));
        });
        if (!unmarked.isEmpty()) {
            log.info("The stored offsets of {} carry no credential fingerprint (written by hand or by an older "
                    + "version): resuming them; the records sent from now on carry this credential's ({})", unmarked,
                    fingerprint);
        }
        if (foreign.isEmpty()) {
            return out;
        }
        String what = "The stored offsets of " + String.join(", ", foreign) + " were written with another credential "
                + "than the one configured now (fingerprint " + fingerprint + "): another account, or a rotated key";
        String setting = EngineConfig.OFFSETS_CREDENTIAL_CHANGE;
        switch (onChange) {
            case RESUME -> log.warn("{}; resuming them as {}=resume says", what, setting);
            case RESTART -> log.warn("{}; reading those resources from the start as {}=restart says", what, setting);
            default -> throw new ConnectException(what + ". The task stops here (" + setting + "=fail, the default) "
                    + "rather than go on from another account's position. If the credential was changed for the same "
                    + "account, set " + setting + "=resume; to read those resources from the start, set " + setting
                    + "=restart, or stop the connector and reset their offsets with the Connect REST API "
                    + "(DELETE /connectors/<name>/offsets resets every resource). See docs/offsets.md");
        }
        return out;
    }

    /**
     * Checks the fingerprint of an offset a user writes: absent (the offset resumes whatever the credential) or
     * the current credential's.
     *
     * @throws IllegalArgumentException if it is another credential's
     */
    static void checkWritten(Optional<String> current, Map<String, ?> offset) {
        Object written = offset.get(KEY);
        if (written == null || current.isEmpty() || current.get().equals(written)) {
            return;
        }
        throw new IllegalArgumentException("offset key '" + KEY + "' is " + written + ", the fingerprint of another "
                + "credential than the connector's (" + current.get() + "); leave it out to resume this position "
                + "with the connector's credential");
    }
}
