package org.slacast.serving;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
    private static final int BATCH = 500;

    /**
     * One logged score.
     *
     * @param at          when it was scored
     * @param requestId   the request id
     * @param ticketId    the ticket
     * @param modelId     the model
     * @param probability the probability
     * @param band        the risk band
     * @param features    feature values as JSON
     */
    public record Entry(Instant at, String requestId, String ticketId, String modelId, double probability,
                        String band, String features) {
    }

    private final HikariDataSource pool;
    private final String table;
    private final BlockingQueue<Entry> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Thread writer;
    private volatile boolean running = true;
    private volatile boolean schemaReady;

    /**
     * @param jdbcUrl  {@code jdbc:duckdb:predictions.duckdb} or {@code jdbc:postgresql://host/db?user=u}
     * @param table    the table name
     * @param capacity entries buffered before new ones are dropped
     */
    public PredictionLog(String jdbcUrl, String table, int capacity) {
        if (!table.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("'" + table + "' is not a plain table name");
        }
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(jdbcUrl);
        c.setMaximumPoolSize(1);
        c.setPoolName("prediction-log");
        // Start even when the database is down; the writer keeps trying.
        c.setInitializationFailTimeout(-1);
        c.setConnectionTimeout(2000);
        this.pool = new HikariDataSource(c);
        this.table = table;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = Thread.ofPlatform().name("prediction-log").daemon(true).start(this::run);
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
        while (running || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    Entry first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                }
                write(batch);
                written.addAndGet(batch.size());
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException e) {
                LOG.warn("prediction log: cannot write {} entries ({}); retrying", batch.size(), e.getMessage());
                if (!running) {
                    return; // shutting down with the database gone: what is queued cannot be saved
                }
                sleep();
            }
        }
    }

    private void write(List<Entry> batch) throws SQLException {
        try (Connection c = pool.getConnection()) {
            if (!schemaReady) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE IF NOT EXISTS " + table + " (scored_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                            + "request_id VARCHAR(64) NOT NULL, ticket_id VARCHAR(256) NOT NULL, model_id VARCHAR(256) "
                            + "NOT NULL, probability DOUBLE PRECISION NOT NULL, band VARCHAR(16) NOT NULL, features TEXT)");
                }
                schemaReady = true;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                    + " (scored_at, request_id, ticket_id, model_id, probability, band, features) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (Entry e : batch) {
                    ps.setTimestamp(1, Timestamp.from(e.at()));
                    ps.setString(2, e.requestId());
                    ps.setString(3, e.ticketId());
                    ps.setString(4, e.modelId());
                    ps.setDouble(5, e.probability());
                    ps.setString(6, e.band());
                    ps.setString(7, e.features());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops taking entries, writes what is queued (if the database answers), and closes the pool. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.close();
    }
}
