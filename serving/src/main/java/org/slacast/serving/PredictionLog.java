package org.slacast.serving;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.postgresql.PGConnection;
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
     * @param names       the feature names, the model schema's (shared, not copied)
     * @param features    the feature values in schema order
     */
    public record Entry(Instant at, String requestId, String ticketId, String modelId, double probability,
                        String band, List<String> names, double[] features) {

        /** @return the features as one JSON object, built on the writer's thread rather than the request's */
        String featuresJson() {
            StringBuilder s = new StringBuilder(features.length * 24).append('{');
            for (int j = 0; j < features.length; j++) {
                s.append(j == 0 ? "\"" : ",\"").append(names.get(j)).append("\":");
                double v = features[j];
                // Most features are counts, codes and flags: write those as integers, the rest in full precision.
                if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                    s.append((long) v);
                } else if (Double.isFinite(v)) {
                    s.append(v);
                } else {
                    s.append("null");
                }
            }
            return s.append('}').toString();
        }
    }

    private final HikariDataSource pool;
    private final String table;
    private final BlockingQueue<Entry> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Thread writer;
    private volatile boolean running = true;
    private volatile boolean abandon;
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
        while (!abandon && (running || !queue.isEmpty() || !batch.isEmpty())) {
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
                    dropped.addAndGet(batch.size()); // shutting down with the database gone: close() counts the rest
                    return;
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
            // Each database's bulk path: row-by-row batched INSERTs managed about 400 rows a second on DuckDB.
            if (c.isWrapperFor(DuckDBConnection.class)) {
                appendDuckDb(c.unwrap(DuckDBConnection.class), batch);
            } else if (c.isWrapperFor(PGConnection.class)) {
                copyPostgres(c.unwrap(PGConnection.class), batch);
            } else {
                insert(c, batch);
            }
        }
    }

    private void appendDuckDb(DuckDBConnection c, List<Entry> batch) throws SQLException {
        try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
            for (Entry e : batch) {
                a.beginRow().append(OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC)).append(e.requestId())
                        .append(e.ticketId()).append(e.modelId()).append(e.probability()).append(e.band())
                        .append(e.featuresJson()).endRow();
            }
            a.flush();
        }
    }

    private void copyPostgres(PGConnection c, List<Entry> batch) throws SQLException {
        StringBuilder csv = new StringBuilder(batch.size() * 1600);
        for (Entry e : batch) {
            csv.append(e.at()).append(',');
            quote(csv, e.requestId()).append(',');
            quote(csv, e.ticketId()).append(',');
            quote(csv, e.modelId()).append(',').append(e.probability()).append(',');
            quote(csv, e.band()).append(',');
            quote(csv, e.featuresJson()).append('\n');
        }
        try {
            c.getCopyAPI().copyIn("COPY " + table + " (scored_at, request_id, ticket_id, model_id, probability, band, "
                    + "features) FROM STDIN WITH (FORMAT csv)", new StringReader(csv.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException("COPY into " + table + " failed: " + e.getMessage(), e);
        }
    }

    private static StringBuilder quote(StringBuilder s, String v) {
        s.append('"');
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch == '"') {
                s.append('"');
            }
            s.append(ch);
        }
        return s.append('"');
    }

    private void insert(Connection c, List<Entry> batch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                + " (scored_at, request_id, ticket_id, model_id, probability, band, features) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Entry e : batch) {
                ps.setTimestamp(1, Timestamp.from(e.at()));
                ps.setString(2, e.requestId());
                ps.setString(3, e.ticketId());
                ps.setString(4, e.modelId());
                ps.setDouble(5, e.probability());
                ps.setString(6, e.band());
                ps.setString(7, e.featuresJson());
                ps.addBatch();
            }
            ps.executeBatch();
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
