package org.slacast.core.csv;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A row source read on a thread of its own, a few thousand rows ahead of the caller: parsing CSV (or fetching a
 * query's rows) then overlaps with whatever the caller does with each row, on a second core. Rows reach the sink
 * on the calling thread, in order, and an error of either side ends both and is thrown to the caller.
 *
 * @param source the source to read
 */
public record ReadAhead(RowSource source) implements RowSource {
    private static final int BATCH = 2_048;
    private static final int BATCHES = 8;

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public Map<String, Integer> read(Collection<String> required, Consumer<CsvRow> sink) {
        Pipe pipe = new Pipe();
        Thread reader = Thread.ofPlatform().name("read-ahead " + source.name()).daemon().start(() -> pipe.fill(
                () -> source.read(required, pipe::put)));
        try {
            pipe.drain(sink);
        } catch (RuntimeException | Error e) {
            pipe.cancelled = true;
            throw e;
        } finally {
            join(reader);
        }
        switch (pipe.failure) {
            case null -> {
                // read to the end
            }
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> throw new IllegalStateException(pipe.failure);
        }
        return pipe.columns;
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The rows between the two threads, in batches; an empty batch ends them. */
    private static final class Pipe {
        private final BlockingQueue<List<CsvRow>> queue = new ArrayBlockingQueue<>(BATCHES);
        private List<CsvRow> batch = new ArrayList<>(BATCH);
        private volatile boolean cancelled;
        private volatile Throwable failure;
        private volatile Map<String, Integer> columns;

        /** Runs on the reader thread. */
        void fill(java.util.function.Supplier<Map<String, Integer>> read) {
            try {
                columns = read.get();
                send(batch);
            } catch (Stop s) {
                return; // the caller gave up first and has its own error
            } catch (RuntimeException | Error e) {
                failure = e; // thrown again on the calling thread
            }
            if (!batch.isEmpty() || failure != null) {
                send(List.of());
            }
        }

        void put(CsvRow row) {
            batch.add(row);
            if (batch.size() == BATCH) {
                send(batch);
                batch = new ArrayList<>(BATCH);
            }
        }

        private void send(List<CsvRow> b) {
            try {
                while (!queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
                    if (cancelled) {
                        throw new Stop();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stop();
            }
        }

        /** Runs on the calling thread. */
        void drain(Consumer<CsvRow> sink) {
            while (true) {
                List<CsvRow> b;
                try {
                    b = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while reading", e);
                }
                if (b.isEmpty()) {
                    return;
                }
                b.forEach(sink);
            }
        }
    }

    /** Unwinds the reader when the caller has stopped taking rows. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }
}
