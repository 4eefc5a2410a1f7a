package dev.probebook.lab;

import java.io.IOException;
import java.net.BindException;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * Binds a lab service to its preferred port, or, when that port is taken, to a free one the kernel picks (port 0),
 * and adds a note saying so. The port is read back from what was bound, never assumed.
 */
final class PreferredPort {

    /** Binds something to a port; {@code 0} asks for any free port. Throws {@link BindException} when taken. */
    @FunctionalInterface
    interface Binder<T> {
        T bind(int port) throws IOException;
    }

    private PreferredPort() {}

    /**
     * {@code binder} at {@code preferred}; when that port is taken, at a free port, with the note "port P is taken; "
     * followed by {@code instead} applied to the new port (e.g. "the open service listens on 39211 instead").
     */
    static <T> T bind(
            int preferred, Binder<T> binder, ToIntFunction<T> portOf, IntFunction<String> instead, List<String> notes)
            throws IOException {
        try {
            return binder.bind(preferred);
        } catch (BindException taken) {
            T bound = binder.bind(0);
            notes.add("port " + preferred + " is taken; " + instead.apply(portOf.applyAsInt(bound)));
            return bound;
        }
    }
}
