package dev.probebook.probe.http;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import dev.probebook.probe.Probe;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import dev.probebook.settings.SettingsSection;
import java.util.List;
import java.util.Set;

/**
 * HTTP(S) reachability with curl's command line and output: {@code curl -v https://host:port},
 * {@code curl -I}, {@code curl -o /dev/null -s -w "%{http_code}"}, with {@code -L}, {@code -k},
 * {@code --resolve}, timeouts and {@code -H/-X/-d}. The verdict says whether the server is reachable and,
 * if not, where it breaks: name resolution, TCP (refused or dropped), TLS (certificate) or the app.
 */
public final class HttpProbe implements Probe<CurlCommand> {

    @Override
    public String name() {
        return "http";
    }

    @Override
    public Set<String> commandWords() {
        return Set.of("curl");
    }

    @Override
    public List<SettingsSection<?>> settings() {
        return List.of(HttpSettings.SECTION);
    }

    @Override
    public CurlCommand parse(String commandWord, Args args) throws UsageException {
        return CurlParser.parse(args);
    }

    @Override
    public ProbeResult run(CurlCommand cmd, ProbeContext ctx) throws InterruptedException {
        CurlSession session = new CurlSession(cmd, ctx);
        session.run();
        return HttpVerdicts.of(cmd, session, HttpVerdicts.details(cmd, session));
    }
}
