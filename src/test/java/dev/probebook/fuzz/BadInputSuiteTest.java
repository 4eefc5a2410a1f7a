package dev.probebook.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.probebook.cli.Cli;
import dev.probebook.command.Args;
import dev.probebook.command.ShellLine;
import dev.probebook.command.UsageException;
import dev.probebook.plan.Planner;
import dev.probebook.plan.RunbookPlan;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.runbook.MarkdownParser;
import dev.probebook.runbook.RunbookException;
import dev.probebook.runbook.RunbookSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated malformed and hostile input (a fixed seed, so failures reproduce) through the Markdown parser
 * and planner, the command-line parser of every probe, and the CLI: every input must end in a result or
 * a clear error ({@link RunbookException}, {@link UsageException}, exit status 2) within its time bound.
 * Nothing here runs a probe: no packet is sent.
 */
@Tag("slow")
class BadInputSuiteTest {

    private static final long SEED = 20261125L;
    private static final Duration BOUND = Duration.ofSeconds(10);

    private final ProbeRegistry registry = ProbeRegistry.standard();
    private final MarkdownParser parser = new MarkdownParser();

    @TempDir
    Path dir;

    static final List<String> COMMANDS = List.of(
            "ping",
            "tcping",
            "telnet",
            "nc",
            "curl",
            "nslookup",
            "dig",
            "host",
            "tcpdump",
            "netstat",
            "ss",
            "ifconfig",
            "ip",
            "cat /etc/hosts",
            "getent hosts",
            "vi /etc/hosts",
            "echo",
            "yum install",
            "systemctl");

    static final List<String> NASTY = List.of(
            "-",
            "--",
            "-c",
            "-c -1",
            "-c 99999999999",
            "-W nan",
            "-i 0",
            "-w -5",
            "-p 0",
            "-p 65536",
            "-p 99999",
            "-s 70000",
            "999.999.999.999",
            "1.2.3",
            "::::",
            "[::1",
            "http://",
            "https://x:0/",
            "https://:80",
            "'unterminated",
            "\"also",
            "\\",
            "$(id)",
            "`id`",
            "a|b",
            "| grep",
            ">>",
            "<<EOF",
            "&&",
            ";",
            "\u0000",
            "\u202e",
            "한국어",
            "IP또는도메인",
            "{{}}",
            "<>",
            "${}",
            "%{http_code",
            "-w %{nope}",
            "--resolve x",
            "--resolve a:b:c",
            "-H 'X: a\r\nY: b'",
            "-X ''",
            "-m -1",
            "--connect-timeout x",
            "-type=ZZZ",
            "-port=0",
            "@",
            "@999.1.1.1",
            "+nosuch",
            "-x",
            "-t",
            "-i eho0",
            "-c 0",
            "-s -1",
            "host and and",
            "port port",
            "-tnlpz",
            "-Q",
            "addr show dev",
            "a".repeat(5000),
            "-" + "v".repeat(300),
            "localhost:99999",
            "[fe80::1%eth0]",
            "xn--",
            "-.example",
            "a..b",
            "example.com.",
            "0x7f.1",
            "017.0.0.1");

    @Test
    void commandLinesOfEveryProbe() {
        Random random = new Random(SEED);
        int n = 0;
        for (int i = 0; i < 700; i++) {
            StringBuilder line = new StringBuilder(COMMANDS.get(random.nextInt(COMMANDS.size())));
            int parts = 1 + random.nextInt(4);
            for (int k = 0; k < parts; k++) {
                line.append(' ').append(NASTY.get(random.nextInt(NASTY.size())));
            }
            String text = line.toString();
            assertTimeoutPreemptively(BOUND, () -> parseBothModes(text), text);
            n++;
        }
        assertThat(n).isEqualTo(700);
    }

    private void parseBothModes(String text) {
        ShellLine shell;
        try {
            shell = ShellLine.parse(text);
        } catch (UsageException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        for (Args.Mode mode : Args.Mode.values()) {
            try {
                registry.recognise(shell.words(), mode);
            } catch (UsageException e) {
                assertThat(e.getMessage()).as(text).isNotBlank();
            }
        }
    }

    @Test
    void markdownDocuments() {
        Random random = new Random(SEED + 1);
        List<String> seeds = List.of(
                "# T\n```\nping -c 4 {{host}}\n또는\ntelnet IP또는도메인 포트\n```\n<mark>x</mark>\n```\nTrying\n```\n",
                "---\ntitle: [x\ntags: &a [*a]\n---\n# H\n",
                "> > > ```\n> > > nc -zv a 1\n> > > ```\n",
                "1. a\n   ```\n   curl -v https://x\n   ```\n",
                "<script>alert(1)</script><img src=x onerror=alert(1)>[a](javascript:alert(1))\n",
                "| a | b |\n|---|---|\n| `tcpdump` | x |\n",
                "```bash\n$ sudo netstat -nap | grep LISTEN\ntcp 0 0 0.0.0.0:22\n```\n");
        for (int i = 0; i < 320; i++) {
            String doc = mutate(seeds.get(random.nextInt(seeds.size())), random);
            assertTimeoutPreemptively(BOUND, () -> parseDocument(doc));
        }
    }

    private void parseDocument(String doc) {
        try {
            RunbookPlan plan = new Planner(registry).plan(parser.parse(doc, "fuzz"));
            assertThat(plan.blocks()).isNotNull();
        } catch (RunbookException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    private static String mutate(String seed, Random random) {
        StringBuilder sb = new StringBuilder(seed);
        int ops = 1 + random.nextInt(6);
        for (int i = 0; i < ops; i++) {
            int at = sb.isEmpty() ? 0 : random.nextInt(sb.length());
            switch (random.nextInt(8)) {
                case 0 -> sb.insert(at, "`".repeat(1 + random.nextInt(5)));
                case 1 -> sb.insert(at, ">".repeat(random.nextInt(200)) + " ");
                case 2 -> sb.insert(at, "\n" + "  ".repeat(random.nextInt(100)) + "- ");
                case 3 -> sb.insert(at, (char) random.nextInt(0x3000));
                case 4 -> sb.insert(at, "x".repeat(random.nextInt(200_000)));
                case 5 -> sb.append(sb, 0, Math.min(sb.length(), 4000));
                case 6 -> sb.insert(at, "<mark>" + NASTY.get(random.nextInt(NASTY.size())));
                default -> {
                    if (!sb.isEmpty()) {
                        sb.deleteCharAt(at);
                    }
                }
            }
        }
        return sb.toString();
    }

    @Test
    void filesThroughTheCli() throws Exception {
        Random random = new Random(SEED + 2);
        List<byte[]> files = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            byte[] bytes = new byte[random.nextInt(4096)];
            random.nextBytes(bytes);
            files.add(bytes); // binary and invalid UTF-8
        }
        for (int i = 0; i < 20; i++) {
            String deep = "> ".repeat(50 + random.nextInt(5000)) + "x\n";
            files.add(deep.getBytes(StandardCharsets.UTF_8));
        }
        files.add(("```\n" + "nc -zv a 1 ".repeat(100_000) + "\n```\n").getBytes(StandardCharsets.UTF_8));
        files.add(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '#', ' ', (byte) 0xC3});
        files.add(new byte[0]);
        int count = 0;
        for (byte[] bytes : files) {
            Path file = dir.resolve("f" + count++ + ".md");
            Files.write(file, bytes);
            assertTimeoutPreemptively(BOUND, () -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int status = Cli.main(
                        new String[] {"steps", file.toString(), "--json"}, new PrintStream(out), new PrintStream(err));
                assertThat(status).isIn(0, 2);
                if (status == 2) {
                    assertThat(err.toString()).startsWith("probebook: ");
                }
            });
        }
        Path big = dir.resolve("big.md");
        Files.write(big, new byte[3 << 20]);
        Assertions.assertThatThrownBy(() -> RunbookSource.read(big, 2 << 20))
                .isInstanceOf(RunbookException.class)
                .hasMessageContaining("limited to");
    }
}
