package io.kafkaconnect.greenhouse.api;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who uses a rate budget, and so how much of the limit it may spend: the API clients that joined it, each with its
 * fraction of the limit (the most modest applies), and the shares of the connector's tasks that run on this worker
 * (none: the budget paces alone). Guarded by its budget's lock.
 */
final class BudgetUsers {
    private final Map<Object, Double> fractions = new IdentityHashMap<>();
    private final List<RateBudget.Share> taskShares = new ArrayList<>();
    private double fraction;

    BudgetUsers(double fraction) {
        this.fraction = fraction;
    }

    void join(Object user, double share) {
        fractions.put(user, share);
        fraction = fractions.values().stream().mapToDouble(Double::doubleValue).min().orElse(share);
    }

    /** @return whether no user is left */
    boolean leave(Object user) {
        fractions.remove(user);
        fractions.values().stream().mapToDouble(Double::doubleValue).min().ifPresent(f -> fraction = f);
        return fractions.isEmpty();
    }

    /** The share of the limit in use: the most modest of the current users'. */
    double fraction() {
        return fraction;
    }

    void addTaskShare(RateBudget.Share share) {
        taskShares.add(share);
    }

    void removeTaskShare(RateBudget.Share share) {
        taskShares.remove(share);
    }

    /** This worker's part of the connector's pace: its tasks' shares (at most all of it). */
    double workerShare() {
        return taskShares.isEmpty() ? 1.0 : Math.min(1.0, taskShares.stream().mapToDouble(RateBudget.Share::part).sum());
    }

    /** The connector's tasks on other workers, as the shares of those here tell (equal shares: N - n). */
    int tasksElsewhere() {
        double share = workerShare();
        return (int) Math.round((1 - share) * taskShares.size() / share);
    }
}
