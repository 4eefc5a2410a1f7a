package dev.probebook.app;

import dev.probebook.access.AccessRules;
import dev.probebook.access.HostsWrites;
import dev.probebook.access.ProbeGate;
import dev.probebook.access.UserLimiter;
import dev.probebook.audit.AuditException;
import dev.probebook.audit.AuditFile;
import dev.probebook.audit.AuditLog;
import dev.probebook.audit.AuditedRuns;
import dev.probebook.engine.ProbeRunner;
import dev.probebook.history.HistorySettings;
import dev.probebook.history.ReconnectingRunStore;
import dev.probebook.history.RecordedRuns;
import dev.probebook.history.RunRetention;
import dev.probebook.history.RunStores;
import dev.probebook.library.GitRunbooks;
import dev.probebook.library.LibrarySettings;
import dev.probebook.library.RunbookEdits;
import dev.probebook.library.RunbookFolder;
import dev.probebook.library.RunbookSearch;
import dev.probebook.library.RunbookStore;
import dev.probebook.net.HostsFileEditor;
import dev.probebook.plan.CommandBinder;
import dev.probebook.policy.TargetPolicy;
import dev.probebook.practice.LabControl;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.report.Reports;
import dev.probebook.settings.Settings;
import dev.probebook.settings.SettingsLoader;
import dev.probebook.settings.SettingsSection;
import dev.probebook.step.StepRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the engine for the web app. Every {@code probebook.*} key from Spring's environment (properties
 * file, command line {@code --probebook.x=y}, environment variables) goes through the same
 * {@link SettingsLoader} the CLI uses, so both read configuration the same way.
 */
@Configuration
public class AppConfig {

    static final String RUNBOOKS_DIR = "runbooks-dir";

    @Bean
    Map<String, String> probebookProperties(Environment env) {
        Map<String, String> bound = Binder.get(env)
                .bind("probebook", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        Map<String, String> props = new HashMap<>();
        bound.forEach((k, v) -> props.put("probebook." + k, v));
        return props;
    }

    @Bean
    Settings settings(Map<String, String> probebookProperties, ProbeRegistry registry) {
        Settings settings = SettingsLoader.load(probebookProperties, sections(registry));
        SettingsLoader.unknownKeys(probebookProperties, sections(registry))
                .forEach(k -> LoggerFactory.getLogger(AppConfig.class).warn("unknown setting {}: it is ignored", k));
        return settings;
    }

    /** Every settings section: the probes' and the run history's. */
    static List<SettingsSection<?>> sections(ProbeRegistry registry) {
        List<SettingsSection<?>> all = new ArrayList<>(registry.settingsSections());
        all.add(HistorySettings.SECTION);
        all.add(LibrarySettings.SECTION);
        return all;
    }

    @Bean
    TargetPolicy targetPolicy(Settings settings) {
        return TargetPolicy.from(settings.policy());
    }

    @Bean
    ProbeRegistry probeRegistry() {
        return ProbeRegistry.standard();
    }

    @Bean
    CommandBinder commandBinder(ProbeRegistry registry) {
        return new CommandBinder(registry);
    }

    @Bean(destroyMethod = "close")
    ProbeRunner probeRunner(Settings settings, TargetPolicy policy, ProbeRegistry registry) {
        return new ProbeRunner(settings, policy, registry);
    }

    @Bean
    AuditLog auditLog(Settings settings) throws AuditException {
        return new AuditFile(settings.dataDir().resolve("audit.jsonl"));
    }

    /**
     * The run history: {@code spring.datasource.url} (PostgreSQL for a team) or the embedded H2 file in the data
     * directory; opened on first use and again after an outage, so the app starts and probes without it.
     */
    @Bean(destroyMethod = "close")
    ReconnectingRunStore runStore(Environment env, Settings settings) {
        String url = env.getProperty("spring.datasource.url", "");
        String user = env.getProperty("spring.datasource.username", "");
        String password = env.getProperty("spring.datasource.password", "");
        String where = url.isBlank()
                ? "H2 file " + settings.dataDir().toAbsolutePath().normalize().resolve("history.mv.db")
                : RunStores.described(url);
        return new ReconnectingRunStore(
                () -> RunStores.open(url, user, password, settings.dataDir()), where, Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    RunRetention runRetention(ReconnectingRunStore runStore, Settings settings) {
        return new RunRetention(runStore, settings.section(HistorySettings.SECTION), Clock.systemUTC()).start();
    }

    /**
     * The one step runner: every web and API run goes through it; the audit trail and the run history observe
     * each.
     */
    @Bean
    StepRunner stepRunner(ProbeRunner engine, AuditLog auditLog, ReconnectingRunStore runStore) {
        return new StepRunner(
                engine,
                List.of(new AuditedRuns(auditLog, Clock.systemUTC()), new RecordedRuns(runStore, Clock.systemUTC())),
                Clock.systemUTC());
    }

    /**
     * The practice lab, stopped until an admin starts it ({@code DATA_DIR/lab} holds its hosts file and CA). Its runs
     * go through a runner of their own, built from the app's settings with the lab's laid over them (its DNS server,
     * hosts file, CA, loopback only), and are audited and recorded like every other run.
     */
    @Bean(destroyMethod = "close")
    LabControl labControl(
            Map<String, String> probebookProperties,
            Settings settings,
            ProbeRegistry registry,
            AuditLog auditLog,
            ReconnectingRunStore runStore) {
        return new LabControl(settings.dataDir().resolve("lab"), lab -> {
            Map<String, String> props = new HashMap<>(probebookProperties);
            props.putAll(lab);
            Settings labSettings = SettingsLoader.load(props, sections(registry));
            ProbeRunner engine = new ProbeRunner(labSettings, TargetPolicy.from(labSettings.policy()), registry);
            return new StepRunner(
                    engine,
                    List.of(
                            new AuditedRuns(auditLog, Clock.systemUTC()),
                            new RecordedRuns(runStore, Clock.systemUTC())),
                    Clock.systemUTC());
        });
    }

    @Bean
    ProbeGate probeGate(Settings settings) {
        return new ProbeGate(new AccessRules(settings.roles()), new UserLimiter(settings.limits(), Clock.systemUTC()));
    }

    @Bean
    HostsWrites hostsWrites(Settings settings, ProbeGate gate, AuditLog auditLog) {
        return new HostsWrites(settings, gate.rules(), auditLog, new HostsFileEditor(), Clock.systemUTC());
    }

    /**
     * The runbooks: files in {@code probebook.runbooks-dir}, kept in git there (a plain folder becomes a repository on
     * first start), shared through {@code probebook.runbooks.remote} if set. Every version is in the history, so
     * saves keep no loose backup files.
     */
    @Bean(destroyMethod = "close")
    GitRunbooks runbookStore(Map<String, String> probebookProperties, Settings settings, ProbeRegistry registry) {
        String dir = probebookProperties.getOrDefault("probebook." + RUNBOOKS_DIR, "runbooks");
        RunbookFolder files = new RunbookFolder(
                Path.of(dir),
                settings.runbookMaxBytes(),
                settings.runbookParseBudget(),
                registry,
                null,
                Clock.systemDefaultZone());
        return GitRunbooks.open(
                        files,
                        settings.runbookMaxBytes(),
                        settings.section(LibrarySettings.SECTION),
                        Clock.systemDefaultZone())
                .startPulling();
    }

    @Bean(destroyMethod = "close")
    RunbookSearch runbookSearch(RunbookStore runbooks) {
        return new RunbookSearch(runbooks).warmUp();
    }

    @Bean
    Reports reports(ReconnectingRunStore runStore, RunbookStore runbooks, ProbeGate gate, AuditLog auditLog) {
        return new Reports(runStore, runbooks, gate.rules(), auditLog, Clock.systemUTC());
    }

    @Bean
    RunbookEdits runbookEdits(RunbookStore store, ProbeGate gate, AuditLog auditLog) {
        return new RunbookEdits(store, gate.rules(), auditLog, Clock.systemUTC());
    }
}
