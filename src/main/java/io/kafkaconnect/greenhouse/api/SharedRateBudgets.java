package io.kafkaconnect.greenhouse.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one rate budget of each credential in this JVM, kept while any API client uses it: made when the first one
 * joins, forgotten (with all it learned) when the last one leaves. Separate JVMs (workers) share nothing.
 */
public final class SharedRateBudgets {
    private static final Map<String, RateBudget> BUDGETS = new ConcurrentHashMap<>();

    private SharedRateBudgets() {
    }

    /**
     * Joins the one budget of a credential in this JVM (made on first use); pair with {@link RateBudget#leave}.
     *
     * @param budgetKey the credential's identity
     * @param user      who uses it (identity): each API client joins once
     * @param window    the API's rate-limit window (v1: 10 s, v3: 30 s), used to pace requests evenly
     * @param fraction  the share of the limit this user may use, in (0, 1]
     */
    public static RateBudget join(String budgetKey, Object user, Clock clock, Duration window, double fraction) {
        return BUDGETS.compute(budgetKey, (k, budget) -> {
            RateBudget joined = budget != null ? budget : new RateBudget(k, clock, window, fraction);
            joined.addUser(user, fraction);
            return joined;
        });
    }

    /** {@code user} stops using {@code budget}, kept for {@code budgetKey}; the last one to leave releases it. */
    static void leave(String budgetKey, RateBudget budget, Object user) {
        BUDGETS.computeIfPresent(budgetKey, (k, kept) -> kept != budget || !budget.removeUser(user) ? kept : null);
    }

    /** Whether a budget is kept for {@code budgetKey} (for tests). */
    static boolean isShared(String budgetKey) {
        return BUDGETS.containsKey(budgetKey);
    }
}
