package org.slacast.core.stream;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A binary file written through a plain buffer: a spill writes tens of millions of small values, and a
 * DataOutputStream over a BufferedOutputStream takes a lock for each.
 */
final class SpillFile implements Closeable {
    private final OutputStream out;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    private boolean closed;

    /**
     * @param file the file to create
     * @throws IOException if it cannot be
     */
    SpillFile(Path file) throws IOException {
        this.out = Files.newOutputStream(file);
    }

    private ByteBuffer room(int n) throws IOException {
        if (buffer.remaining() < n) {
            flush();
        }
        return buffer;
    }

    void putInt(int v) throws IOException {
        room(4).putInt(v);
    }

    void putLong(long v) throws IOException {
        room(8).putLong(v);
    }

    void putByte(int v) throws IOException {
        room(1).put((byte) v);
    }

    void putBytes(byte[] b) throws IOException {
        if (b.length > buffer.capacity()) {
            flush();
            out.write(b);
        } else {
            room(b.length).put(b);
        }
    }

    private void flush() throws IOException {
        out.write(buffer.array(), 0, buffer.position());
        buffer.clear();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (out) {
            flush();
        }
    }
}
