package io.kafkaconnect.greenhouse.simulator.ashby;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which methods a key may call. A method is refused (403 {@code missing_endpoint_permission}) if it is denied for
 * every key ({@link #deny}, by method or by module permission such as {@code candidatesRead}) or if the key has a
 * permission list that lacks the method's module permission. Thread-safe; changeable while the simulator runs.
 */
final class AshbyPermissions {
    private final Set<String> denied = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> perKey = new ConcurrentHashMap<>();

    /** Deny a method ({@code candidate.list}) or a module permission ({@code candidatesRead}) to every key. */
    void deny(String methodOrPermission) {
        denied.add(methodOrPermission);
    }

    void allow(String methodOrPermission) {
        denied.remove(methodOrPermission);
    }

    /** Restrict a key to these module permissions. */
    void restrict(String apiKey, Set<String> permissions) {
        perKey.put(apiKey, Set.copyOf(permissions));
    }

    boolean allowed(String apiKey, AshbyResource r) {
        if (denied.contains(r.method) || denied.contains(r.permission)) {
            return false;
        }
        Set<String> granted = perKey.get(apiKey);
        return granted == null || granted.contains(r.permission);
    }
}
