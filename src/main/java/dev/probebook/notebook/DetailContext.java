package dev.probebook.notebook;

import dev.probebook.access.Actor;
import dev.probebook.access.HostsWrites;
import java.util.function.BiFunction;

/**
 * What a detail view may use beyond the details: the page's texts ({@code key, args -> text}), who looks at it,
 * and the guarded hosts-file write (null where the page offers none).
 */
record DetailContext(BiFunction<String, Object[], String> texts, Actor actor, HostsWrites hostsWrites) {

    String t(String key, Object... args) {
        return texts.apply(key, args);
    }

    /** True when the viewer may write the hosts file from here. */
    boolean mayWriteHosts() {
        return hostsWrites != null && actor != null && hostsWrites.allowed(actor);
    }
}
