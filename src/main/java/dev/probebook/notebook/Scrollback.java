package dev.probebook.notebook;

import com.vaadin.flow.server.VaadinSession;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The free terminal's earlier runs in this browser session, as text, so that a reload or a new visit to
 * {@code /terminal} shows them again (the page's own components stop their probes when the page goes away; the
 * record of what ran stays). Kept in the {@link VaadinSession}; read and written on the UI thread, under the
 * session's lock.
 */
final class Scrollback {

    /** One finished run as it showed. */
    record Entry(String command, String output, String verdict, String summary, long elapsedMs) {}

    private final Deque<Entry> entries = new ArrayDeque<>();

    static Scrollback ofSession() {
        VaadinSession session = VaadinSession.getCurrent();
        Scrollback s = session.getAttribute(Scrollback.class);
        if (s == null) {
            s = new Scrollback();
            session.setAttribute(Scrollback.class, s);
        }
        return s;
    }

    void add(Entry e) {
        entries.addLast(e);
        while (entries.size() > TerminalWidget.SCROLLBACK) {
            entries.removeFirst();
        }
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }
}
