package dev.probebook.audit;

import dev.probebook.files.FileErrors;
import dev.probebook.files.PrivateFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The append-only audit log in a file: one JSON object per line ({@code DATA_DIR/audit.jsonl}).
 *
 * <p>Durability: {@link #append} returns only once the line is on disk (written and forced), so a record
 * survives a crash or restart. When it cannot, it throws {@link AuditException} and leaves the file as it
 * was, and the caller refuses the action it could not audit (fail closed).
 *
 * <p>Threading: safe for any number of threads. Appends to one file are serialised within the JVM (a
 * lock per file, shared by every instance) and across processes (an advisory file lock, so the CLI and
 * the app can share a log): lines never interleave. {@link #query} takes no lock; it may miss a line
 * being appended while it reads, never see half of one as a record.
 *
 * <p>Torn lines: a crash in the middle of a write can leave a last line without its end. Reading skips
 * any line that is not a record; appending first ends such a line, so the next record starts on a fresh
 * line and stays readable.
 */
public final class AuditFile implements AuditLog {

    private static final ConcurrentMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();
    private static final byte NEWLINE = '\n';

    /** Newest last: by time, then by position in the file (threads stamp their events before they queue). */
    private static final Comparator<Numbered> OLDEST_FIRST =
            Comparator.comparing((Numbered n) -> n.event().time()).thenComparingLong(Numbered::line);

    private static final Set<StandardOpenOption> APPEND_OPTIONS =
            Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);

    private final Path file;
    private final ReentrantLock lock;

    /** A log in {@code file}, creating its folder; fails when the folder cannot be created. */
    public AuditFile(Path file) throws AuditException {
        this.file = file.toAbsolutePath().normalize();
        Path dir = this.file.getParent();
        try {
            PrivateFiles.directory(dir);
            PrivateFiles.file(this.file);
        } catch (FileAlreadyExistsException e) {
            throw new AuditException(
                    "cannot create the audit log " + this.file + ": " + e.getFile() + " is not a directory", e);
        } catch (IOException e) {
            throw new AuditException(
                    "cannot create the folder of the audit log " + this.file + ": " + FileErrors.reason(e), e);
        }
        this.lock = LOCKS.computeIfAbsent(this.file, k -> new ReentrantLock());
    }

    public Path file() {
        return file;
    }

    /** Appends one record and forces it to disk; on failure nothing of it stays in the file. */
    @Override
    public void append(AuditEvent event) throws AuditException {
        byte[] line = (AuditJson.line(event) + "\n").getBytes(StandardCharsets.UTF_8);
        lock.lock();
        try (FileChannel ch = FileChannel.open(file, APPEND_OPTIONS, PrivateFiles.onCreate());
                FileLock ignored = ch.lock()) {
            long end = ch.size();
            ByteBuffer bytes = ByteBuffer.allocate(line.length + 1);
            if (end > 0 && lastByte(ch, end) != NEWLINE) {
                bytes.put(NEWLINE); // ends a line torn by a crash
            }
            bytes.put(line).flip();
            try {
                long at = end;
                while (bytes.hasRemaining()) {
                    at += ch.write(bytes, at);
                }
                ch.force(false); // fdatasync: the data and the new size
            } catch (IOException e) {
                truncateQuietly(ch, end);
                throw e;
            }
        } catch (IOException e) {
            throw new AuditException("cannot write the audit log " + file + ": " + FileErrors.reason(e), e);
        } finally {
            lock.unlock();
        }
    }

    private static byte lastByte(FileChannel ch, long size) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1);
        return ch.read(b, size - 1) == 1 ? b.get(0) : NEWLINE;
    }

    /** Takes back a partly written record, so that a failed append leaves no torn line. */
    private static void truncateQuietly(FileChannel ch, long size) {
        try {
            ch.truncate(size);
        } catch (IOException | RuntimeException e) {
            // the next append ends the torn line, and reading skips it
        }
    }

    /**
     * The newest events that match, newest first. Reads the file once, front to back, and holds at most
     * {@code q.limit()} events whatever the size of the log. A missing file is an empty log; lines that are
     * not records are skipped.
     */
    @Override
    public List<AuditEvent> query(AuditQuery q) throws AuditException {
        PriorityQueue<Numbered> newest = new PriorityQueue<>(Math.min(q.limit(), 1024) + 1, OLDEST_FIRST);
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            long number = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                number++;
                AuditEvent e = line.isEmpty() ? null : AuditJson.parse(line);
                if (e != null && q.matches(e)) {
                    newest.add(new Numbered(number, e));
                    if (newest.size() > q.limit()) {
                        newest.poll();
                    }
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new AuditException("cannot read the audit log " + file + ": " + FileErrors.reason(e), e);
        }
        List<AuditEvent> out = new ArrayList<>(newest.size());
        while (!newest.isEmpty()) {
            out.add(newest.poll().event());
        }
        Collections.reverse(out);
        return out;
    }

    private record Numbered(long line, AuditEvent event) {}
}
