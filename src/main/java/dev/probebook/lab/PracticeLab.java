package dev.probebook.lab;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A practice lab of real network faults on loopback, one per {@link Scenario}, for operators to practise the
 * network-connectivity runbook on: real listeners, real TLS, a real (tiny) DNS server and a hosts file of its own,
 * all on 127.0.0.x, so nothing leaves the machine and {@code tcpdump -i lo} shows the real handshakes.
 *
 * <p>Probes use the lab through {@link #properties()}: the lab DNS, the lab hosts file, the lab CA, the lab's
 * address echo and a target policy that allows loopback only. Nothing global changes: /etc/hosts and the
 * machine's resolver are never touched.
 *
 * <p>Threading: {@link #start} binds everything on the calling thread and returns once every service answers.
 * The services then run on their own daemon threads (virtual threads, and the JDK HTTP servers' dispatchers, made
 * daemon by {@link DaemonStart}), so a lab nobody closed never keeps the JVM alive. All methods may be called from
 * any thread; {@link #close()} is idempotent, stops every service, closes every socket and frees every port before
 * it returns.
 */
public final class PracticeLab implements AutoCloseable {

    /** The interface the lab lives on. */
    public static final String INTERFACE = "lo";

    /** Preferred port of the lab DNS (UDP and TCP). */
    public static final int PREFERRED_DNS_PORT = 18053;

    /** Preferred port of the address echo service (plain HTTP). */
    public static final int PREFERRED_ECHO_PORT = 18080;

    /** Where the HOSTS_OVERRIDE name is pinned, unless that address's port is in use (then the next of these). */
    private static final List<String> OVERRIDE_ADDRESSES =
            List.of("127.0.0.3", "127.0.0.4", "127.0.0.5", "127.0.0.6", "127.0.0.7");

    private final Path labDir;
    private final Instant startedAt;
    private final Map<Scenario, LabTarget> targets;
    private final Map<String, String> properties;
    private final List<String> notes;
    private final Deque<AutoCloseable> services;
    private volatile boolean running = true;

    private PracticeLab(
            Path labDir,
            Instant startedAt,
            Map<Scenario, LabTarget> targets,
            Map<String, String> properties,
            List<String> notes,
            Deque<AutoCloseable> services) {
        this.labDir = labDir;
        this.startedAt = startedAt;
        this.targets = targets;
        this.properties = properties;
        this.notes = notes;
        this.services = services;
    }

    /**
     * Starts every scenario; ports already taken are replaced by free ones and said so in {@link #notes()}.
     *
     * @param labDir where the lab hosts file ({@code hosts}) and CA certificate ({@code lab-ca.pem}) are written;
     *     created if missing
     * @throws IOException when a service cannot start at all (then nothing is left running)
     */
    public static PracticeLab start(Path labDir) throws IOException {
        return start(labDir, false);
    }

    /**
     * Starts every scenario, at free ports the kernel picks when {@code anyPorts} (the web app's lab: a drill's port
     * must not give its fault away to someone who knows the preferred ports), else at the preferred ports.
     */
    public static PracticeLab start(Path labDir, boolean anyPorts) throws IOException {
        Files.createDirectories(labDir);
        Path dir = labDir.toAbsolutePath().normalize();
        Instant now = Instant.now();
        InetAddress loopback = InetAddress.getByName(LabZone.ADDRESS); // a literal: no lookup
        List<String> notes = new ArrayList<>();
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            LabCertificates certificates = LabCertificates.issue(now);
            Path caFile = dir.resolve("lab-ca.pem");
            certificates.writeCaPem(caFile);

            HttpsService open = push(
                    started,
                    PreferredPort.bind(
                            anyPorts ? 0 : Scenario.OPEN.preferredPort(),
                            port -> HttpsService.start(loopback, port, certificates.openContext(), body(Scenario.OPEN)),
                            HttpsService::port,
                            p -> "the open service (app.lab.test) listens on " + p + " instead",
                            notes));
            HttpsService expired = push(
                    started,
                    PreferredPort.bind(
                            anyPorts ? 0 : Scenario.EXPIRED.preferredPort(),
                            port -> HttpsService.start(
                                    loopback, port, certificates.expiredContext(), body(Scenario.EXPIRED)),
                            HttpsService::port,
                            p -> "the expired-certificate service listens on " + p + " instead",
                            notes));
            RefusingPort refused = push(
                    started,
                    PreferredPort.bind(
                            anyPorts ? 0 : Scenario.REFUSED.preferredPort(),
                            port -> RefusingPort.reserve(loopback, port),
                            RefusingPort::port,
                            p -> "the refused scenario uses " + p + " (where nothing listens) instead",
                            notes));
            DroppingListener dropped = push(
                    started,
                    PreferredPort.bind(
                            anyPorts ? 0 : Scenario.DROPPED.preferredPort(),
                            port -> DroppingListener.start(loopback, port),
                            DroppingListener::port,
                            p -> "the dropping listener is on " + p + " instead",
                            notes));
            FlakyVip vip = push(
                    started,
                    PreferredPort.bind(
                            anyPorts ? 0 : Scenario.VIP.preferredPort(),
                            port -> FlakyVip.start(loopback, port, new InetSocketAddress(loopback, open.port())),
                            FlakyVip::port,
                            p -> "the virtual IP listens on " + p + " instead",
                            notes));
            RefusingPort override = push(started, reserveOverride(open.port(), notes));
            String overrideIp = override.address().getHostAddress();
            Path hostsFile = dir.resolve("hosts");
            LabHostsFile.write(hostsFile, overrideIp);
            LabDns dns = push(
                    started,
                    PreferredPort.bind(
                            PREFERRED_DNS_PORT,
                            port -> LabDns.start(loopback, port, new LabZone()),
                            LabDns::port,
                            p -> "the lab DNS (UDP and TCP) listens on " + p + " instead",
                            notes));
            AddressEcho echo = push(
                    started,
                    PreferredPort.bind(
                            PREFERRED_ECHO_PORT,
                            port -> AddressEcho.start(loopback, port),
                            AddressEcho::port,
                            p -> "the address echo service listens on " + p + " instead",
                            notes));

            Map<Scenario, Integer> ports = new EnumMap<>(Scenario.class);
            ports.put(Scenario.OPEN, open.port());
            ports.put(Scenario.REFUSED, refused.port());
            ports.put(Scenario.DROPPED, dropped.port());
            ports.put(Scenario.EXPIRED, expired.port());
            ports.put(Scenario.NXDOMAIN, open.port());
            ports.put(Scenario.HOSTS_OVERRIDE, open.port());
            ports.put(Scenario.VIP, vip.port());
            Map<Scenario, LabTarget> targets = new EnumMap<>(Scenario.class);
            for (Scenario s : Scenario.values()) {
                int port = ports.get(s);
                targets.put(
                        s,
                        new LabTarget(
                                s,
                                s.host(),
                                LabZone.ADDRESS,
                                port,
                                "https://" + s.host() + ":" + port + "/",
                                describe(s, overrideIp)));
            }
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("probebook.dns.servers", LabZone.ADDRESS + ":" + dns.port());
            properties.put("probebook.hosts-file", hostsFile.toString());
            properties.put("probebook.http.ca-file", caFile.toString());
            properties.put("probebook.public-ip.url", echo.url());
            properties.put("probebook.policy.allow", "127.0.0.0/8,::1");
            return new PracticeLab(
                    dir,
                    now,
                    Map.copyOf(targets),
                    Collections.unmodifiableMap(properties),
                    List.copyOf(notes),
                    started);
        } catch (IOException | RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> started, T service) {
        started.push(service);
        return service;
    }

    /**
     * Holds the open service's port on the first override address where it is free, so the overridden name is
     * refused (and nothing else can listen there while the lab runs).
     */
    private static RefusingPort reserveOverride(int port, List<String> notes) throws IOException {
        for (String ip : OVERRIDE_ADDRESSES) {
            try {
                RefusingPort reserved = RefusingPort.reserve(InetAddress.getByName(ip), port);
                if (!ip.equals(OVERRIDE_ADDRESSES.getFirst())) {
                    notes.add(OVERRIDE_ADDRESSES.getFirst() + " port " + port + " is in use; the hosts file pins "
                            + Scenario.HOSTS_OVERRIDE.host() + " to " + ip + " instead");
                }
                return reserved;
            } catch (BindException inUse) {
                // something holds this address's port: try the next address
            }
        }
        throw new BindException("port " + port + " is in use on every address of " + OVERRIDE_ADDRESSES
                + ": the hosts-override scenario has no address where nothing listens");
    }

    private static String body(Scenario s) {
        return "Hello from " + s.host() + " (Probebook practice lab, scenario " + s.id() + ")\n";
    }

    private static String describe(Scenario s, String overrideIp) {
        return s == Scenario.HOSTS_OVERRIDE ? s.reproduces().replace("127.0.0.3", overrideIp) : s.reproduces();
    }

    /** One target per scenario, in {@link Scenario} order. */
    public List<LabTarget> targets() {
        return Arrays.stream(Scenario.values()).map(targets::get).toList();
    }

    public LabTarget target(Scenario scenario) {
        return targets.get(scenario);
    }

    /**
     * Runbook variables bound to a scenario: {@code host} and {@code domain} (the scenario's lab name), {@code ip}
     * (the address the lab DNS gives, 127.0.0.1), {@code port} (the scenario's port; the open service's for
     * NXDOMAIN and HOSTS_OVERRIDE) and {@code iface} ({@code lo}).
     */
    public Map<String, String> variables(Scenario scenario) {
        LabTarget t = target(scenario);
        Map<String, String> v = new LinkedHashMap<>();
        v.put("host", t.host());
        v.put("domain", t.host());
        v.put("ip", t.ip());
        v.put("port", String.valueOf(t.port()));
        v.put("iface", INTERFACE);
        return Collections.unmodifiableMap(v);
    }

    /**
     * The {@code probebook.*} properties that make probes use the lab: {@code dns.servers}, {@code hosts-file},
     * {@code http.ca-file}, {@code public-ip.url} and {@code policy.allow} (loopback only), in that order.
     */
    public Map<String, String> properties() {
        return properties;
    }

    /** What differs from the documented set-up (a taken port replaced by a free one, ...); empty when nothing. */
    public List<String> notes() {
        return notes;
    }

    /** Where the hosts file and the CA certificate are. */
    public Path directory() {
        return labDir;
    }

    public boolean running() {
        return running;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** Stops every service and frees every port; idempotent. */
    @Override
    public void close() {
        synchronized (services) {
            running = false;
            closeAll(services);
        }
    }

    /** Closes in reverse start order (the VIP before the service behind it), going on past failures. */
    private static void closeAll(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                // closing anyway: the others must still be closed
            }
        }
    }
}
