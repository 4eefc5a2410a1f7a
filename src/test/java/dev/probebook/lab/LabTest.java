package dev.probebook.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.engine.RunResult;
import dev.probebook.policy.PolicyDeniedException;
import dev.probebook.policy.TargetPolicy;
import dev.probebook.probe.Verdict;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.settings.SettingsLoader;
import dev.probebook.testing.ProbeHarness;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The practice lab against the real probes: each command goes through the registry and the engine with the settings
 * the lab hands out (its DNS, hosts file, CA, echo service and loopback-only policy), as the CLI and the notebook run
 * it. Every lab listens on 127.0.0.x only and its DNS never forwards, so nothing here leaves the machine.
 */
class LabTest {

    @TempDir
    Path dir;

    private PracticeLab lab;
    private ProbeHarness probes;

    @BeforeEach
    void start() throws IOException {
        lab = PracticeLab.start(dir.resolve("lab"));
        probes = new ProbeHarness(lab.properties());
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    private RunResult run(String commandLine) throws Exception {
        return probes.run(commandLine);
    }

    private int port(Scenario s) {
        return lab.target(s).port();
    }

    @Test
    void describesEveryScenarioAndHandsOutSettingsTheProbesKnow() {
        assertThat(lab.running()).isTrue();
        assertThat(lab.targets()).extracting(LabTarget::scenario).containsExactly(Scenario.values());
        LabTarget open = lab.target(Scenario.OPEN);
        assertThat(open.host()).isEqualTo("app.lab.test");
        assertThat(open.ip()).isEqualTo("127.0.0.1");
        assertThat(open.url()).isEqualTo("https://app.lab.test:" + open.port() + "/");
        assertThat(lab.target(Scenario.HOSTS_OVERRIDE).port()).isEqualTo(open.port());
        assertThat(lab.variables(Scenario.HOSTS_OVERRIDE))
                .containsExactly(
                        Map.entry("host", "shop.lab.test"),
                        Map.entry("domain", "shop.lab.test"),
                        Map.entry("ip", "127.0.0.1"),
                        Map.entry("port", String.valueOf(open.port())),
                        Map.entry("iface", "lo"));
        assertThat(lab.properties())
                .containsKeys(
                        "probebook.dns.servers",
                        "probebook.hosts-file",
                        "probebook.http.ca-file",
                        "probebook.public-ip.url",
                        "probebook.policy.allow");
        assertThat(SettingsLoader.unknownKeys(
                        lab.properties(), ProbeRegistry.standard().settingsSections()))
                .isEmpty();
        assertThat(Path.of(lab.properties().get("probebook.hosts-file"))).isEqualTo(dir.resolve("lab/hosts"));
        assertThat(dir.resolve("lab/lab-ca.pem")).content().startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Scenario.byId("hosts-override")).contains(Scenario.HOSTS_OVERRIDE);
        assertThat(Scenario.byId("VIP")).contains(Scenario.VIP);
        assertThat(Scenario.byId("nope")).isEmpty();
    }

    @Test
    void policyAllowsLoopbackOnly() throws Exception {
        // decided on the address alone: nothing is sent anywhere
        TargetPolicy policy = TargetPolicy.from(probes.settings().policy());
        policy.check("app.lab.test", InetAddress.getByName("127.0.0.1"), port(Scenario.OPEN));
        policy.check(null, InetAddress.getByName("::1"), 443);
        assertThatThrownBy(() -> policy.check(null, InetAddress.getByName("10.0.0.5"), 443))
                .isInstanceOf(PolicyDeniedException.class)
                .hasMessageContaining("allow list");
    }

    @Test
    void tcpChecksConnectToOpenAreRefusedByClosedAndTimeOutOnDropped() throws Exception {
        RunResult open = run("tcping -n 2 app.lab.test " + port(Scenario.OPEN));
        assertThat(open.verdict()).as(ProbeHarness.text(open)).isEqualTo(Verdict.OK);
        RunResult nc = run("nc -zv -w 2 app.lab.test " + port(Scenario.OPEN));
        assertThat(nc.verdict()).as(ProbeHarness.text(nc)).isEqualTo(Verdict.OK);
        assertThat(ProbeHarness.text(nc)).contains("succeeded");

        RunResult refused = run("nc -zv -w 2 closed.lab.test " + port(Scenario.REFUSED));
        assertThat(refused.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(ProbeHarness.text(refused)).containsIgnoringCase("refused");

        RunResult dropped = run("nc -zv -w 1 dropped.lab.test " + port(Scenario.DROPPED));
        assertThat(dropped.verdict()).as(ProbeHarness.text(dropped)).isEqualTo(Verdict.FAIL);
        assertThat(ProbeHarness.text(dropped)).containsIgnoringCase("timed out");
        assertThat(dropped.summary()).doesNotContainIgnoringCase("refused");
        assertThat(dropped.elapsedMs()).isBetween(900L, 3000L);
    }

    @Test
    void curlTrustsTheLabCaAndSeesTheExpiredCertificate() throws Exception {
        RunResult open = run("curl -v " + lab.target(Scenario.OPEN).url());
        String text = ProbeHarness.text(open);
        assertThat(open.verdict()).as(text).isEqualTo(Verdict.OK);
        assertThat(text).contains("HTTP/1.1 200").contains("Hello from app.lab.test");

        RunResult expired = run("curl -v " + lab.target(Scenario.EXPIRED).url());
        assertThat(expired.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(ProbeHarness.text(expired)).contains("certificate has expired");

        RunResult insecure = run("curl -k -s " + lab.target(Scenario.EXPIRED).url());
        assertThat(ProbeHarness.text(insecure)).contains("Hello from expired.lab.test");
    }

    @Test
    void labDnsAnswersLabNamesAndNothingElse() throws Exception {
        RunResult app = run("nslookup app.lab.test");
        assertThat(app.verdict()).as(ProbeHarness.text(app)).isEqualTo(Verdict.OK);
        assertThat(app.output()).contains("Server:\t\t127.0.0.1", "Name:\tapp.lab.test", "Address: 127.0.0.1");

        RunResult gone = run("nslookup gone.lab.test");
        assertThat(gone.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(gone.output()).contains("** server can't find gone.lab.test: NXDOMAIN");

        // the lab DNS never forwards: a real name does not exist here
        RunResult outside = run("dig example.com");
        assertThat(ProbeHarness.text(outside)).contains("status: NXDOMAIN");

        RunResult reverse = run("host 127.0.0.1");
        assertThat(ProbeHarness.text(reverse)).contains("1.0.0.127.in-addr.arpa domain name pointer app.lab.test.");

        RunResult noIpv6 = run("dig -t AAAA vip.lab.test");
        assertThat(ProbeHarness.text(noIpv6)).contains("status: NOERROR").contains("ANSWER: 0");

        RunResult viaTcp = run("dig +tcp +short closed.lab.test");
        assertThat(viaTcp.output()).contains("127.0.0.1");

        RunResult curlGone = run("curl -v " + lab.target(Scenario.NXDOMAIN).url());
        assertThat(curlGone.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(ProbeHarness.text(curlGone)).contains("Could not resolve host: gone.lab.test");
    }

    @Test
    void theHostsFileOverridesDnsAndConnectionsByNameAreRefused() throws Exception {
        RunResult getent = run("getent hosts shop.lab.test");
        assertThat(getent.output()).anyMatch(l -> l.matches("127\\.0\\.0\\.3\\s+shop\\.lab\\.test"));

        RunResult cat = run("cat /etc/hosts");
        assertThat(ProbeHarness.text(cat)).contains("127.0.0.3\tshop.lab.test");

        RunResult dns = run("nslookup shop.lab.test");
        assertThat(dns.output()).contains("Address: 127.0.0.1");

        RunResult byName = run("nc -zv -w 2 shop.lab.test " + port(Scenario.HOSTS_OVERRIDE));
        assertThat(byName.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(ProbeHarness.text(byName)).containsIgnoringCase("refused").contains("127.0.0.3");

        RunResult byAddress = run("nc -zv -w 2 127.0.0.1 " + port(Scenario.HOSTS_OVERRIDE));
        assertThat(byAddress.verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void theVipResetsEveryOtherConnectionWhileTcpChecksAlwaysConnect() throws Exception {
        String url = lab.target(Scenario.VIP).url();
        List<RunResult> curls = List.of(run("curl -sS " + url), run("curl -sS " + url));
        assertThat(curls)
                .extracting(RunResult::verdict)
                .as(curls.stream().map(ProbeHarness::text).toList().toString())
                .containsExactlyInAnyOrder(Verdict.OK, Verdict.FAIL);
        RunResult ok = curls.stream()
                .filter(r -> r.verdict() == Verdict.OK)
                .findFirst()
                .orElseThrow();
        assertThat(ProbeHarness.text(ok)).contains("Hello from app.lab.test");

        // the lesson: TCP-only checks connect every time, reset or not
        RunResult tcping = run("tcping -n 8 -i 0.05 vip.lab.test " + port(Scenario.VIP));
        assertThat(tcping.verdict()).as(ProbeHarness.text(tcping)).isEqualTo(Verdict.OK);
        assertThat(ProbeHarness.text(tcping)).contains("8 successful, 0 failed");
        for (int i = 0; i < 4; i++) {
            RunResult nc = run("nc -zv -w 2 vip.lab.test " + port(Scenario.VIP));
            assertThat(nc.verdict()).as(ProbeHarness.text(nc)).isEqualTo(Verdict.OK);
        }
    }

    @Test
    void curlIfconfigMeAsksTheLabEcho() throws Exception {
        RunResult echo = run("curl ifconfig.me");
        assertThat(echo.verdict()).as(ProbeHarness.text(echo)).isEqualTo(Verdict.OK);
        assertThat(echo.output()).contains("127.0.0.1");
        assertThat(echo.summary()).contains("127.0.0.1");
    }

    @Test
    void aTakenPreferredPortIsReplacedByAFreeOneAndNoted() throws Exception {
        lab.close();
        int preferred = Scenario.OPEN.preferredPort();
        try (ServerSocket squatter = occupy(preferred);
                PracticeLab second = PracticeLab.start(dir.resolve("second"))) {
            assertThat(squatter == null || squatter.isBound()).isTrue();
            int port = second.target(Scenario.OPEN).port();
            assertThat(port).isNotEqualTo(preferred);
            assertThat(second.notes())
                    .anyMatch(
                            n -> n.startsWith("port " + preferred + " is taken;") && n.contains(String.valueOf(port)));
            assertThat(second.variables(Scenario.OPEN)).containsEntry("port", String.valueOf(port));
            RunResult curl = new ProbeHarness(second.properties())
                    .run("curl -s " + second.target(Scenario.OPEN).url());
            assertThat(curl.verdict()).as(ProbeHarness.text(curl)).isEqualTo(Verdict.OK);
        }
    }

    /** A listener on 127.0.0.1:port, or null when something else already holds it (taken either way). */
    private static ServerSocket occupy(int port) throws IOException {
        try {
            return new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"));
        } catch (BindException alreadyTaken) {
            return null;
        }
    }

    /**
     * A listener binds {@code port} again, or the only sockets still on it are connections (a client elsewhere on the
     * machine got it as its local port the moment the lab let it go: seen once in CI). A lab that left a listener or a
     * bound socket behind fails either way: the first shows as LISTEN, the second holds the port without any line in
     * {@code /proc/net/tcp}.
     */
    private static void assertFreedByTheLab(InetAddress loopback, int port) throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(loopback, port));
            return;
        } catch (BindException taken) {
            List<String> holders = socketsOnLocalPort(port);
            assertThat(holders)
                    .as("port %d cannot be bound again after close; its sockets in /proc/net/tcp*: %s", port, holders)
                    .isNotEmpty()
                    .noneMatch(line -> line.split("\\s+")[3].equals("0A")); // 0A: LISTEN
            System.err.println("LabTest: port " + port + " is held by a connection after the lab closed: " + holders);
        }
    }

    /** The lines of /proc/net/tcp and tcp6 whose local address has {@code port}. */
    private static List<String> socketsOnLocalPort(int port) throws IOException {
        String hexPort = String.format(":%04X", port);
        List<String> lines = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (Files.isReadable(file)) {
                for (String line : Files.readAllLines(file)) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 3 && fields[1].endsWith(hexPort)) {
                        lines.add(line.trim());
                    }
                }
            }
        }
        return lines;
    }

    @Test
    void closeStopsEverythingAndFreesThePorts() throws Exception {
        List<Integer> tcpPorts = new ArrayList<>();
        for (Scenario s : List.of(Scenario.OPEN, Scenario.REFUSED, Scenario.DROPPED, Scenario.EXPIRED, Scenario.VIP)) {
            tcpPorts.add(port(s));
        }
        String dns = lab.properties().get("probebook.dns.servers");
        int dnsPort = Integer.parseInt(dns.substring(dns.indexOf(':') + 1));
        tcpPorts.add(dnsPort);
        tcpPorts.add(Integer.parseInt(
                lab.properties().get("probebook.public-ip.url").replaceAll("^http://127\\.0\\.0\\.1:(\\d+)/$", "$1")));

        lab.close();
        lab.close(); // idempotent
        assertThat(lab.running()).isFalse();

        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (int p : tcpPorts) {
            assertFreedByTheLab(loopback, p);
        }
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, dnsPort));
                ServerSocket override = new ServerSocket()) {
            override.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.3"), port(Scenario.HOSTS_OVERRIDE)));
        }
        assertThat(Files.exists(dir.resolve("lab/hosts"))).isTrue();
    }
}
