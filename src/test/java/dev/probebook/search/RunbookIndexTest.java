package dev.probebook.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.probebook.runbook.MarkdownParser;
import dev.probebook.runbook.Runbook;
import dev.probebook.runbook.RunbookException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunbookIndexTest {

    private static final String CAPTURE = """
            ---
            title: Capturing packets with tcpdump
            tags: [network, capture]
            owner: Net-Team
            ---
            # Capturing packets with tcpdump

            Reach for this when a peer insists our traffic never arrived.

            ## Watch the handshake

            Only the opening segments matter here: a SYN that never sees a SYN-ACK in return was dropped somewhere
            on the way.

            ```
            sudo tcpdump -ni eth0 'tcp[tcpflags] & tcp-syn != 0'
            ```

            ## Save for later

            Write the packets to a file and open it on a laptop.

            ```
            sudo tcpdump -w /tmp/trace.pcap -c 500
            ```
            """;

    private static final String REACHABILITY = """
            ---
            title: Is the host reachable?
            tags: [Network]
            owner: alice
            ---
            # Is the host reachable?

            ## Echo request

            Send a few echo requests. Silence proves little: plenty of networks filter ICMP.

            ```
            ping -c 3 192.0.2.10
            ```

            ## Name overrides

            A stale line in the local override file can send traffic to an address that moved long ago.

            ```
            cat /etc/hosts
            ```

            ## When nothing helps

            Ask the network team for a capture taken with tcpdump on the gateway.
            """;

    private static final String FIREWALL_KO = """
            ---
            title: 접속 장애 초기 점검
            tags: [네트워크, 보안]
            owner: 박지민
            ---
            # 접속 장애 초기 점검

            ## 규칙 확인

            요청이 닿지 않으면 서버 앞단 방화벽에서 막히는지 먼저 살펴봅니다.

            ```
            sudo iptables -L -n
            ```

            ## 듣고 있는 서비스

            서비스가 실제로 듣고 있는 포트를 확인합니다.

            ```
            ss -ltn
            ```

            ## 패킷 보기

            tcpdump로 SYN이 들어오는지 지켜봅니다.

            ```
            sudo tcpdump -ni any port 443
            ```
            """;

    private static final String NAMES_KO = """
            ---
            title: 이름 풀이 문제
            tags: [dns]
            ---
            # 이름 풀이 문제

            ## 로컬 설정

            hosts 파일에 적어 둔 주소가 DNS 응답보다 먼저 쓰입니다.

            ```
            getent hosts db.internal
            ```

            ## 응답 확인

            ping으로 주소가 바뀌었는지 확인합니다.
            """;

    private final MarkdownParser parser = new MarkdownParser();
    private RunbookIndex index;

    @BeforeEach
    void indexSamples() throws RunbookException {
        index = new RunbookIndex();
        index.put("packet-capture", parse(CAPTURE, "packet-capture"));
        index.put("reachability", parse(REACHABILITY, "reachability"));
        index.put("firewall-ko", parse(FIREWALL_KO, "firewall-ko"));
        index.put("names-ko", parse(NAMES_KO, "names-ko"));
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void englishWordsFindRunbooksThatMentionThemInProseOrCommands() {
        // tcpdump: in a title and commands, in prose, and in Korean prose with a particle attached (tcpdump로)
        assertThat(names("tcpdump")).containsExactlyInAnyOrder("packet-capture", "reachability", "firewall-ko");
        // SYN: in English prose, and in Korean prose as SYN이
        assertThat(names("SYN")).containsExactlyInAnyOrder("packet-capture", "firewall-ko");
        // ping: a command in one, Korean prose (ping으로) in the other
        assertThat(names("ping")).containsExactlyInAnyOrder("reachability", "names-ko");
        // hosts: a path in commands, Korean prose, and a getent command
        assertThat(names("hosts")).containsExactlyInAnyOrder("reachability", "names-ko");
        assertThat(names("iptables")).containsExactly("firewall-ko");
        assertThat(names("nonexistentword")).isEmpty();
    }

    @Test
    void snippetsAreMadeOnlyForTheRunbooksAskedForAndTheRankingStaysTheSame() {
        List<SearchHit> full = index.search("tcpdump", 10);
        List<SearchHit> some =
                index.search("tcpdump", SearchFilter.NONE, 10, (rank, name) -> name.equals("reachability"));

        assertThat(some)
                .extracting(SearchHit::name)
                .containsExactlyElementsOf(full.stream().map(SearchHit::name).toList());
        for (SearchHit hit : some) {
            if (hit.name().equals("reachability")) {
                assertThat(hit.snippet().matches()).as("the snippet asked for").isNotEmpty();
            } else {
                assertThat(hit.snippet()).as(hit.name()).isEqualTo(Snippet.EMPTY);
            }
        }
        assertThat(index.search("tcpdump", SearchFilter.NONE, 10, (rank, name) -> false))
                .allSatisfy(hit -> assertThat(hit.snippet().isEmpty()).isTrue());
        List<SearchHit> firstOnly = index.search("tcpdump", SearchFilter.NONE, 10, SnippetsFor.first(1));
        assertThat(firstOnly.getFirst().snippet()).isEqualTo(full.getFirst().snippet());
        assertThat(firstOnly.getFirst().snippet().isEmpty()).isFalse();
        assertThat(firstOnly.subList(1, firstOnly.size()))
                .allSatisfy(hit -> assertThat(hit.snippet().isEmpty()).isTrue());
    }

    @Test
    void englishMatchesIgnoringCase() {
        assertThat(names("syn")).containsExactlyInAnyOrderElementsOf(names("SYN"));
        assertThat(names("Syn")).containsExactlyInAnyOrder("packet-capture", "firewall-ko");
        assertThat(names("TCPDUMP")).containsExactlyInAnyOrderElementsOf(names("tcpdump"));
        assertThat(names("ＴＣＰＤＵＭＰ"))
                .as("full-width letters fold too")
                .containsExactlyInAnyOrderElementsOf(names("tcpdump"));
    }

    @Test
    void koreanWordsMatchInsideLongerFormsWithParticles() {
        assertThat(names("포트")).as("포트 in 포트를").containsExactly("firewall-ko");
        assertThat(names("방화벽")).as("방화벽 in 방화벽에서").containsExactly("firewall-ko");
        assertThat(names("응답")).as("응답 in 응답보다, 응답 확인").containsExactly("names-ko");
        assertThat(names("벽")).as("a one-syllable query").containsExactly("firewall-ko");
        assertThat(names("방화벽이")).as("a longer form than the text holds").isEmpty();
    }

    @Test
    void namesJoinedByDotsOrUnderscoresAreFoundWholeAndByTheirParts() throws RunbookException {
        index.put("kernel", parse("""
                # Kernel knobs

                ```
                sysctl net.ipv4.tcp_syn_retries
                cat /etc/resolv.conf
                ```

                구성.conf 파일은 건드리지 않습니다.
                """, "kernel"));

        assertThat(names("pcap")).containsExactly("packet-capture");
        assertThat(names("trace.pcap")).containsExactly("packet-capture");
        assertThat(names("retries")).containsExactly("kernel");
        assertThat(names("tcp_syn_retries")).containsExactly("kernel");
        assertThat(names("resolv")).containsExactly("kernel");
        assertThat(names("resolv.conf")).containsExactly("kernel");
        assertThat(names("구성")).containsExactly("kernel");
        assertThat(only("resolv").snippet().matches()).containsExactly("resolv");
        assertThat(names("192.0.2")).as("numbers are not split").isEmpty();
        assertThat(names("192.0.2.10")).containsExactly("reachability");
    }

    @Test
    void aTitleMatchRanksAboveAMentionInProse() throws RunbookException {
        index.put("ping-basics", parse("""
                # Ping basics

                Echo requests and replies, and what a missing reply does and does not mean.
                """, "ping-basics"));
        index.put("gateway-notes", parse("""
                # Gateway notes

                ## Checks

                Before anything else, run ping against the gateway and write down the round trip time, then compare
                it with the figure from last week.
                """, "gateway-notes"));

        List<SearchHit> hits = index.search("ping", 10);

        assertThat(hits).extracting(SearchHit::name).startsWith("ping-basics").contains("gateway-notes");
        assertThat(score(hits, "ping-basics")).isGreaterThan(score(hits, "gateway-notes"));
    }

    @Test
    void aHeadingMatchRanksAboveAMentionInProse() {
        // 포트 appears in no heading; 서비스 is a heading word in firewall-ko and absent from names-ko, so use a word in
        // both: 확인 is in a heading of names-ko (응답 확인) and only in prose of firewall-ko
        List<SearchHit> hits = index.search("확인", 10);

        assertThat(hits).extracting(SearchHit::name).containsExactly("names-ko", "firewall-ko");
        assertThat(hits.getFirst().sectionAnchor()).isEqualTo("응답-확인");
    }

    @Test
    void runbooksHoldingEveryWordRankFirstEvenAcrossSections() throws RunbookException {
        index.put("ping-sweep", parse("""
                # Ping sweep

                ## Ping every address

                Ping each address of the subnet once; ping is cheap and the list of answers is a quick inventory.

                ```
                ping -c 1 -W 1 198.51.100.1
                ```
                """, "ping-sweep"));

        // reachability holds ping and hosts in different sections; ping-sweep holds ping many times, in its title too
        List<SearchHit> hits = index.search("ping hosts", 10);

        // names-ko holds both too (ping으로, hosts 파일)
        assertThat(hits).extracting(SearchHit::name).hasSize(3).endsWith("ping-sweep");
        assertThat(index.search("ping", 10).getFirst().name()).isEqualTo("ping-sweep");
    }

    @Test
    void aHitPointsAtTheSectionHoldingTheMatch() {
        assertThat(only("pcap").sectionAnchor()).isEqualTo("save-for-later");
        assertThat(only("pcap").sectionHeading()).isEqualTo("Save for later");
        assertThat(only("stale").sectionAnchor()).isEqualTo("name-overrides");
        assertThat(only("iptables").sectionAnchor()).isEqualTo("규칙-확인");
        assertThat(only("포트").sectionAnchor()).isEqualTo("듣고-있는-서비스");
        assertThat(only("방화벽").sectionAnchor()).isEqualTo("규칙-확인");
        assertThat(only("SYN-ACK").sectionAnchor()).isEqualTo("watch-the-handshake");
        assertThat(only("SYN-ACK").title()).isEqualTo("Capturing packets with tcpdump");
    }

    @Test
    void theSnippetMarksTheMatchedWords() {
        Snippet stale = only("STALE").snippet();
        assertThat(stale.matches()).containsExactly("stale");
        assertThat(stale.text()).contains("A stale line in the local override file");

        Snippet korean = only("방화벽").snippet();
        assertThat(korean.matches()).containsExactly("방화벽");
        assertThat(korean.text()).contains("서버 앞단 방화벽에서 막히는지");

        Snippet particle = index.search("tcpdump", 10).stream()
                .filter(hit -> hit.name().equals("firewall-ko"))
                .findFirst()
                .orElseThrow()
                .snippet();
        assertThat(particle.matches()).containsExactly("tcpdump");
        assertThat(particle.parts()).first().isEqualTo(new Snippet.Part("tcpdump", true));
        assertThat(particle.text()).startsWith("tcpdump로 SYN이");

        Snippet command = only("pcap").snippet();
        assertThat(command.matches()).containsExactly("pcap");
        assertThat(command.text()).contains("/tmp/trace.pcap");
    }

    @Test
    void aSnippetIsPlainTextWithoutMarkup() throws RunbookException {
        index.put("markup", parse("""
                # Markup

                A <b>bold</b> claim with a [link](https://example.invalid/) and `kestrel` in code, & an ampersand.
                """, "markup"));

        Snippet snippet = only("kestrel").snippet();

        assertThat(snippet.text()).isEqualTo("A bold claim with a link and kestrel in code, & an ampersand.");
        assertThat(snippet.matches()).containsExactly("kestrel");
    }

    @Test
    void aLongSectionGivesASnippetAroundTheMatch() throws RunbookException {
        String filler = "Nothing of interest happens in this sentence at all. ".repeat(40);
        index.put("long", parse("# Long\n\n" + filler + "Then the kestrel shows up. " + filler, "long"));

        Snippet snippet = only("kestrel").snippet();

        assertThat(snippet.matches()).containsExactly("kestrel");
        assertThat(snippet.text()).startsWith("…").endsWith("…").hasSizeLessThan(400);
    }

    @Test
    void replacingARunbookReplacesAllItsSectionsAndRemovingItRemovesThem() throws RunbookException {
        index.put("birds", parse("# Birds\n\n## One\n\nA kestrel.\n\n## Two\n\nAnother kestrel.\n", "birds"));
        assertThat(names("kestrel")).containsExactly("birds");

        index.put("birds", parse("# Birds\n\n## Only\n\nA falcon now.\n", "birds"));
        assertThat(names("kestrel")).isEmpty();
        assertThat(index.search("falcon birds", 10)).singleElement().satisfies(hit -> {
            assertThat(hit.name()).isEqualTo("birds");
            assertThat(hit.sectionAnchor()).isEqualTo("only");
        });

        index.remove("birds");
        assertThat(names("falcon")).isEmpty();
        assertThat(names("tcpdump")).hasSize(3);

        index.remove("no-such-runbook");
        assertThat(names("tcpdump")).hasSize(3);
    }

    @Test
    void tagAndOwnerFiltersCompareWholeValuesIgnoringCase() {
        assertThat(index.withTag("NETWORK")).containsExactly("packet-capture", "reachability");
        assertThat(index.withTag("네트워크")).containsExactly("firewall-ko");
        assertThat(index.withTag("net")).isEmpty();
        assertThat(index.withTag(" ")).isEmpty();
        assertThat(index.ownedBy("net-team")).containsExactly("packet-capture");
        assertThat(index.ownedBy("박지민")).containsExactly("firewall-ko");
        assertThat(index.ownedBy("bob")).isEmpty();

        assertThat(names("tcpdump", SearchFilter.tagged("Capture"))).containsExactly("packet-capture");
        assertThat(names("tcpdump", SearchFilter.ownedBy("ALICE"))).containsExactly("reachability");
        assertThat(names("tcpdump", SearchFilter.tagged("network").withOwner("alice")))
                .containsExactly("reachability");
        assertThat(names("tcpdump", SearchFilter.tagged("dns"))).isEmpty();
        assertThat(names("hosts", SearchFilter.tagged("dns"))).containsExactly("names-ko");
    }

    @Test
    void tagsAreSearchableToo() {
        assertThat(names("보안")).containsExactly("firewall-ko");
    }

    @Test
    void hostileQueriesNeverThrow() {
        List<String> hostile = new ArrayList<>(List.of(
                "\"",
                "\"tcpdump",
                "tcpdump\"",
                "\"\"",
                "AND",
                "OR NOT",
                "-",
                "+",
                "*",
                "?",
                "\\",
                "(",
                ")",
                "[",
                "{",
                "~",
                "^2",
                "/",
                ":",
                "&& ||",
                "title:",
                "name:*",
                "tcp*",
                "\u0000",
                "\uD83D", // a lone surrogate
                "a".repeat(10_000),
                "방".repeat(10_000),
                "tcpdump ".repeat(10_000),
                "\"a b c ".repeat(2_000)));
        hostile.add("x".repeat(999) + "\uD83D\uDE00 tail"); // the length cut falls inside a surrogate pair

        for (String query : hostile) {
            assertThatCode(() -> assertThat(index.search(query, 10)).hasSizeLessThanOrEqualTo(10))
                    .as(query.length() > 40 ? query.substring(0, 40) + "..." : query)
                    .doesNotThrowAnyException();
        }
        assertThat(index.search("*", 10)).isEmpty();
        assertThat(names("tcpdump AND"))
                .as("operators are ignored, the words still count")
                .hasSize(3);
        assertThat(names("(tcpdump")).hasSize(3);
        assertThat(names("\"tcpdump")).hasSize(3);
    }

    @Test
    void quotesMakeAPhrase() {
        assertThat(names("\"sudo tcpdump\"")).containsExactlyInAnyOrder("packet-capture", "firewall-ko");
        assertThat(names("\"tcpdump sudo\"")).isEmpty();
    }

    @Test
    void anEmptyQueryOrLimitReturnsNothing() {
        assertThat(index.search("", 10)).isEmpty();
        assertThat(index.search("   \n\t", 10)).isEmpty();
        assertThat(index.search(null, 10)).isEmpty();
        assertThat(index.search("tcpdump", 0)).isEmpty();
        assertThat(index.search("tcpdump", 2)).hasSize(2);
    }

    @Test
    void concurrentChangesAndSearchesDoNotFail() throws Exception {
        int flips = 5;
        Runbook[] versions = {
            parse("# Flip\n\n## A\n\nThe heron waits.\n\n## B\n\nodd version\n", "flip"),
            parse("# Flip\n\n## C\n\neven version\n\n## D\n\n```\necho heron\n```\n", "flip")
        };
        Runbook ephemeral = parse("# Ephemeral\n\nA heron passing through.\n", "ephemeral");
        for (int i = 0; i < flips; i++) {
            index.put("flip-" + i, versions[0]);
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        index.put("flip-" + (i % flips), versions[(i + writer) % 2]);
                        if (i % 10 == writer) {
                            index.put("ephemeral-" + writer, ephemeral);
                        } else if (i % 10 == 5) {
                            index.remove("ephemeral-" + writer);
                        }
                    }
                    return null;
                }));
            }
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                readers.add(pool.submit(() -> {
                    int searches = 0;
                    do {
                        List<String> found = index.search("heron", 50).stream()
                                .map(SearchHit::name)
                                .filter(name -> name.startsWith("flip-"))
                                .toList();
                        // a replace is atomic: a runbook is never missing while its new version goes in
                        assertThat(found).hasSize(flips);
                        assertThat(index.search("version tcpdump", 50)).isNotEmpty();
                        searches++;
                    } while (writing.get() || searches < 10);
                    return searches;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(10);
            }
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        // every change is visible once it returns: all flips are there, and both writers removed their ephemeral last
        assertThat(names("heron")).filteredOn(name -> name.startsWith("flip-")).hasSize(flips);
        assertThat(names("ephemeral")).isEmpty();
    }

    @Test
    void theShippedRunbooksAreFound() throws Exception {
        try (RunbookIndex shipped = new RunbookIndex()) {
            for (String name : List.of("network-connectivity.en", "network-connectivity.ko")) {
                String text = Files.readString(Path.of("runbooks", name + ".md"), StandardCharsets.UTF_8);
                shipped.put(name, parser.parse(text, name));
            }
            for (String word : List.of("tcpdump", "SYN", "hosts")) {
                assertThat(shipped.search(word, 10))
                        .as(word)
                        .extracting(SearchHit::name)
                        .containsExactlyInAnyOrder("network-connectivity.en", "network-connectivity.ko");
            }
            for (String word : List.of("포트", "방화벽")) {
                assertThat(shipped.search(word, 10))
                        .as(word)
                        .extracting(SearchHit::name)
                        .containsExactly("network-connectivity.ko");
            }
            for (String word : List.of("tcpdump", "SYN", "hosts", "포트", "방화벽")) {
                for (SearchHit hit : shipped.search(word, 10)) {
                    assertThat(hit.snippet().hasMatch()
                                    || hit.sectionHeading().toLowerCase().contains("host"))
                            .as(word + " marked in " + hit)
                            .isTrue();
                }
            }
            // the Korean runbook's timeout line (SYN에 아무 응답이 없습니다) is in its TCP port check section
            SearchHit syn = shipped.search("SYN 응답", 10).getFirst();
            assertThat(syn.name()).isEqualTo("network-connectivity.ko");
            assertThat(syn.snippet().text()).contains("SYN에 아무 응답이 없습니다");
        }
    }

    private Runbook parse(String text, String name) throws RunbookException {
        return parser.parse(text, name);
    }

    private List<String> names(String query) {
        return names(query, SearchFilter.NONE);
    }

    private List<String> names(String query, SearchFilter filter) {
        return index.search(query, filter, 50).stream().map(SearchHit::name).toList();
    }

    private SearchHit only(String query) {
        List<SearchHit> hits = index.search(query, 10);
        assertThat(hits).as(query).hasSize(1);
        return hits.getFirst();
    }

    private static float score(List<SearchHit> hits, String name) {
        return hits.stream()
                .filter(hit -> hit.name().equals(name))
                .findFirst()
                .orElseThrow()
                .score();
    }
}
