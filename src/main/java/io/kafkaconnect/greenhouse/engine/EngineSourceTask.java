package io.kafkaconnect.greenhouse.engine;

import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.api.ApiException;
import io.kafkaconnect.greenhouse.api.RateBudget;
import io.kafkaconnect.greenhouse.api.StoppedException;
import io.kafkaconnect.greenhouse.config.EngineConfig;
import io.kafkaconnect.greenhouse.config.EngineConfig.DeletesMode;
import io.kafkaconnect.greenhouse.deletes.Deletes;
import io.kafkaconnect.greenhouse.deletes.LedgerLoader;
import io.kafkaconnect.greenhouse.deletes.LedgerPartitions;
import io.kafkaconnect.greenhouse.dialect.Dialect;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.schema.UnknownFieldLog;
import io.kafkaconnect.greenhouse.sync.PagingModel;
import io.kafkaconnect.greenhouse.sync.ResourceStats;
import io.kafkaconnect.greenhouse.sync.ResourceSync;
import io.kafkaconnect.greenhouse.sync.SourcePartition;
import io.kafkaconnect.greenhouse.sync.SourceRecordFactory;
import io.kafkaconnect.greenhouse.util.DaemonThreads;
import io.kafkaconnect.greenhouse.util.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the resources the connector assigned to it, one page per poll, taking turns between the resources that are
 * due. The same for every API: what differs is the configuration (and through it the dialect).
 *
 * <p>The syncs step on a thread of their own (the step thread), not on Connect's: a step may wait long for the rate
 * budget or a retry's back-off, and Kafka calls {@link #stop()} only once {@link #poll()} has returned, so a poll that
 * waited with it would make the worker's graceful stop fail. A poll waits at most {@link #MAX_POLL_WAIT} for the step
 * and else returns nothing; the step goes on, and a later poll hands over its records. One step at a time: the syncs
 * are driven by one thread.
 */
public abstract class EngineSourceTask extends SourceTask {
    private static final Logger log = LoggerFactory.getLogger(EngineSourceTask.class);
    private static final Duration MAX_IDLE_WAIT = Duration.ofSeconds(1);
    /** How long a step waits for any due resource's page to arrive before it waits for the next one in turn. */
    private static final Duration MAX_READY_WAIT = Duration.ofSeconds(1);
    private static final Duration READY_CHECK = Duration.ofMillis(20);
    /** How long a poll waits for the step under way before it returns nothing. */
    private static final Duration MAX_POLL_WAIT = Duration.ofSeconds(1);
    /** How long {@link #stop()} waits for a step under way to end (its waits end on stop) before closing the syncs. */
    private static final Duration MAX_STOP_WAIT = Duration.ofSeconds(1);

    private final Clock clock;
    private final Sleeper sleeper;
    private ApiClient client;
    /** This task's part of the credential's budget on this worker. */
    private RateBudget.Share budgetShare;
    private ExecutorService fetchPool;
    /** Runs the steps, one at a time. */
    private ExecutorService stepThread;
    /** The step under way, or null: a poll that stopped waiting for it takes its records at the next poll. */
    private Future<List<SourceRecord>> stepping;
    /** Volatile: replaced on the step thread ({@link #skip}), closed on the task thread ({@link #stop()}). */
    private volatile List<ResourceSync> syncs = List.of();
    /** Each sync's stats, for the records it hands over. */
    private Map<ResourceSync, ResourceStats> stats = Map.of();
    /** Each sync's topic: the records it sends elsewhere (a deletes ledger's state records) are not counted. */
    private Map<ResourceSync, String> topics = Map.of();
    private TaskMetrics metrics = TaskMetrics.NONE;
    private TransientFailures failures;
    private EngineConfig.ForbiddenResources forbiddenResources = EngineConfig.ForbiddenResources.FAIL;
    private int turn;

    protected EngineSourceTask(Clock clock) {
        this(clock, new Sleeper());
    }

    /** With the sleeper that all its waits go through (a test's may advance a fake clock instead of waiting). */
    protected EngineSourceTask(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Parses this task's configuration. */
    protected abstract EngineConfig parse(Map<String, String> props);

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        EngineConfig config = parse(props);
        client = ApiClientFactory.create(config, sleeper, clock);
        failures = new TransientFailures(config.retryPolicy());
        forbiddenResources = config.forbiddenResources();
        try {
            metrics = TaskMetrics.of(context, clock);
            metrics.addTask(client);
            startSyncs(config);
        } catch (RuntimeException e) {
            stop(); // Connect does not stop a task whose start() failed: give back its share of the token
            throw e;
        }
    }

    private void startSyncs(EngineConfig config) {
        Dialect dialect = config.dialect();
        ResourceSync.Settings settings = new ResourceSync.Settings(config.baseUrl(), config.pageSize(),
                config.pollInterval(), config.safetyLag(), config.snapshotInterval(), config.conversionErrors(),
                config.maxConcurrency(), config.progressLogInterval());
        fetchPool = Executors.newFixedThreadPool(config.maxConcurrency(), new DaemonThreads("fetch"));
        stepThread = Executors.newSingleThreadExecutor(new DaemonThreads("step"));
        UnknownFieldLog unknownFields = new UnknownFieldLog(config.undeclaredFields());

        List<Resource> resources = new ArrayList<>();
        for (String name : config.taskResources()) {
            resources.add(dialect.resource(name).orElseThrow(() -> new ConnectException(
                    "Task was assigned unknown resource '" + name + "' for API " + dialect.version()
                    + (dialect.retiredResources().containsKey(name)
                    ? "; it was retired: " + dialect.retiredResources().get(name) : ""))));
        }
        List<SourcePartition> partitions = resources.stream()
                .map(r -> SourcePartition.of(dialect.version(), config.baseUrl(), r.name())).toList();
        Deletes deletes = config.deletesMode() == DeletesMode.TOMBSTONE ? new Deletes(new Deletes.Settings(
                config.reconcileInterval(), config.reconcileBudgetFraction(), config.deletesStateTopic())) : null;
        List<Map<String, Object>> asked = new ArrayList<>(partitions.stream().map(SourcePartition::toMap).toList());
        for (int i = 0; i < resources.size(); i++) {
            if (deletes != null && deletes.tracks(resources.get(i))) {
                asked.add(LedgerPartitions.head(partitions.get(i)));
            }
        }
        Map<Map<String, Object>, Map<String, Object>> stored = context.offsetStorageReader().offsets(asked);
        Map<String, Map<String, Object>> storedByResource = new LinkedHashMap<>();
        for (SourcePartition partition : partitions) {
            storedByResource.put(partition.resource(), stored.get(partition.toMap()));
        }
        for (int i = 0; i < resources.size(); i++) {
            Map<String, Object> head = LedgerPartitions.head(partitions.get(i));
            if (asked.contains(head)) {
                storedByResource.put(ledgerName(resources.get(i)), stored.get(head));
            }
        }
        OffsetCredential credential = new OffsetCredential(config.credentialFingerprint().orElseThrow(),
                config.credentialChange());
        Map<String, Map<String, Object>> positions = credential.resumable(storedByResource);
        PagingModel paging = PagingModels.of(dialect);
        if (deletes != null) {
            List<LedgerLoader.Stored> ledgers = new ArrayList<>();
            for (int i = 0; i < resources.size(); i++) {
                Resource resource = resources.get(i);
                if (positions.containsKey(ledgerName(resource))) {
                    ledgers.add(new LedgerLoader.Stored(partitions.get(i), new SourceRecordFactory(resource,
                            config.topicFor(resource), partitions.get(i), unknownFields).idKind(),
                            positions.get(ledgerName(resource))));
                }
            }
            deletes.load(ledgers, context.offsetStorageReader()::offsets);
        }

        List<ResourceSync> created = new ArrayList<>();
        Map<ResourceSync, ResourceStats> createdStats = new IdentityHashMap<>();
        Map<ResourceSync, String> createdTopics = new IdentityHashMap<>();
        for (int i = 0; i < resources.size(); i++) {
            Resource resource = resources.get(i);
            SourcePartition partition = partitions.get(i);
            Map<String, Object> offset = positions.get(resource.name());
            SourceRecordFactory records = new SourceRecordFactory(resource, config.topicFor(resource), partition,
                    unknownFields);
            ResourceStats resourceStats = new ResourceStats(resource.name(), settings.progressInterval(), clock);
            ResourceSync.Context context = new ResourceSync.Context(client, records, settings, clock, fetchPool,
                    resourceStats);
            try {
                ResourceSync opened = paging.open(resource, offset, config.syncStart(), context);
                if (deletes != null && deletes.tracks(resource)) {
                    opened = deletes.wrap(opened, resource, partition, paging, context, offset == null);
                }
                ResourceSync sync = new CredentialStampedSync(opened, credential);
                created.add(sync);
                createdStats.put(sync, resourceStats);
                createdTopics.put(sync, config.topicFor(resource));
                metrics.addResource(resource.name(), resourceStats);
            } catch (IllegalArgumentException e) {
                throw new ConnectException("The stored offset of resource " + resource.name() + " is invalid ("
                        + e.getMessage() + "); fix or reset it with the Connect REST offsets API");
            }
            log.info("{}: starting from {}", resource.name(), offset == null ? "the beginning" : abbreviated(offset));
        }
        syncs = created;
        stats = createdStats;
        topics = createdTopics;
        // last: a start() that fails holds no share, whether or not the worker calls stop() after it
        // without a name (not run by Connect), tasks of equal settings are taken as one connector's
        Object connector = config.connectorName() != null ? config.connectorName()
                : "unnamed, " + config.taskCount() + " tasks, fraction " + config.budgetFraction();
        budgetShare = client.budget().taskShare(connector, config.taskCount(), config.budgetFraction());
    }

    /**
     * Leaves out a resource the credential may not read ({@code resources.forbidden=skip}) until the task restarts:
     * its sync is closed, the others go on.
     */
    private void skip(ResourceSync sync, ApiException forbidden) {
        log.warn("{}: skipped until the task restarts ({}=skip), the task goes on with its other resources: {}. "
                + "Restart the connector once access is granted.", sync.resource().name(),
                EngineConfig.RESOURCES_FORBIDDEN, forbidden.getMessage());
        List<ResourceSync> rest = new ArrayList<>(syncs);
        rest.remove(sync);
        syncs = rest;
        turn = rest.isEmpty() ? 0 : turn % rest.size();
        sync.close();
    }

    /** The name a resource's deletes ledger goes by in messages about the offsets' credential. */
    private static String ledgerName(Resource resource) {
        return resource.name() + " (deletes ledger)";
    }

    /** Tokens and cursors are long and opaque: their start is enough in a log. */
    private static Map<String, Object> abbreviated(Map<String, Object> offset) {
        Map<String, Object> out = new LinkedHashMap<>();
        offset.forEach((k, v) -> out.put(k, v instanceof String s && s.length() > 24 ? s.substring(0, 24) + "…" : v));
        return out;
    }

    /**
     * The records of the next step, run on the step thread; null if it has not ended within {@link #MAX_POLL_WAIT}
     * (it goes on, and the next poll waits for it in turn) or handed over nothing.
     */
    @Override
    public List<SourceRecord> poll() {
        if (stepping == null) {
            stepping = stepThread.submit(this::step);
        }
        try {
            List<SourceRecord> records = stepping.get(MAX_POLL_WAIT.toNanos(), TimeUnit.NANOSECONDS);
            stepping = null;
            return records;
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            stepping = null;
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new ConnectException(cause);
        }
    }

    /** One step of the next due resource, on the step thread: what a poll hands over (null: nothing). */
    private List<SourceRecord> step() {
        if (syncs.isEmpty()) {
            sleeper.sleep(MAX_IDLE_WAIT);
            return null;
        }
        Instant now = clock.instant();
        int i;
        try {
            i = nextInTurn(now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        if (i >= 0) {
            ResourceSync sync = syncs.get((turn + i) % syncs.size());
            turn = (turn + i + 1) % syncs.size();
            try {
                List<SourceRecord> records = sync.step();
                failures.succeeded(sync);
                String topic = topics.get(sync);
                stats.get(sync).recordsSent((int) records.stream().filter(r -> topic.equals(r.topic())).count());
                return records.isEmpty() ? null : records;
            } catch (StoppedException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (RetriableException e) {
                Instant until = failures.failed(sync, clock.instant());
                log.warn("{}: not read again before {} ({} failed steps in a row): {}", sync.resource().name(),
                        until, failures.inARow(sync), e.getMessage());
                throw e;
            } catch (ConnectException e) {
                ApiException forbidden = ForbiddenResource.in(e);
                if (forbidden == null || forbiddenResources != EngineConfig.ForbiddenResources.SKIP) {
                    throw e;
                }
                skip(sync, forbidden);
                return null;
            }
        }
        Instant next = syncs.stream().map(failures::nextStep).min(Instant::compareTo).orElse(now);
        Duration wait = Duration.between(now, next);
        sleeper.sleep(wait.compareTo(MAX_IDLE_WAIT) > 0 ? MAX_IDLE_WAIT : wait);
        return null;
    }

    /**
     * Which due resource steps now, counted from the one whose turn it is: the first whose page is there (so a
     * resource waiting for an answer does not hold up the pages of the others), waiting up to
     * {@link #MAX_READY_WAIT} for one to arrive, else the first due one; -1 if none is due.
     */
    private int nextInTurn(Instant now) throws InterruptedException {
        long waitUntil = System.nanoTime() + MAX_READY_WAIT.toNanos();
        while (true) {
            int first = -1;
            for (int i = 0; i < syncs.size(); i++) {
                ResourceSync sync = syncs.get((turn + i) % syncs.size());
                if (!failures.mayStep(sync, now)) {
                    continue;
                }
                if (sync.ready()) {
                    return i;
                }
                first = first < 0 ? i : first;
            }
            if (first < 0 || System.nanoTime() >= waitUntil || sleeper.isStopped()) {
                return first;
            }
            syncs.get((turn + first) % syncs.size()).awaitReady(READY_CHECK);
        }
    }

    @Override
    public void stop() {
        sleeper.stop();
        if (stepThread != null) {
            stepThread.shutdownNow(); // a step waiting for a fetch thread's page is interrupted
            try {
                stepThread.awaitTermination(MAX_STOP_WAIT.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stepping = null; // a step cut short hands nothing over: its pages are read again from the committed offsets
        syncs.forEach(ResourceSync::close);
        metrics.close();
        if (fetchPool != null) {
            fetchPool.shutdownNow();
        }
        if (budgetShare != null) {
            budgetShare.close();
        }
        if (client != null) {
            client.close();
        }
    }
}
