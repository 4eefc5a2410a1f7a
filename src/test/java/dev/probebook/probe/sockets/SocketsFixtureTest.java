package dev.probebook.probe.sockets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.command.Args;
import dev.probebook.net.KernelHex;
import dev.probebook.probe.ProbeResult;
import dev.probebook.probe.Verdict;
import dev.probebook.testing.RecordingContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parses and renders small /proc fixtures written here, so every state, family and column is pinned down. */
class SocketsFixtureTest {

    private static final String TCP_HEADER =
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";
    private static final String TCP6_HEADER =
            "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";

    @TempDir
    Path proc;

    private SocketsProbe probe;

    @BeforeEach
    void writeFixture() throws Exception {
        Path net = Files.createDirectories(proc.resolve("net"));
        Files.writeString(
                net.resolve("tcp"),
                String.join(
                        "\n",
                        TCP_HEADER,
                        // 0.0.0.0:22 LISTEN, inode 1001 (held by pid 4242)
                        "   0: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1001 1 0000000000000000 100 0 0 10 0",
                        // 127.0.0.1:8080 LISTEN with 3 connections waiting to be accepted
                        "   1: 0100007F:1F90 00000000:0000 0A 00000000:00000003 00:00000000 00000000  1000        0 1002 1 0000000000000000 100 0 0 10 0",
                        // 10.0.0.5:22 <- 10.0.0.9:51000 ESTABLISHED, 36 bytes unacknowledged
                        "   2: 0500000A:0016 0900000A:C738 01 00000024:00000000 01:00000014 00000000     0        0 1003 4 0000000000000000 20 4 29 10 -1",
                        // 10.0.0.5:40000 -> 192.168.1.10:5432 TIME_WAIT (no inode)
                        "   3: 0500000A:9C40 0A01A8C0:1538 06 00000000:00000000 03:00000D2B 00000000     0        0 0 3 0000000000000000",
                        // 10.0.0.5:40001 -> 10.0.0.7:3306 CLOSE_WAIT
                        "   4: 0500000A:9C41 0700000A:0CEA 08 00000000:00000000 00:00000000 00000000     0        0 1004 1 0000000000000000 20 4 0 10 -1",
                        ""));
        Files.writeString(
                net.resolve("tcp6"),
                String.join(
                        "\n",
                        TCP6_HEADER,
                        // :::8080 LISTEN (java, dual stack)
                        "   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2001 1 0000000000000000 100 0 0 10 0",
                        // ::ffff:127.0.0.1:8080 <- ::ffff:127.0.0.1:45000 ESTABLISHED
                        "   1: 0000000000000000FFFF00000100007F:1F90 0000000000000000FFFF00000100007F:AFC8 01 00000000:00000000 00:00000000 00000000     0        0 2002 1 0000000000000000 20 4 0 10 -1",
                        // [2001:db8:1234:5678::]:443 <- [fe80::1]:50000 SYN_RECV
                        "   2: B80D0120785634120000000000000000:01BB 000080FE000000000000000001000000:C350 03 00000000:00000000 00:00000000 00000000     0        0 0 1 0000000000000000",
                        ""));
        Files.writeString(
                net.resolve("udp"),
                String.join(
                        "\n",
                        "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops",
                        "  143: 00000000:14E9 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 3001 2 0000000000000000 0",
                        "  200: 0500000A:D431 0101A8C0:0035 01 00000000:00000000 00:00000000 00000000     0        0 3002 2 0000000000000000 0",
                        ""));
        Files.writeString(
                net.resolve("unix"),
                String.join(
                        "\n",
                        "Num       RefCount Protocol Flags    Type St Inode Path",
                        "0000000000000000: 00000002 00000000 00010000 0001 01  4001 /run/app.sock",
                        "0000000000000000: 00000003 00000000 00000000 0001 03  4002",
                        "0000000000000000: 00000002 00000000 00000000 0002 01  4003 @abstract",
                        ""));
        Files.createDirectories(proc.resolve("sys/net/ipv4"));
        Files.writeString(proc.resolve("sys/net/ipv4/ip_local_port_range"), "32768\t60999\n");
        Path fd = Files.createDirectories(proc.resolve("4242/fd"));
        Files.createSymbolicLink(fd.resolve("3"), Path.of("socket:[1001]"));
        Files.createSymbolicLink(fd.resolve("7"), Path.of("socket:[2001]"));
        Files.createSymbolicLink(fd.resolve("8"), Path.of("socket:[4001]"));
        Files.createSymbolicLink(fd.resolve("1"), Path.of("/dev/null"));
        Files.write(
                proc.resolve("4242/cmdline"),
                "/usr/lib/jvm/bin/java\0-jar\0app.jar\0".getBytes(StandardCharsets.UTF_8));
        Files.writeString(proc.resolve("4242/comm"), "java\n");
        Path fd2 = Files.createDirectories(proc.resolve("77/fd"));
        Files.createSymbolicLink(fd2.resolve("5"), Path.of("socket:[3001]"));
        Files.write(
                proc.resolve("77/cmdline"), "avahi-daemon: running [host.local]\0".getBytes(StandardCharsets.UTF_8));
        Files.writeString(proc.resolve("77/comm"), "avahi-daemon\n");
        Path passwd = proc.resolve("passwd");
        Files.writeString(passwd, "root:x:0:0:root:/root:/bin/bash\napp:x:1000:1000::/home/app:/bin/sh\n");
        probe = new SocketsProbe(proc, passwd);
    }

    private List<String> run(String line, RecordingContext ctx) throws Exception {
        List<String> words = Arrays.asList(line.split(" "));
        SocketsCommand cmd = probe.parse(words.get(0), Args.run(words.subList(1, words.size())));
        result = probe.run(cmd, ctx);
        return ctx.lines();
    }

    private ProbeResult result;

    @Test
    void decodesKernelHexAddresses() {
        assertThat(KernelHex.address("0100007F")).isEqualTo("127.0.0.1");
        assertThat(KernelHex.address("0500000A")).isEqualTo("10.0.0.5");
        assertThat(KernelHex.address("00000000000000000000000001000000")).isEqualTo("::1");
        assertThat(KernelHex.address("00000000000000000000000000000000")).isEqualTo("::");
        assertThat(KernelHex.address("000080FE000000000000000001000000")).isEqualTo("fe80::1");
        assertThat(KernelHex.address("0000000000000000FFFF00000100007F")).isEqualTo("::ffff:127.0.0.1");
        assertThat(KernelHex.address("B80D0120785634120000000000000000")).isEqualTo("2001:db8:1234:5678::");
    }

    @Test
    void formatsIpv6LikeInetNtop() {
        assertThat(KernelHex.toText(bytes(1, 0, 0, 1, 0, 0, 0, 1))).isEqualTo("1:0:0:1::1");
        assertThat(KernelHex.toText(bytes(1, 0, 0, 0, 1, 0, 0, 0))).isEqualTo("1::1:0:0:0");
        assertThat(KernelHex.toText(bytes(0x2001, 0xdb8, 0, 1, 0, 0, 0, 0))).isEqualTo("2001:db8:0:1::");
        assertThat(KernelHex.toText(bytes(0xfe80, 0, 0, 0, 0xfc, 0xff, 0xfe00, 1)))
                .isEqualTo("fe80::fc:ff:fe00:1");
        assertThat(KernelHex.toText(bytes(1, 2, 3, 4, 5, 6, 7, 8))).isEqualTo("1:2:3:4:5:6:7:8");
    }

    private static byte[] bytes(int... words) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[2 * i] = (byte) (words[i] >> 8);
            b[2 * i + 1] = (byte) words[i];
        }
        return b;
    }

    @Test
    void parsesStatesQueuesAndInodes() {
        List<InetSocket> tcp = ProcNet.parseInet(
                "tcp",
                false,
                List.of(
                        TCP_HEADER,
                        "   2: 0500000A:0016 0900000A:C738 01 00000024:00000000 01:00000014 00000000     0        0 1003 4 0 20 4 29 10 -1",
                        "garbage line"));
        assertThat(tcp)
                .singleElement()
                .isEqualTo(new InetSocket(
                        "tcp",
                        false,
                        "10.0.0.5",
                        22,
                        "10.0.0.9",
                        51000,
                        TcpState.ESTABLISHED.code(),
                        0x24,
                        0,
                        0,
                        1003));
        assertThat(TcpState.of(0x0A)).isEqualTo(TcpState.LISTEN);
        assertThat(TcpState.of(0x06).netstatName()).isEqualTo("TIME_WAIT");
        assertThat(TcpState.of(0x06).ssName()).isEqualTo("TIME-WAIT");
        assertThat(TcpState.of(0x0C)).isNull();
    }

    @Test
    void netstatTanPrintsEveryStateAndFamily() throws Exception {
        List<String> out = run("netstat -tan", new RecordingContext());
        assertThat(out)
                .containsExactly(
                        "Active Internet connections (servers and established)",
                        "Proto Recv-Q Send-Q Local Address           Foreign Address         State      ",
                        "tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN     ",
                        "tcp        3      0 127.0.0.1:8080          0.0.0.0:*               LISTEN     ",
                        "tcp        0     36 10.0.0.5:22             10.0.0.9:51000          ESTABLISHED",
                        "tcp        0      0 10.0.0.5:40000          192.168.1.10:5432       TIME_WAIT  ",
                        "tcp        0      0 10.0.0.5:40001          10.0.0.7:3306           CLOSE_WAIT ",
                        "tcp6       0      0 :::8080                 :::*                    LISTEN     ",
                        "tcp6       0      0 127.0.0.1:8080          127.0.0.1:45000         ESTABLISHED",
                        "tcp6       0      0 2001:db8:1234:5678::443 fe80::1:50000           SYN_RECV   ");
        assertThat(result.verdict()).isEqualTo(Verdict.OK);
        assertThat(result.summary()).isEqualTo("2 listening TCP ports: 22, 8080; 5 connection(s)");
    }

    @Test
    void netstatWideAndNamedForms() throws Exception {
        List<String> wide = run("netstat -tnW", new RecordingContext("SYN"));
        assertThat(wide)
                .containsExactly( // -W keeps the whole address; the column grows instead
                        "tcp6       0      0 2001:db8:1234:5678:::443 fe80::1:50000           SYN_RECV   ");
        List<String> named = run("netstat -tl", new RecordingContext());
        assertThat(named)
                .contains(
                        "tcp        0      0 0.0.0.0:ssh             0.0.0.0:*               LISTEN     ",
                        "tcp        3      0 localhost:http-alt      0.0.0.0:*               LISTEN     ",
                        "tcp6       0      0 [::]:http-alt           [::]:*                  LISTEN     ");
    }

    @Test
    void netstatProgramsExtendAndUdp() throws Exception {
        List<String> out = run("netstat -tulpen", new RecordingContext());
        assertThat(out)
                .contains(
                        "Proto Recv-Q Send-Q Local Address           Foreign Address         State       User       Inode      PID/Program name    ",
                        "tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      0          1001       4242/java           ",
                        "tcp        3      0 127.0.0.1:8080          0.0.0.0:*               LISTEN      1000       1002       -                   ",
                        "udp        0      0 0.0.0.0:5353            0.0.0.0:*                           0          3001       77/avahi-daemon: ru ");
        List<String> users = run("netstat -tle --numeric-hosts --numeric-ports", new RecordingContext("8080"));
        assertThat(users)
                .contains(
                        "tcp        3      0 127.0.0.1:8080          0.0.0.0:*               LISTEN      app        1002      ");
        assertThat(out).noneMatch(l -> l.contains("10.0.0.5:54321")); // a connected UDP socket is not a server
        List<String> connected = run("netstat -un", new RecordingContext());
        assertThat(connected)
                .containsExactly(
                        "Active Internet connections (w/o servers)",
                        "Proto Recv-Q Send-Q Local Address           Foreign Address         State      ",
                        "udp        0      0 10.0.0.5:54321          192.168.1.1:53          ESTABLISHED");
    }

    @Test
    void netstatUnixSection() throws Exception {
        List<String> out = run("netstat -xap", new RecordingContext());
        assertThat(out)
                .containsExactly(
                        "Active UNIX domain sockets (servers and established)",
                        "Proto RefCnt Flags       Type       State         I-Node   PID/Program name     Path",
                        "unix  2      [ ACC ]     STREAM     LISTENING     4001     4242/java            /run/app.sock",
                        "unix  3      [ ]         STREAM     CONNECTED     4002     -                    ",
                        "unix  2      [ ]         DGRAM                    4003     -                    @abstract");
        List<String> servers = run("netstat -xl", new RecordingContext());
        assertThat(servers)
                .containsExactly(
                        "Active UNIX domain sockets (only servers)",
                        "Proto RefCnt Flags       Type       State         I-Node   Path",
                        "unix  2      [ ACC ]     STREAM     LISTENING     4001     /run/app.sock");
    }

    @Test
    void ssListeningWithProcesses() throws Exception {
        List<String> out = run("ss -tlnp", new RecordingContext());
        assertThat(out)
                .containsExactly(
                        "State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess                        ",
                        "LISTEN 0      0            0.0.0.0:22        0.0.0.0:*    users:((\"java\",pid=4242,fd=3))",
                        "LISTEN 3      0          127.0.0.1:8080      0.0.0.0:*                                  ",
                        "LISTEN 0      0                  *:8080            *:*    users:((\"java\",pid=4242,fd=7))");
    }

    /** Expected lines are what iproute2-6.1 ss prints for the same fixture (ss reads files when PROC_ROOT is set). */
    @Test
    void ssDefaultsAndNames() throws Exception {
        List<String> established = run("ss -t", new RecordingContext());
        assertThat(established)
                .containsExactly(
                        "State      Recv-Q Send-Q      Local Address:Port           Peer Address:Port Process",
                        "ESTAB      0      36               10.0.0.5:ssh                10.0.0.9:51000       ",
                        "CLOSE-WAIT 0      0                10.0.0.5:40001              10.0.0.7:mysql       ",
                        "ESTAB      0      0      [::ffff:127.0.0.1]:http-alt [::ffff:127.0.0.1]:45000       ");
        List<String> all = run("ss -tuan", new RecordingContext());
        assertThat(all)
                .containsExactly(
                        "Netid State      Recv-Q Send-Q          Local Address:Port        Peer Address:Port Process",
                        "udp   UNCONN     0      0                     0.0.0.0:5353             0.0.0.0:*           ",
                        "udp   ESTAB      0      0                    10.0.0.5:54321        192.168.1.1:53          ",
                        "tcp   LISTEN     0      0                     0.0.0.0:22               0.0.0.0:*           ",
                        "tcp   LISTEN     3      0                   127.0.0.1:8080             0.0.0.0:*           ",
                        "tcp   ESTAB      0      36                   10.0.0.5:22              10.0.0.9:51000       ",
                        "tcp   TIME-WAIT  0      0                    10.0.0.5:40000       192.168.1.10:5432        ",
                        "tcp   CLOSE-WAIT 0      0                    10.0.0.5:40001           10.0.0.7:3306        ",
                        "tcp   LISTEN     0      0                           *:8080                   *:*           ",
                        "tcp   ESTAB      0      0          [::ffff:127.0.0.1]:8080  [::ffff:127.0.0.1]:45000       ",
                        "tcp   SYN-RECV   0      0      [2001:db8:1234:5678::]:443            [fe80::1]:50000       ");
        List<String> udp = run("ss -u", new RecordingContext());
        assertThat(udp)
                .containsExactly(
                        "Recv-Q Send-Q Local Address:Port  Peer Address:Port  Process",
                        "0      0           10.0.0.5:54321  192.168.1.1:domain       ");
        List<String> named = run("ss -ulp", new RecordingContext());
        assertThat(named)
                .containsExactly(
                        "State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess"
                                + "                              ",
                        "UNCONN 0      0            0.0.0.0:mdns      0.0.0.0:*    users:((\"avahi-daemon\",pid=77,fd=5))");
    }

    @Test
    void ssUnixSockets() throws Exception {
        List<String> out = run("ss -xap", new RecordingContext());
        assertThat(out)
                .containsExactly(
                        "Netid State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess                        ",
                        "u_str LISTEN 0      0      /run/app.sock 4001            * 0    users:((\"java\",pid=4242,fd=8))",
                        "u_str ESTAB  0      0                  * 4002            * 0                                  ",
                        "u_dgr UNCONN 0      0          @abstract 4003            * 0                                  ");
        assertThat(run("ss -x", new RecordingContext())).hasSize(2); // connected only by default
    }

    @Test
    void grepVerdicts() throws Exception {
        run("netstat -nap", new RecordingContext("8080"));
        // the fixture's 127.0.0.1:8080 listener has 3 connections in its accept queue
        assertThat(result.verdict()).isEqualTo(Verdict.WARN);
        assertThat(result.summary())
                .startsWith(
                        "port 8080 listens (tcp 127.0.0.1:8080, tcp6 [::]:8080 (4242/java)), but 3 connection(s) wait");
        run("netstat -nap", new RecordingContext("5432"));
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.summary()).startsWith("nothing listens on port 5432; the 2 matching line(s) are connections");
        run("netstat -nap", new RecordingContext("9999"));
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.summary()).startsWith("nothing listens on port 9999:");
        run("netstat -tn", new RecordingContext("LISTEN"));
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.summary()).contains("hides listening sockets");
        run("ss -tan", new RecordingContext("no-such-thing"));
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.summary()).isEqualTo("no socket matches 'no-such-thing'");
        SocketsDetails d = (SocketsDetails) result.details();
        assertThat(d.sockets()).isEmpty();
    }

    @Test
    void detailsRecordWhatWasShown() throws Exception {
        run("netstat -tlnp", new RecordingContext());
        SocketsDetails d = (SocketsDetails) result.details();
        assertThat(d.tool()).isEqualTo("netstat");
        assertThat(d.listeningPorts()).containsExactly(22, 8080);
        assertThat(d.sockets())
                .contains(
                        new SocketsDetails.Socket("tcp6", "::", 8080, "::", 0, "LISTEN", 4242L, "java"),
                        new SocketsDetails.Socket("tcp", "127.0.0.1", 8080, "0.0.0.0", 0, "LISTEN", null, null));
        assertThat(result.summary()).doesNotContain("loopback only"); // 8080 also listens on ::
        run("netstat -tln4", new RecordingContext());
        assertThat(result.summary())
                .contains("TCP port 8080 listens on loopback only: other hosts cannot connect")
                .doesNotContain("port 22 listens");
    }

    @Test
    void missingProcIsAnError() throws Exception {
        SocketsProbe nowhere = new SocketsProbe(proc.resolve("absent"), proc.resolve("passwd"));
        RecordingContext ctx = new RecordingContext();
        ProbeResult r = nowhere.run(nowhere.parse("netstat", Args.run(List.of("-tlnp"))), ctx);
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(ctx.lines()).singleElement().asString().startsWith("netstat: cannot read ");
    }
}
