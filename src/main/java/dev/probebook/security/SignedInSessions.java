package dev.probebook.security;

import jakarta.servlet.http.HttpSession;

/** What signing in does to the browser's session (it stops being a short-lived anonymous one). */
@FunctionalInterface
interface SignedInSessions {
    void promote(HttpSession session);
}
