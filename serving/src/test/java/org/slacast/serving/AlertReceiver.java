package org.slacast.serving;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/** A webhook receiver on a free port of 127.0.0.1 that keeps every request and answers as told. */
final class AlertReceiver implements AutoCloseable {
    /**
     * One request received.
     *
     * @param status      what it was answered
     * @param idempotency its Idempotency-Key
     * @param signature   its signature header
     * @param body        its body
     */
    record Received(int status, String idempotency, String signature, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();

    /** @param status the status of the n-th request (from 1) */
    AlertReceiver(IntUnaryOperator status) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/alerts", x -> {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int s = status.applyAsInt(count.incrementAndGet());
            received.add(new Received(s, x.getRequestHeaders().getFirst("Idempotency-Key"),
                    x.getRequestHeaders().getFirst("X-Slacast-Signature"), body));
            x.sendResponseHeaders(s, -1);
            x.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** @return the requests answered 2xx */
    List<Received> taken() {
        return received.stream().filter(r -> r.status() / 100 == 2).toList();
    }

    /** Waits until {@code n} requests were answered 2xx, or 10 s. */
    List<Received> awaitTaken(int n) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (taken().size() < n && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        return taken();
    }

    /** Waits until {@code n} requests arrived, or 10 s. */
    List<Received> awaitReceived(int n) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (received.size() < n && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        return received();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
