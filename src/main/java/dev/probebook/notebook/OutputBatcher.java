package dev.probebook.notebook;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Collects output lines from probe threads and hands them to the UI in batches, at most one push every
 * {@link #PERIOD_MS} ms, so a chatty probe costs a few round trips rather than one per line. {@link #add}
 * never blocks. {@link #drain()} must be called with the UI locked (inside {@code UI.access}).
 */
final class OutputBatcher {

    static final long PERIOD_MS = 75;

    private static final ScheduledExecutorService FLUSHER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "notebook-output-flush");
        t.setDaemon(true);
        return t;
    });

    private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final UI ui;
    private final Consumer<List<String>> sink;

    OutputBatcher(UI ui, Consumer<List<String>> sink) {
        this.ui = ui;
        this.sink = sink;
    }

    void add(String line) {
        pending.add(line);
        if (scheduled.compareAndSet(false, true)) {
            FLUSHER.schedule(
                    () -> {
                        scheduled.set(false);
                        access(ui, this::drain);
                    },
                    PERIOD_MS,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Moves every pending line to the sink; call with the UI locked. */
    void drain() {
        List<String> lines = new ArrayList<>();
        for (String l; (l = pending.poll()) != null; ) {
            lines.add(l);
        }
        if (!lines.isEmpty()) {
            sink.accept(lines);
        }
    }

    /** Runs a task in the UI unless the page is gone (then there is nobody to show it to). */
    static void access(UI ui, Runnable task) {
        try {
            if (ui != null && ui.isAttached()) {
                ui.access(task::run);
            }
        } catch (UIDetachedException e) {
            // the tab was closed: nothing to update
        }
    }
}
