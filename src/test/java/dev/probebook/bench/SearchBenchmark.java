package dev.probebook.bench;

import dev.probebook.runbook.Heading;
import dev.probebook.runbook.MarkdownParser;
import dev.probebook.runbook.Runbook;
import dev.probebook.search.RunbookIndex;
import dev.probebook.search.SearchFilter;
import dev.probebook.search.SearchHit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Timing of the runbook search index (not a test; run its {@code main} from the test classpath). Generates N runbooks
 * (default 2,000) that mix Korean and English paragraphs and command blocks, parses them, builds a {@link RunbookIndex}
 * and prints the build time, then p50/p95 of single replacements and of Q mixed searches (default 500: English and
 * Korean words, words with particles, several words, quoted phrases, some with a tag filter), after a warm-up.
 *
 * <p>Arguments: {@code [runbooks] [queries] [seed]}. Nothing touches the network.
 */
public final class SearchBenchmark {

    private static final String[] EN_SUBJECTS = {
        "The load balancer",
        "A backup job",
        "The payment API",
        "Our resolver",
        "The batch host",
        "The VPN gateway",
        "A sidecar proxy",
        "The metrics agent",
        "The mail relay",
        "An old cron job"
    };
    private static final String[] EN_VERBS = {
        "stops answering", "drops the first SYN", "times out after thirty seconds", "resolves the wrong address",
        "refuses the connection", "loses packets under load", "reads a stale hosts entry", "answers ping but not TCP",
        "keeps half-open sockets", "retries too aggressively"
    };
    private static final String[] EN_ADVICE = {
        "Capture a few packets with tcpdump before changing anything.",
        "Compare the route table with the one from last week.",
        "Check whether the firewall rule was rolled back.",
        "Look at the listening sockets and the process that owns them.",
        "Ask the owning team whether a deploy happened in the last hour.",
        "Try the same request from a second host in the same subnet.",
        "Write down the exact error text; it tells refused from filtered."
    };
    private static final String[] KO_SUBJECTS = {
        "로드밸런서가", "백업 작업이", "결제 API가", "내부 DNS 서버가", "배치 서버가", "VPN 게이트웨이가", "프록시가", "수집 에이전트가", "메일 릴레이가", "오래된 크론 작업이"
    };
    private static final String[] KO_VERBS = {
        "응답하지 않습니다", "첫 SYN을 버립니다", "30초 뒤에 시간 초과가 납니다", "엉뚱한 주소로 풀립니다",
        "연결을 거부합니다", "부하가 걸리면 패킷을 잃습니다", "오래된 hosts 항목을 읽습니다", "ping에는 답하지만 TCP는 막힙니다",
        "반쯤 열린 소켓을 남깁니다", "재시도를 너무 자주 합니다"
    };
    private static final String[] KO_ADVICE = {
        "설정을 바꾸기 전에 tcpdump로 패킷을 몇 개 잡아 둡니다.",
        "지난주 라우팅 테이블과 비교해 봅니다.",
        "방화벽 규칙이 되돌려졌는지 확인합니다.",
        "듣고 있는 포트와 그 포트를 가진 프로세스를 봅니다.",
        "담당 팀에 최근 배포가 있었는지 물어봅니다.",
        "같은 서브넷의 다른 서버에서 같은 요청을 보내 봅니다.",
        "오류 문구를 그대로 적어 둡니다. 거부와 차단을 구분하는 단서입니다."
    };
    private static final String[] COMMANDS = {
        "ping -c 3 %s",
        "nc -zv %s %d",
        "curl -sv http://%s:%d/health",
        "sudo tcpdump -ni any host %s and port %d",
        "ss -ltnp | grep %2$d",
        "dig @%s example.internal",
        "traceroute -n %s",
        "cat /etc/hosts",
        "sysctl net.ipv4.tcp_syn_retries",
        "sudo iptables -L -n | grep %2$d"
    };
    private static final String[] EN_HEADINGS = {
        "Symptoms", "First checks", "Is the port open?", "Name resolution", "Packet capture", "Rollback", "Escalation"
    };
    private static final String[] KO_HEADINGS = {"증상", "먼저 볼 것", "포트가 열려 있나", "이름 풀이", "패킷 캡처", "되돌리기", "담당자 호출"};
    private static final String[] TAGS = {"network", "dns", "firewall", "linux", "네트워크", "장애대응", "보안", "db"};
    private static final String[] OWNERS = {"net-team", "sre", "db-team", "박지민", "alice"};
    static final String[] QUERIES = {
        "tcpdump",
        "SYN",
        "ping",
        "hosts",
        "firewall",
        "timeout",
        "resolver",
        "iptables",
        "curl health",
        "포트",
        "방화벽",
        "패킷",
        "응답",
        "시간 초과",
        "게이트웨이",
        "tcpdump 패킷",
        "SYN 방화벽",
        "\"drops the first SYN\"",
        "\"hosts 항목\"",
        "route table",
        "배포",
        "traceroute",
        "tcp_syn_retries",
        "retries",
        "연결을 거부",
        "half-open sockets",
        "nonexistentword",
        "load balancer timeout",
        "프록시 재시도"
    };

    private SearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runbooks = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        Random random = new Random(seed);

        Map<String, String> texts = new LinkedHashMap<>();
        long bytes = 0;
        for (int i = 0; i < runbooks; i++) {
            String text = runbook(i, random);
            texts.put("rb-" + i, text);
            bytes += text.getBytes(StandardCharsets.UTF_8).length;
        }
        MarkdownParser parser = new MarkdownParser();
        long parseStart = System.nanoTime();
        Map<String, Runbook> parsed = new LinkedHashMap<>();
        int sections = 0;
        for (Map.Entry<String, String> entry : texts.entrySet()) {
            Runbook runbook = parser.parse(entry.getValue(), entry.getKey());
            parsed.put(entry.getKey(), runbook);
            sections += runbook.parts().stream()
                    .filter(part -> part instanceof Heading)
                    .count();
        }
        double parseMs = ms(System.nanoTime() - parseStart);

        System.gc();
        long heapBefore = usedHeap();
        try (RunbookIndex index = new RunbookIndex()) {
            long buildStart = System.nanoTime();
            index.putAll(parsed);
            double buildMs = ms(System.nanoTime() - buildStart);
            System.gc();
            long heapAfter = usedHeap();

            System.out.printf(
                    Locale.ROOT,
                    "runbooks %d (%d sections, %.1f MB of Markdown); parse %.0f ms; index build (putAll) %.0f ms;"
                            + " heap +%.0f MB%n",
                    runbooks,
                    sections,
                    bytes / 1e6,
                    parseMs,
                    buildMs,
                    (heapAfter - heapBefore) / 1e6);

            // single replacements, each followed by its refresh (what a save costs)
            List<String> names = new ArrayList<>(parsed.keySet());
            long[] puts = new long[100];
            for (int i = 0; i < puts.length; i++) {
                String name = names.get(random.nextInt(names.size()));
                Runbook runbook = parser.parse(runbook(random.nextInt(1_000_000), random), name);
                long start = System.nanoTime();
                index.put(name, runbook);
                puts[i] = System.nanoTime() - start;
            }
            System.out.printf(Locale.ROOT, "put (replace one, refreshed): %s%n", percentiles(puts));

            for (int i = 0; i < 200; i++) { // warm-up
                search(index, random);
            }
            long[] times = new long[queries];
            long hits = 0;
            for (int i = 0; i < queries; i++) {
                long start = System.nanoTime();
                hits += search(index, random);
                times[i] = System.nanoTime() - start;
            }
            System.out.printf(
                    Locale.ROOT,
                    "search (%d mixed queries, limit 20, snippets): %s; %.1f hits per query%n",
                    queries,
                    percentiles(times),
                    hits / (double) queries);
        }
    }

    private static int search(RunbookIndex index, Random random) {
        String query = QUERIES[random.nextInt(QUERIES.length)];
        SearchFilter filter = random.nextInt(5) == 0 ? SearchFilter.tagged(pick(TAGS, random)) : SearchFilter.NONE;
        List<SearchHit> hits = index.search(query, filter, 20);
        return hits.size();
    }

    /** A generated runbook (Korean and English prose, headings, commands, front matter), the same for a seed. */
    static String runbook(int n, Random random) {
        boolean korean = random.nextBoolean();
        StringBuilder md = new StringBuilder();
        md.append("---\ntitle: \"")
                .append(
                        korean
                                ? pick(KO_SUBJECTS, random) + " " + pick(KO_VERBS, random)
                                : pick(EN_SUBJECTS, random) + " " + pick(EN_VERBS, random))
                .append(" #")
                .append(n)
                .append("\"\ntags: [")
                .append(pick(TAGS, random))
                .append(", ")
                .append(pick(TAGS, random))
                .append("]\nowner: ")
                .append(pick(OWNERS, random))
                .append("\n---\n\n");
        int sectionCount = 4 + random.nextInt(7);
        for (int s = 0; s < sectionCount; s++) {
            boolean koreanSection = random.nextInt(4) == 0 ? !korean : korean;
            md.append(s == 0 ? "## " : random.nextInt(3) == 0 ? "### " : "## ")
                    .append(koreanSection ? pick(KO_HEADINGS, random) : pick(EN_HEADINGS, random))
                    .append("\n\n");
            int sentences = 2 + random.nextInt(5);
            for (int i = 0; i < sentences; i++) {
                md.append(
                                koreanSection
                                        ? pick(KO_SUBJECTS, random) + " " + pick(KO_VERBS, random) + ". "
                                                + pick(KO_ADVICE, random)
                                        : pick(EN_SUBJECTS, random) + " " + pick(EN_VERBS, random) + ". "
                                                + pick(EN_ADVICE, random))
                        .append(' ');
            }
            md.append("\n\n");
            int blocks = random.nextInt(3);
            for (int b = 0; b < blocks; b++) {
                String host = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
                md.append("```\n")
                        .append(String.format(Locale.ROOT, pick(COMMANDS, random), host, 1 + random.nextInt(65_535)))
                        .append("\n```\n\n");
            }
        }
        return md.toString();
    }

    private static String pick(String[] values, Random random) {
        return values[random.nextInt(values.length)];
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(
                Locale.ROOT,
                "p50 %.2f ms, p95 %.2f ms, max %.2f ms",
                ms(sorted[sorted.length / 2]),
                ms(sorted[(int) Math.ceil(sorted.length * 0.95) - 1]),
                ms(sorted[sorted.length - 1]));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
