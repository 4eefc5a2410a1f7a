package dev.probebook.testing;

import dev.probebook.command.GrepFilter;
import dev.probebook.command.UsageException;
import dev.probebook.policy.PolicyDeniedException;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.settings.Settings;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ProbeContext} for running one probe instance directly (for probes built over fixture files):
 * records the lines that survive an optional {@code grep}, never cancels, allows every target.
 */
public final class RecordingContext implements ProbeContext {

    private final List<String> lines = new ArrayList<>();
    private final GrepFilter filter;
    private final Settings settings = Settings.defaults();

    public RecordingContext() {
        this.filter = null;
    }

    /** @param grepWords the words after {@code grep}, e.g. {@code "8080"} or {@code "-i", "listen"} */
    public RecordingContext(String... grepWords) throws UsageException {
        this.filter = GrepFilter.parse("grep", List.of(grepWords));
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public synchronized void out(String line) {
        if (passesFilter(line)) {
            lines.add(line);
        }
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public boolean cancelled() {
        return false;
    }

    @Override
    public Instant deadline() {
        return Instant.now().plusSeconds(60);
    }

    @Override
    public void closeOnCancel(AutoCloseable resource) {}

    @Override
    public void checkTarget(String host, InetAddress address, int port) throws PolicyDeniedException {}

    @Override
    public ProbeResult runCommand(List<String> words) throws InterruptedException, UsageException {
        return ProbeRegistry.standard().parse(words).run(this);
    }

    @Override
    public boolean filtered() {
        return filter != null;
    }

    @Override
    public boolean passesFilter(String line) {
        return filter == null || filter.matches(line);
    }

    @Override
    public String grepPattern() {
        return filter == null ? null : filter.plainPattern();
    }
}
