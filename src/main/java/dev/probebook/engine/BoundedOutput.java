package dev.probebook.engine;

import dev.probebook.command.GrepFilter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects a run's output lines: applies the {@code grep} stages, then keeps at most a number of lines
 * and bytes so one chatty probe cannot exhaust memory. Thread-safe: probes may print from helper threads.
 */
final class BoundedOutput {

    private final List<GrepFilter> filters;
    private final int maxLines;
    private final long maxBytes;
    private final RunListener listener;
    private final List<String> lines = new ArrayList<>();
    private long bytes;
    private int dropped;
    private boolean closed;

    /** Longest line kept; longer lines (a body without newlines) are cut so later lines still fit. */
    static final int MAX_LINE_CHARS = 8192;

    BoundedOutput(List<GrepFilter> filters, int maxLines, long maxBytes, RunListener listener) {
        this.filters = filters;
        this.maxLines = maxLines;
        this.maxBytes = maxBytes;
        this.listener = listener;
    }

    boolean passes(String line) {
        for (GrepFilter f : filters) {
            if (!f.matches(line)) {
                return false;
            }
        }
        return true;
    }

    /** After close (the run finished or was abandoned) further lines are dropped silently. */
    synchronized void close() {
        closed = true;
    }

    void add(String raw) {
        String line = raw == null ? "" : raw.replace("\r", "");
        for (String part : line.split("\n", -1)) {
            addOne(part);
        }
    }

    private void addOne(String raw) {
        String line = raw.length() > MAX_LINE_CHARS
                ? raw.substring(0, MAX_LINE_CHARS) + " [line cut: " + raw.length() + " characters]"
                : raw;
        if (!passes(line)) {
            return;
        }
        long size = line.getBytes(StandardCharsets.UTF_8).length + 1L;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (dropped > 0 || lines.size() >= maxLines || bytes + size > maxBytes) {
                dropped++;
                return;
            }
            lines.add(line);
            bytes += size;
        }
        listener.line(line);
    }

    synchronized boolean truncated() {
        return dropped > 0;
    }

    /** The kept lines, followed by a note when lines were dropped. */
    synchronized List<String> snapshot() {
        List<String> out = new ArrayList<>(lines);
        if (dropped > 0) {
            out.add("[output truncated: " + dropped + " more line(s) not shown]");
        }
        return out;
    }

    synchronized int shownLines() {
        return lines.size();
    }
}
