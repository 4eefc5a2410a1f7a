package dev.probebook.notebook;

/**
 * A script inlined at the top of every page that saves Vaadin's client up to 50 ms on each full page load.
 *
 * <p>Why: Vaadin's client ({@code FlowClient}, compiled by GWT) is imported after the document has loaded, and its
 * GWT start-up code waits for the document to be ready in the way of a script loaded with the page: a
 * {@code DOMContentLoaded} listener (long past by then) and a 50 ms {@code setInterval} that tests
 * {@code document.readyState}. So the client starts at that interval's first tick, 50 ms after it could have
 * (measured in Chromium's trace of the seed runbook's page: nothing else runs in that time). The script below gives
 * that one interval (50 ms, a function that tests {@code readyState}) a first call at once; the function itself
 * decides: when the document is ready it clears its interval and starts the client as it would at the tick, else
 * the interval and the listener go on as before. Every
 * other {@code setInterval} is passed through untouched, and the wrapper takes itself out after that one call
 * ({@code window.probebookClientStartUp} then says so, for the browser tests).
 *
 * <p>If a Vaadin upgrade changes that start-up code, nothing matches and the client starts at the tick as before
 * ({@code NotebookBrowserIT} checks that pages still start at once).
 */
final class ClientStartUp {

    static final String SCRIPT = """
            (() => {
              const plain = window.setInterval;
              window.probebookClientStartUp = 'waiting';
              window.setInterval = function (fn, ms, ...rest) {
                const id = plain.call(window, fn, ms, ...rest);
                if (ms === 50 && typeof fn === 'function' && String(fn).includes('readyState')) {
                  window.setInterval = plain;
                  window.probebookClientStartUp = 'asked at once';
                  setTimeout(fn, 0);
                }
                return id;
              };
            })();""";

    private ClientStartUp() {}
}
