package dev.probebook.probe.routes;

/** The process's user id, which {@code ip route get} prints ({@code uid 0}); -1 where the JDK cannot tell. */
final class Uid {

    private Uid() {}

    static long current() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid();
        } catch (RuntimeException | LinkageError e) {
            return -1;
        }
    }
}
