package org.slacast.serving;

import org.slacast.core.BadInputException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicLong;
import org.slacast.core.csv.JdbcRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every score, written by one background thread in batches to DuckDB (the default, embedded) or PostgreSQL (so
 * replicas share one log). Scoring only offers to a bounded queue and never waits: when the database is down the
 * queue fills, and past its bound entries are dropped and counted. The table is created at start (or when the
 * database first answers); {@link #close()} flushes what is queued.
 */
public final class PredictionLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PredictionLog.class);
    static final int BATCH = 2000;
    /**
     * How long a batch waits to fill after its first entry. Writing whatever was queued at once meant batches of a
     * few dozen under load, each a new appender and a commit; filling them raised the default HTTP benchmark from
     * 23,233 to 27,829 scores a second (docs/BENCHMARKS.md).
     */
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** How often a filling batch looks at the queue. */
    private static final long LOOK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    /**
     * One logged score.
     *
     * @param at          when it was scored
     * @param requestId   the request id
     * @param ticketId    the ticket
     * @param modelId     the model
     * @param probability the probability
     * @param band        the risk band
     * @param names       the feature names, the model schema's (shared, not copied)
     * @param features    the feature values in schema order
     * @param shadowModelId     the challenger scored in shadow, or null
     * @param shadowProbability its probability (NaN without one)
     * @param shadowBand        its risk band, or null
     */
    public record Entry(Instant at, String requestId, String ticketId, String modelId, double probability,
                        String band, List<String> names, double[] features, String shadowModelId,
                        double shadowProbability, String shadowBand) {

        /** A score without a shadow challenger. */
        public Entry(Instant at, String requestId, String ticketId, String modelId, double probability, String band,
                     List<String> names, double[] features) {
            this(at, requestId, ticketId, modelId, probability, band, names, features, null, Double.NaN, null);
        }
    }

    private final HikariDataSource pool;
    private final BlockingQueue<Entry> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile long progressNanos = System.nanoTime();
    private final Thread writer;
    private volatile boolean running = true;
    private volatile boolean abandon;
    private final PredictionTable rows;

    /**
     * @param jdbcUrl  {@code jdbc:duckdb:predictions.duckdb} or {@code jdbc:postgresql://host/db?user=u}
     * @param table    the table name
     * @param capacity entries buffered before new ones are dropped
     */
    public PredictionLog(String jdbcUrl, String table, int capacity) {
        if (!table.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new BadInputException("'" + table + "' is not a plain table name");
        }
        if (!jdbcUrl.startsWith("jdbc:duckdb:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new BadInputException("--db " + JdbcRows.redacted(jdbcUrl) + ": the prediction log writes to "
                    + "DuckDB (jdbc:duckdb:FILE) or PostgreSQL (jdbc:postgresql://HOST:PORT/DB?user=U)");
        }
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(jdbcUrl);
        c.setMaximumPoolSize(1);
        c.setPoolName("prediction-log");
        // Start even when the database is down; the writer keeps trying.
        c.setInitializationFailTimeout(-1);
        c.setConnectionTimeout(2000);
        if (jdbcUrl.startsWith("jdbc:duckdb:")) {
            String set = duckDbSettings(jdbcUrl);
            if (!set.isEmpty()) {
                c.setConnectionInitSql(set);
            }
        }
        this.pool = new HikariDataSource(c);
        this.rows = new PredictionTable(table);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = Thread.ofPlatform().name("prediction-log").daemon(true).start(this::run);
    }

    /**
     * DuckDB settings for a log that only appends, unless the URL sets them itself
     * ({@code jdbc:duckdb:FILE;threads=2}). With DuckDB's defaults (a checkpoint every 16 MiB of WAL, compressed by
     * one worker per core) a row cost 22-24 µs of CPU on two cores, much of it workers yielding to each other while
     * the scoring threads wanted the cores; on one thread with a checkpoint every 64 MiB it costs 10.5-11, with a
     * lower peak RSS (docs/BENCHMARKS.md). They are set by SQL once connected, not as connection properties:
     * DuckDB refuses a second connection to an open file with other properties, and {@code --store} may name the
     * same file (whose instance then runs on one thread too).
     *
     * @param jdbcUrl the log's URL
     * @return the SET statements to run on connecting, or ""
     */
    static String duckDbSettings(String jdbcUrl) {
        String given = jdbcUrl.toLowerCase(Locale.ROOT);
        StringBuilder set = new StringBuilder();
        if (!names(given, "threads")) {
            set.append("SET threads = 1;");
        }
        if (!names(given, "checkpoint_threshold")) {
            set.append("SET checkpoint_threshold = '64MiB';");
        }
        return set.toString();
    }

    /** Whether a DuckDB URL sets this option itself ({@code ;threads=4}, not {@code ;external_threads=4}). */
    private static boolean names(String url, String option) {
        return url.contains(";" + option + "=") || url.contains("?" + option + "=") || url.contains("&" + option + "=");
    }

    /**
     * Queues an entry without waiting.
     *
     * @param e the entry
     */
    public void offer(Entry e) {
        if (!queue.offer(e)) {
            dropped.incrementAndGet();
        }
    }

    /** @return entries waiting to be written */
    public int depth() {
        return queue.size();
    }

    /** @return entries dropped because the queue was full */
    public long dropped() {
        return dropped.get();
    }

    /** @return entries written */
    public long written() {
        return written.get();
    }

    /** @return entries the database refused, one by one, after their batch was split to find them */
    public long rejected() {
        return rejected.get();
    }

    /** How long entries may wait with nothing written before the log counts as stalled. */
    static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** @return true when entries are waiting and nothing has been written for 30 seconds */
    public boolean stalled() {
        return !queue.isEmpty() && System.nanoTime() - progressNanos > STALL_NANOS;
    }

    /**
     * Adds entries until the batch is full, the linger is over, or the log is closing. It looks at the queue every
     * {@link #LOOK_NANOS} instead of waiting on it: a wait is woken by every score offered, which under load meant
     * a thread switch per request on the cores that score.
     */
    private void fill(List<Entry> batch) throws InterruptedException {
        long deadline = System.nanoTime() + LINGER_NANOS;
        while (true) {
            queue.drainTo(batch, BATCH - batch.size());
            long left = deadline - System.nanoTime();
            if (batch.size() >= BATCH || left <= 0 || !running) {
                return;
            }
            LockSupport.parkNanos(Math.min(left, LOOK_NANOS));
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** @return true when the database answers */
    public boolean reachable() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private void run() {
        List<Entry> batch = new ArrayList<>(BATCH);
        while (!abandon && (running || !queue.isEmpty() || !batch.isEmpty())) {
            try {
                if (batch.isEmpty()) {
                    Entry first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        progressNanos = System.nanoTime(); // idle is not stalled
                        continue;
                    }
                    batch.add(first);
                    fill(batch);
                }
                writeOrSplit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException e) {
                LOG.warn("prediction log: cannot write {} entries ({}); retrying", batch.size(), e.getMessage());
                if (!running) {
                    dropped.addAndGet(batch.size()); // shutting down with the database gone: close() counts the rest
                    return;
                }
                sleep();
            }
        }
    }

    /**
     * Writes entries, and clears them from the list as they are written. When the database refuses a batch while
     * it still answers, the fault is in the data: the batch is split in halves until the bad entry is alone, and
     * that one is dropped, counted and logged with its request id, so one bad row never blocks the log.
     */
    private void writeOrSplit(List<Entry> part) throws SQLException {
        try {
            write(part);
            written.addAndGet(part.size());
            progressNanos = System.nanoTime();
            part.clear();
        } catch (SQLException e) {
            if (!rows.ready() || !reachable()) {
                throw e; // the database or its table is not there yet: retry the whole batch later
            }
            if (part.size() == 1) {
                Entry bad = part.removeFirst();
                rejected.incrementAndGet();
                progressNanos = System.nanoTime();
                LOG.warn("prediction log: the database refused the score of ticket {} (request {}): {}; dropped",
                        bad.ticketId().length() > 80 ? bad.ticketId().substring(0, 80) + "…" : bad.ticketId(),
                        bad.requestId(), e.getMessage());
                return;
            }
            writeOrSplit(part.subList(0, part.size() / 2));
            writeOrSplit(part);
        }
    }

    private void write(List<Entry> batch) throws SQLException {
        try (Connection c = pool.getConnection()) {
            if (!rows.ready()) {
                rows.prepare(c);
            }
            rows.write(c, batch);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops taking entries and writes what is queued, for at most 10 seconds. Past that (a slow or absent database)
     * the writer stops after its current batch and what is left is counted as dropped. The pool is closed only once
     * the writer is done: closing a DuckDB connection in the middle of its write deadlocks both threads.
     */
    @Override
    public void close() {
        running = false;
        join(10_000);
        if (writer.isAlive()) {
            abandon = true;
            join(5_000);
        }
        long left = queue.size();
        if (left > 0) {
            dropped.addAndGet(left);
            queue.clear();
            LOG.warn("prediction log: {} entries could not be written before shutdown and are dropped", left);
        }
        if (writer.isAlive()) {
            LOG.warn("prediction log: the database is not answering; leaving its connection open");
            return;
        }
        pool.close();
    }

    private void join(long millis) {
        try {
            writer.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
