package io.kafkaconnect.greenhouse.api;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who uses a rate budget, and so how much of the limit it may spend: the API clients that joined it, each with its
 * fraction of the limit, and the shares of the connectors' tasks that run on this worker (none: the budget paces
 * alone, at the most modest fraction of its users). Several connectors may use one credential, each with its own
 * {@code rate.limit.budget.fraction}: their fractions add up, each at the share of its tasks this worker runs.
 * Guarded by its budget's lock.
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

    /**
     * The share of the limit the connectors using the budget may spend together: the sum of their fractions (at most
     * all of it); without tasks, the most modest fraction of the current users.
     */
    double fraction() {
        if (taskShares.isEmpty()) {
            return fraction;
        }
        return Math.min(1.0, connectors().values().stream().mapToDouble(Connector::fraction).sum());
    }

    void addTaskShare(RateBudget.Share share) {
        taskShares.add(share);
    }

    void removeTaskShare(RateBudget.Share share) {
        taskShares.remove(share);
    }

    /**
     * This worker's part of what the connectors may spend ({@link #fraction}): each connector's fraction at the share
     * of its tasks that run here, over their sum (at most all of it).
     */
    double workerShare() {
        if (taskShares.isEmpty()) {
            return 1.0;
        }
        double here = connectors().values().stream().mapToDouble(c -> c.fraction() * c.shareHere()).sum();
        return Math.min(1.0, here / fraction());
    }

    /** The connectors' tasks on other workers, as the shares of those here tell (equal shares: N - n). */
    int tasksElsewhere() {
        int elsewhere = 0;
        for (Connector c : connectors().values()) {
            elsewhere += (int) Math.round((1 - c.shareHere()) * c.tasksHere() / c.shareHere());
        }
        return elsewhere;
    }

    /** One connector's tasks here: its fraction, their shares of its tasks, how many. */
    private record Connector(double fraction, double shareHere, int tasksHere) {
    }

    private Map<Object, Connector> connectors() {
        Map<Object, Connector> connectors = new LinkedHashMap<>();
        for (RateBudget.Share s : taskShares) {
            connectors.merge(s.connector(), new Connector(s.fraction(), s.part(), 1),
                    (a, b) -> new Connector(Math.min(a.fraction(), b.fraction()),
                            Math.min(1.0, a.shareHere() + b.shareHere()), a.tasksHere() + b.tasksHere()));
        }
        return connectors;
    }
}
