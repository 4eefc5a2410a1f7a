package dev.probebook.app;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A bad {@code probebook.*} setting (a plain-text password, an unknown role, a duration that is not one)
 * stops the app with its one sentence, instead of that sentence repeated inside a long stack trace.
 */
public class SettingsFailureAnalyzer extends AbstractFailureAnalyzer<IllegalArgumentException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, IllegalArgumentException cause) {
        String message = cause.getMessage();
        if (message == null || !message.startsWith("probebook.")) {
            return null;
        }
        return new FailureAnalysis(
                message,
                "Correct that setting (command line, application.properties or environment)"
                        + " and start Probebook again. README.md, 'Configuration', lists every setting.",
                cause);
    }
}
