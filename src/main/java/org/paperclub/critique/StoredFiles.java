package org.paperclub.critique;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Blob;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A stored critique file read in chunks of {@link #CHUNK} bytes, each in a short query of its own, so that a download
 * holds one chunk in the heap, not the file: 20 staff opening 5 MB files at once would otherwise need 200 MB and more
 * of a 128 MB heap (LargeFileReadsTest), and a slow reader would hold a database connection for as long as it reads.
 * A stored version never changes, so the chunks of one read are of one file. PostgreSQL's driver reads a
 * {@code bytea} whole, so there each chunk is a {@code substring} computed by the server; on H2 the file is a BLOB
 * (V14), whose stream H2 reads from its store lazily, skipping to the chunk (H2's {@code substring} of a BLOB would
 * first read the whole of it).
 */
@Singleton
class StoredFiles {

    /** Large enough that a 5 MB file takes 20 round trips, small enough that 32 parallel readers hold 8 MB. */
    static final int CHUNK = 256 * 1024;

    private final JdbcOperations jdbc;
    private volatile Boolean postgres;

    StoredFiles(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The file of a version, {@code size} bytes long (its record's), read lazily, chunk by chunk, as it is consumed. */
    InputStream open(long versionId, long size) {
        return new Chunks(versionId, size);
    }

    /** {@code length} bytes of the file from {@code offset}, in a read-only transaction (the caller's, if any). */
    @Transactional(readOnly = true)
    byte[] chunk(long versionId, long offset, int length) {
        boolean pg = postgres();
        String sql = pg ? "select substring(content from ? for ?) from critique_file where version_id = ?"
                : "select content from critique_file where version_id = ?";
        return jdbc.prepareStatement(sql, statement -> {
            if (pg) {
                // substring(bytea, int, int): files are far under 2 GB (the server refuses requests over 10 MB).
                statement.setInt(1, Math.toIntExact(offset + 1));
                statement.setInt(2, length);
                statement.setLong(3, versionId);
            } else {
                statement.setLong(1, versionId);
            }
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new UncheckedIOException(new IOException("The file of critique version " + versionId + " is gone"));
                }
                if (pg) {
                    return rs.getBytes(1);
                }
                Blob blob = rs.getBlob(1);
                try (InputStream in = blob.getBinaryStream()) {
                    in.skipNBytes(offset);
                    return in.readNBytes(length);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    blob.free();
                }
            }
        });
    }

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            try {
                known = "PostgreSQL".equalsIgnoreCase(jdbc.getConnection().getMetaData().getDatabaseProductName());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            postgres = known;
        }
        return known;
    }

    /** Fetches the next chunk only when the last one is used up; at most one chunk in the heap. */
    private final class Chunks extends InputStream {
        private final long versionId;
        private final long size;
        private long position;
        private byte[] chunk = new byte[0];
        private int index;

        Chunks(long versionId, long size) {
            this.versionId = versionId;
            this.size = size;
        }

        @Override
        public int read() throws IOException {
            return fill() ? chunk[index++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - index);
            System.arraycopy(chunk, index, b, off, n);
            index += n;
            return n;
        }

        @Override
        public int available() {
            return chunk.length - index;
        }

        private boolean fill() throws IOException {
            if (index < chunk.length) {
                return true;
            }
            if (position >= size) {
                chunk = new byte[0];
                index = 0;
                return false;
            }
            int length = (int) Math.min(CHUNK, size - position);
            byte[] next;
            try {
                next = chunk(versionId, position, length);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } catch (RuntimeException e) {
                throw new IOException("The file of critique version " + versionId + " could not be read", e);
            }
            if (next == null || next.length != length) {
                throw new IOException("The file of critique version " + versionId + " is shorter than its record says");
            }
            chunk = next;
            index = 0;
            position += length;
            return true;
        }
    }
}
