package dev.probebook.security;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps sessions of visitors who have not signed in short-lived and few. The sign-in page is a Vaadin view and so
 * needs a session, but nobody should be able to grow the server's memory by asking for it: every request without a
 * session cookie creates one (about 12 KB, half an hour by default). Here a new session lives {@link #IDLE} without
 * use, and when more than {@link #MAX} such sessions exist the oldest is ended. Signing in {@link #signedIn promotes}
 * the session to the configured timeout.
 *
 * <p>Thread-safe: the container calls these from request threads and its expiry thread.
 */
public final class AnonymousSessions implements HttpSessionListener, HttpSessionIdListener {

    /** How long a session nobody has signed into lives without use. */
    public static final Duration IDLE = Duration.ofMinutes(5);

    /** How many such sessions may exist at once. */
    public static final int MAX = 1000;

    private final Map<String, HttpSession> anonymous = new LinkedHashMap<>();

    @Override
    public void sessionCreated(HttpSessionEvent se) {
        HttpSession session = se.getSession();
        session.setMaxInactiveInterval((int) IDLE.toSeconds());
        HttpSession oldest = null;
        synchronized (anonymous) {
            anonymous.put(session.getId(), session);
            if (anonymous.size() > MAX) {
                var eldest = anonymous.entrySet().iterator().next();
                oldest = eldest.getValue();
                anonymous.remove(eldest.getKey());
            }
        }
        if (oldest != null) {
            try {
                oldest.invalidate();
            } catch (IllegalStateException alreadyGone) {
                // it expired meanwhile
            }
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent se) {
        synchronized (anonymous) {
            anonymous.remove(se.getSession().getId());
        }
    }

    /** Sign-in changes the session id (no fixation): follow it. */
    @Override
    public void sessionIdChanged(HttpSessionEvent se, String oldSessionId) {
        synchronized (anonymous) {
            if (anonymous.remove(oldSessionId) != null) {
                anonymous.put(se.getSession().getId(), se.getSession());
            }
        }
    }

    /** The session's user signed in: it lives as long as {@code timeout} allows and no longer counts here. */
    public void signedIn(HttpSession session, Duration timeout) {
        synchronized (anonymous) {
            anonymous.remove(session.getId());
        }
        session.setMaxInactiveInterval((int) timeout.toSeconds());
    }

    /** Sessions nobody has signed into, now. */
    public int count() {
        synchronized (anonymous) {
            return anonymous.size();
        }
    }
}
