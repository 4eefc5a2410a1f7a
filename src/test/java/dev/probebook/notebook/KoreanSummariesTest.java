package dev.probebook.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.probebook.engine.RunResult;
import dev.probebook.probe.Verdict;
import dev.probebook.testing.DnsResponder;
import dev.probebook.testing.LoopbackServers;
import dev.probebook.testing.ProbeHarness;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Korean rendering of probe summaries: each template as the code builds it (concrete values copied into the
 * code's format), and, for the common verdicts, summaries produced by real probe runs against loopback peers, so
 * the English cannot drift away from the patterns unnoticed.
 */
class KoreanSummariesTest {

    // --- the checks ------------------------------------------------------------------------------------------------

    /** Words of 4+ ASCII letters a Korean summary may keep: technical terms, tool and command names. */
    private static final Set<String> TECHNICAL = Set.of(("Probebook HTTP ICMP DHCP CGNAT CNAME DNSSEC NXDOMAIN SERVFAIL"
                    + " REFUSED NOERROR UNIX REJECT Java https http tcping telnet curl nslookup netstat tcpdump libpcap"
                    + " getent ahostsv ifconfig traceroute root nameserver grep pcap filter localhost hosts ping"
                    + " NAME SERVER DOMAIN OTHER HOST PORT FILE output link addr route Recv VLAN lsof TIME WAIT whois echo Send trace")
            .split(" "));

    /**
     * Quoted text, setting keys, paths, URLs, shell substitutions, options and dotted names (host names, file names)
     * are values, whatever their words.
     */
    private static final Pattern CARRIED = Pattern.compile("'[^']*'|`[^`]*`|\"[^\"]*\"|probebook\\.[\\w.=-]+"
            + "|https?://\\S+|/[\\w./-]+|\\$\\([^)]*\\)+|(?<![\\w-])--?[A-Za-z][\\w-]*"
            + "|[\\w-]+(?:\\.[\\w-]+)+\\.?");

    private static final Pattern ASCII_WORD = Pattern.compile("[A-Za-z]+");

    /** Translates, and checks that it did: the text changed and reads as Korean. */
    private static Ko ko(String english) {
        String korean = KoreanSummaries.translate(english);
        assertThat(korean).as("a Korean rendering of: %s", english).isNotEqualTo(english);
        assertThat(korean).as("Hangul in: %s", korean).containsPattern("[가-힣]");
        return new Ko(english, korean);
    }

    /** A rendering under test: {@link #says} the Korean words, {@link #keeps} every value and no English. */
    private record Ko(String english, String korean) {
        Ko says(String... words) {
            assertThat(korean).as("from: %s", english).contains(words);
            return this;
        }

        Ko keeps(String... values) {
            if (values.length > 0) {
                assertThat(korean).as("from: %s", english).contains(values);
            }
            assertNoEnglishLeft(korean, values);
            return this;
        }
    }

    /** No ASCII word of 4+ letters in {@code korean} but the values carried over and the technical terms. */
    static void assertNoEnglishLeft(String korean, String... values) {
        String rest = korean;
        List<String> sorted = new ArrayList<>(List.of(values));
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        for (String v : sorted) {
            rest = rest.replace(v, " ");
        }
        rest = CARRIED.matcher(rest).replaceAll(" ");
        List<String> english = new ArrayList<>();
        Matcher m = ASCII_WORD.matcher(rest);
        while (m.find()) {
            if (m.group().length() >= 4 && !TECHNICAL.contains(m.group())) {
                english.add(m.group());
            }
        }
        assertThat(english).as("English words left in: %s", korean).isEmpty();
    }

    @Test
    void digTraceSummaries() {
        ko("www.corp.test A answered by ns.corp.test (127.0.0.4#53), a server of corp.test., after the delegation . ->"
                        + " test. -> corp.test.: A 10.1.2.3")
                .says("응답", "위임 경로")
                .keeps("www.corp.test", "ns.corp.test (127.0.0.4#53)", ". -> test. -> corp.test.", "A 10.1.2.3");
        ko("nope.corp.test does not exist: ns.corp.test, a server of corp.test., answers NXDOMAIN. Check the name's"
                        + " spelling, or add the record in corp.test.")
                .says("이름 없음", "철자")
                .keeps("nope.corp.test", "ns.corp.test", "NXDOMAIN");
        ko("www.corp.test exists but has no MX record: ns.corp.test, a server of corp.test., answers NOERROR with no"
                        + " answer. Ask for another type (dig www.corp.test ANY), or add the record in corp.test.")
                .says("레코드 없음")
                .keeps("www.corp.test", "MX", "dig www.corp.test ANY");
        ko("the delegation breaks at lame.test.: none of its name servers answered (ns.lame.test). A lame delegation"
                        + " (the servers do not serve the zone), servers that are down, or a firewall dropping DNS to"
                        + " them: ask whoever runs lame.test.")
                .says("위임이 끊김", "방화벽")
                .keeps("lame.test.", "ns.lame.test");
        ko("the delegation breaks at up.example.com.: ns.up.example.com refers the question to com., which is not below"
                        + " up.example.com. on the way to www.up.example.com. A lame delegation or a misconfigured"
                        + " server: ask whoever runs up.example.com.")
                .says("위임이 끊김", "설정 오류")
                .keeps("up.example.com.", "ns.up.example.com", "www.up.example.com");
        ko("the trace could not start: no resolver answered for the root's name servers (. NS), which dig +trace asks"
                        + " the resolver first. Check the resolver with dig . NS")
                .says("추적을 시작할 수 없음", "리졸버");
        ko("the trace could not start: the resolver gave no root servers (SERVFAIL) for the root's name servers (. NS),"
                        + " which dig +trace asks the resolver first. Check the resolver with dig . NS")
                .says("루트 서버")
                .keeps("SERVFAIL");
        ko("the trace stops at corp.example.: the target policy does not let Probebook ask its name servers (target 127.0.0.3"
                        + " port 53 denied by rule 'deny 127.0.0.3/32'). dig +trace asks every server on the way; ask an"
                        + " admin to allow them, or ask the resolver for the name instead (dig www.corp.test)")
                .says("대상 정책", "거부됨")
                .keeps("127.0.0.3", "'deny 127.0.0.3/32'", "dig www.corp.test");
        ko("more than 16 referrals for www.loop.test: the servers refer in a loop")
                .keeps("16", "www.loop.test");
    }

    @Test
    void mtrSummaries() {
        ko("db.internal (10.0.9.9) reached in 3 hop(s) with no loss over 4 round(s), average 2.2 ms, worst 2.3 ms; the"
                        + " loss at hop(s) [2] does not carry on to the host: those routers answer few probes themselves"
                        + " (ICMP rate limits), which is not packet loss")
                .says("손실 없음", "속도 제한")
                .keeps("db.internal (10.0.9.9)", "2.2", "2.3", "[2]");
        ko("127.0.0.1 reached in 1 hop(s) with no loss over 3 round(s), average 0.1 ms, worst 0.1 ms")
                .says("손실 없음")
                .keeps("127.0.0.1");
        ko("db.internal (10.0.9.9) reached in 3 hop(s), but 25.0% of the probes to it were lost (average 2.1 ms, worst"
                        + " 2.3 ms): packets are dropped on the way, starting at hop 2 (10.0.1.1), where the loss begins"
                        + " and carries on to the host. Look at that link or device, or run mtr again to see whether it"
                        + " lasts")
                .says("손실됨", "2번 홉")
                .keeps("25.0%", "10.0.1.1");
        ko("10.231.3.2 not reached over 2 round(s): the path goes silent after hop 1 (10.231.0.2). Packets are dropped"
                        + " beyond it (a firewall, a missing route, or a host that drops ICMP): test the service port"
                        + " with tcping 10.231.3.2 PORT")
                .says("도달 못함", "조용해짐", "서비스 포트")
                .keeps("10.231.0.2", "tcping 10.231.3.2 PORT");
        ko("10.9.9.9 not reached and no hop answered over 10 round(s): ICMP is dropped right after this host (a"
                        + " firewall, or no route out). Check the default route (ip route) and test the service port with"
                        + " tcping 10.9.9.9 PORT")
                .says("응답한 홉 없음", "기본 경로")
                .keeps("tcping 10.9.9.9 PORT");
    }

    @Test
    void tracerouteSummaries() {
        ko("10.231.1.2 reached in 2 hop(s), 0.247 ms at the last hop")
                .says("도달")
                .keeps("10.231.1.2", "0.247");
        ko("app.example (10.0.0.5) reached in 9 hop(s), 12.410 ms at the last hop; hop(s) [3, 4] did not answer:"
                        + " routers that send no time-exceeded errors, which is normal. Probes were ICMP echo, as"
                        + " traceroute -I sends")
                .says("응답 없는 홉")
                .keeps("app.example (10.0.0.5)", "12.410", "[3, 4]");
        ko("hop 1 (10.231.0.2) answered !X (administratively prohibited): the path to 10.231.2.9 ends there. A firewall"
                        + " there rejects the traffic: ask for a rule that allows it")
                .says("관리상 금지", "방화벽")
                .keeps("10.231.0.2", "!X", "10.231.2.9");
        ko("hop 4 (10.0.3.1) answered !H (host unreachable): the path to db.internal (10.0.9.9) ends there. The last"
                        + " router cannot deliver to the host (down, or wrong address). Probes were ICMP echo, as"
                        + " traceroute -I sends")
                .keeps("10.0.3.1", "!H", "db.internal (10.0.9.9)");
        ko("10.231.3.2 not reached: the path goes silent after hop 1 (10.231.0.2; no answer up to hop 3). Packets are"
                        + " dropped beyond it (a firewall, a missing route, or a host that drops ICMP): test the service"
                        + " port with tcping 10.231.3.2 PORT")
                .says("조용해짐")
                .keeps("10.231.3.2", "10.231.0.2", "tcping 10.231.3.2 PORT");
        ko("10.0.9.9 not reached and no hop answered (no answer up to hop 30): ICMP is dropped right after this host (a"
                        + " firewall, or no route out). Check the default route (ip route) and test the service port"
                        + " with tcping 10.0.9.9 PORT")
                .keeps("10.0.9.9", "tcping 10.0.9.9 PORT");
    }

    @Test
    void udpSummaries() {
        ko("no ICMP port unreachable from 10.0.0.5 for UDP port 53 within 1000 ms: something may listen there, or a"
                        + " firewall drops UDP silently; UDP cannot tell these apart. Ask the service itself (dig"
                        + " @10.0.0.5 for DNS)")
                .says("구별할 수 없음")
                .keeps("10.0.0.5", "53", "dig @10.0.0.5");
        ko("nothing listens on UDP port 514 of 10.0.0.5: it answered ICMP port unreachable. Start the service, or check"
                        + " the port it uses")
                .says("리스너 없음")
                .keeps("514", "10.0.0.5");
        ko("1 of 2 UDP ports on 127.0.0.1 did not refuse: [53]. Refused (nothing listens): [54]")
                .says("거부됨")
                .keeps("127.0.0.1", "[53]", "[54]");
    }

    @Test
    void nmapSummaries() {
        ko("1 of 3 ports open on 127.0.0.1: [18999]. Closed (nothing listens, or a firewall rejects): [22, 18998]")
                .says("닫힘")
                .keeps("127.0.0.1", "[18999]", "[22, 18998]");
        ko("0 of 2 ports open on app.example: []. Closed (nothing listens, or a firewall rejects): [80]. Filtered (the"
                        + " SYN is dropped on the way, or the host is down): [443]")
                .says("필터됨")
                .keeps("app.example", "[80]", "[443]");
        ko("3 of 3 ports open on 10.0.0.5: [22, 80, 443]").keeps("10.0.0.5", "[22, 80, 443]");
    }

    @Test
    void whoisSummaries() {
        ko("example.test is registered with Example Registrar, Inc. until 2027-06-25 (200 day(s) left); name servers:"
                        + " ns1.example.test, ns2.example.test")
                .says("등록됨", "네임서버")
                .keeps("example.test", "Example Registrar, Inc.", "2027-06-25", "200", "ns1.example.test");
        ko("example.test is registered until 2026-12-19 (12 day(s) left). It expires in 12 day(s): renew the"
                        + " registration before it stops resolving")
                .says("갱신")
                .keeps("example.test", "2026-12-19", "12");
        ko("example.test expired on 2026-12-04 (3 day(s) ago): the registrar may stop resolving it or release it."
                        + " Renew it now")
                .says("만료")
                .keeps("example.test", "2026-12-04");
        ko("nope.test is not registered: whois.registry.test has no record of it. Check the spelling; a name nobody"
                        + " registered resolves nowhere")
                .says("등록되지 않음")
                .keeps("nope.test", "whois.registry.test");
        ko("8.8.4.4 is in EXAMPLE-NET (8.8.4.0 - 8.8.4.255), held by Example Org, country KR")
                .keeps("8.8.4.4", "EXAMPLE-NET", "8.8.4.0 - 8.8.4.255", "Example Org", "KR");
        ko("10.1.2.3 is in PRIVATE-ADDRESS-ABLK-RFC1918-IANA-RESERVED (10.0.0.0 - 10.255.255.255). It is a private"
                        + " address: it belongs to a network of your own, and whois only says the range is reserved")
                .says("사설")
                .keeps("10.1.2.3", "PRIVATE-ADDRESS-ABLK-RFC1918-IANA-RESERVED");
        ko("cannot ask whois.iana.org port 43 (no answer to the connect): whois needs outbound TCP 43, often closed in"
                        + " server networks. This says nothing about example.com; ask from a machine with internet"
                        + " access, or use the registry's web page")
                .says("나가는 TCP")
                .keeps("whois.iana.org", "43", "example.com");
        ko("whois.registry.test refused the query: too many queries from this address. Wait a while and ask again")
                .keeps("whois.registry.test");
        ko("whois.registry.test answered for example.test (12 lines): the record is above")
                .keeps("whois.registry.test", "example.test");
    }

    @Test
    void opensslSummaries() {
        ko("TLS to app.lab.test port 8443 works (TLSv1.3, TLS_AES_256_GCM_SHA384): the certificate (CN=app.lab.test,"
                        + " issued by CN=Lab CA) is trusted and valid until 2027-01-06T00:23:07Z (30 day(s) left)")
                .says("정상", "남음")
                .keeps(
                        "app.lab.test",
                        "8443",
                        "TLSv1.3",
                        "TLS_AES_256_GCM_SHA384",
                        "CN=Lab CA",
                        "2027-01-06T00:23:07Z");
        ko("TLS to 127.0.0.1 port 8443 works (TLSv1.3, TLS_AES_256_GCM_SHA384): the certificate (CN=localhost, issued"
                        + " by CN=Lab CA) is trusted and valid until 2027-01-06T00:23:07Z (20 day(s) left). Its"
                        + " certificate expires in 20 day(s) (2027-01-06T00:23:07Z): renew the server certificate. the"
                        + " certificate of 127.0.0.1 port 8443 does not name app.lab.test (it names: localhost): use a"
                        + " name the certificate covers, or reissue the certificate with app.lab.test")
                .says("갱신")
                .keeps("127.0.0.1", "app.lab.test", "localhost", "CN=Lab CA");
        ko("the server certificate of localhost is not trusted here: unable to verify the first certificate"
                        + " (CN=localhost, issued by CN=Internal CA). The server sends only its own certificate:"
                        + " configure the full chain (with the intermediate certificates) on the server. Trust its CA"
                        + " (probebook.http.ca-file or -CAfile) or install a certificate from a CA the clients trust")
                .says("첫 인증서를 검증할 수 없음", "중간 인증서")
                .keeps("localhost", "CN=Internal CA", "probebook.http.ca-file", "-CAfile");
        ko("the server certificate of 127.0.0.1 is not trusted here: self-signed certificate (CN=app.lab.test, issued"
                        + " by CN=app.lab.test). Trust its CA (probebook.http.ca-file or -CAfile) or install a"
                        + " certificate from a CA the clients trust")
                .says("자체 서명 인증서")
                .keeps("127.0.0.1", "CN=app.lab.test");
        ko("127.0.0.1 port 8080 answers, but not with TLS: a plain-text service listens there (http?), or it is the"
                        + " wrong port")
                .says("평문")
                .keeps("127.0.0.1", "8080");
        ko("connected to 127.0.0.1 port 8443, but no TLS answer within 10000 ms: the network path is open; the service"
                        + " hangs or waits for the client to speak first")
                .says("TLS 응답 없음")
                .keeps("127.0.0.1", "8443", "10000");
    }

    @Test
    void socketSummary() {
        ko("17 TCP connection(s) established, 40 in TIME-WAIT, 1 orphaned; 412 socket(s) in all")
                .says("수립됨")
                .keeps("17", "40", "412");
        ko("0 TCP connection(s) established, 20000 in TIME-WAIT, 0 orphaned; 412 socket(s) in all. So many TIME-WAIT"
                        + " sockets mean short connections opened and closed fast: outgoing connections may run out of"
                        + " local ports (reuse connections, or widen net.ipv4.ip_local_port_range)")
                .says("로컬 포트")
                .keeps("20000", "net.ipv4.ip_local_port_range");
    }

    @Test
    void lsofSummaries() {
        ko("no process has port 8080 open (lsof prints nothing): nothing listens there; start the service, or check the"
                        + " port it was given")
                .keeps("8080");
        ko("no process has port 8080 open (lsof prints nothing): nothing listens there; start the service, or check the"
                        + " port it was given; some processes could not be read (not root): their sockets are not"
                        + " listed")
                .says("root 아님")
                .keeps("8080");
        ko("nothing here listens on port 5432; psql (pid 4242) only talk through it (connections to or from it)")
                .keeps("5432", "psql (pid 4242)");
        ko("port 8080 is open: java (pid 4242) listen(s) on *:8080").keeps("8080", "java (pid 4242)", "*:8080");
        ko("3 socket(s) held by java (pid 4242), sshd (pid 1); listening: *:8080, [::1]:53")
                .keeps("java (pid 4242), sshd (pid 1)", "*:8080, [::1]:53");
    }

    @Test
    void resolvConfSummaries() {
        ko("name servers 10.0.0.2, 10.0.0.3; search svc.cluster.local corp.example; options ndots:5 timeout:2")
                .says("네임서버", "검색 도메인", "옵션")
                .keeps("10.0.0.2, 10.0.0.3", "svc.cluster.local corp.example", "ndots:5 timeout:2");
        ko("name servers 127.0.0.53; options edns0 trust-ad; search .. 127.0.0.53 is systemd-resolved's local stub: the"
                        + " servers it forwards to are in 'resolvectl status'")
                .says("로컬 스텁")
                .keeps("127.0.0.53", "edns0 trust-ad", "systemd-resolved");
        ko("name servers 10.0.0.1, 10.0.0.2, 10.0.0.3, 10.0.0.4. Only the first 3 are ever asked: 10.0.0.4 never are")
                .says("앞의 3개만")
                .keeps("10.0.0.4");
        ko("name servers 10.0.0.2; Probebook's own DNS steps ask 127.0.0.1:5353 instead (probebook.dns.servers)")
                .keeps("10.0.0.2", "127.0.0.1:5353");
        ko("no nameserver line: the system resolver asks 127.0.0.1, where nothing answers unless a local DNS server runs;"
                        + " add 'nameserver ADDRESS'")
                .says("nameserver 줄 없음")
                .keeps("127.0.0.1");
        ko("/etc/resolv.conf does not exist: the system resolver has no name server and falls back to 127.0.0.1"
                        + " (nothing answers there unless a local DNS server runs)")
                .keeps("/etc/resolv.conf", "127.0.0.1");
    }

    @Test
    void arpCacheSummaries() {
        ko("no ARP entry for 192.0.2.50: this host has not talked to it lately, or it is not on a local network (a host"
                        + " elsewhere is reached through the gateway: look for the gateway's entry). Ping it, then look"
                        + " again")
                .keeps("192.0.2.50");
        ko("no ARP answer from 192.0.2.9 (eth0), 192.0.2.10 (eth0): the host is down, unplugged, on another VLAN, or"
                        + " the address is wrong; nothing above the link layer (ping, TCP) can reach it")
                .keeps("192.0.2.9 (eth0), 192.0.2.10 (eth0)");
        ko("the ARP cache is empty: nothing on the local network was talked to lately (ping the gateway, then look"
                        + " again)")
                .says("비어 있음")
                .keeps();
        ko("192.0.2.1 is at 02:fc:00:00:00:05 on eth0: the link layer works, so look higher (ping, tcping)")
                .keeps("192.0.2.1", "02:fc:00:00:00:05", "eth0");
        ko("2 neighbour(s) resolved: 192.0.2.1 (eth0), 198.51.100.7 (eth1)")
                .keeps("192.0.2.1 (eth0), 198.51.100.7 (eth1)");
    }

    @Test
    void routingTableSummaries() {
        ko("default route via 192.0.2.1 on eth0; 3 route(s) in the table")
                .says("기본 경로")
                .keeps("192.0.2.1", "eth0");
        ko("default route via 192.0.2.1 on eth0; 3 route(s) in the table, 1 shown")
                .says("표시")
                .keeps("192.0.2.1");
        ko("the routing table is empty: this host reaches no network but itself (loopback); every other address fails"
                        + " with 'Network is unreachable'")
                .says("비어 있음")
                .keeps();
        ko("no route uses eth1: nothing is sent through it (is it up, with an address? ip addr show eth1)")
                .keeps("eth1", "ip addr show eth1");
        ko("no default route: only the networks listed are reachable (192.168.16.0/24); any other address fails with"
                        + " 'Network is unreachable' (add a gateway: ip route add default via GATEWAY)")
                .says("기본 경로 없음")
                .keeps("192.168.16.0/24", "ip route add default via GATEWAY");
        ko("192.0.2.5 is this host's own address: the traffic stays on the machine (dev lo)")
                .keeps("192.0.2.5");
        ko("no route to 198.51.100.1: connecting there fails at once with 'Network is unreachable'; the table has no"
                        + " default route and no network holding it (check the address, or add a route: ip route add"
                        + " default via GATEWAY)")
                .keeps("198.51.100.1", "ip route add default via GATEWAY");
        ko("203.0.113.7 is reached via gateway 192.0.2.1 on eth0 (from 192.0.2.5), the default route; if it does not"
                        + " answer, the path past the gateway or a firewall is next")
                .says("기본 경로")
                .keeps("203.0.113.7", "192.0.2.1", "eth0");
        ko("10.8.3.4 is reached via gateway 192.0.2.254 on eth0 (from 192.0.2.5), route 10.8.0.0/16; if it does not"
                        + " answer, the path past the gateway or a firewall is next")
                .keeps("10.8.3.4", "192.0.2.254", "10.8.0.0/16");
        ko("192.0.2.77 is on eth0's own network (192.0.2.0/24): sent directly, no gateway (from 192.0.2.5); if it does"
                        + " not answer, check the host itself (ARP: ip neigh)")
                .keeps("192.0.2.77", "eth0", "192.0.2.0/24", "ip neigh");
    }

    @Test
    void theCheckCatchesHalfEnglish() {
        assertThatThrownBy(() -> assertNoEnglishLeft("10.0.0.5 포트 443 연결 거부: nothing listens on that port", "10.0.0.5"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("nothing")
                .hasMessageContaining("listens");
    }

    // --- what is not translated ------------------------------------------------------------------------------------

    @Test
    void aLongTextOfManyClausesNoRuleCoversComesBackUnchanged() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            sb.append("port 80 on 10.0.0.").append(i).append(" is open: something listens and the path is allowed");
            sb.append(i % 2 == 0 ? ". " : "; ");
        }
        String text = sb + "and one clause nobody knows";
        assertThat(KoreanSummaries.translate(text)).isEqualTo(text);
    }

    @Test
    void unknownTextComesBackUnchanged() {
        for (String s : List.of(
                "something nobody wrote a rule for",
                "curl: (3) URL rejected: Bad hostname",
                "tcping: unknown option -x (supported: -n COUNT, -t, -w SECONDS, -i SECONDS, -4, -6)",
                "",
                "connected")) {
            assertThat(KoreanSummaries.translate(s)).isEqualTo(s);
        }
        assertThat(KoreanSummaries.translate(null)).isNull();
    }

    @Test
    void aKnownLeadWithAnUnknownClauseStaysEnglishAsAWhole() {
        String s = "connection refused by 10.0.0.5 port 443: nothing listens on 443 or a firewall rejects it."
                + " Some advice nobody translated";
        assertThat(KoreanSummaries.translate(s)).isEqualTo(s);
        String wrapped = "stopped: " + "a clause nobody knows";
        assertThat(KoreanSummaries.translate(wrapped)).isEqualTo(wrapped);
    }

    // --- the step runner, the engine, binding and shell lines ------------------------------------------------------

    @Nested
    class StepsAndCommands {
        @Test
        void engineAndRunner() {
            ko("nothing to run").says("실행할 명령 없음").keeps();
            ko("stopped before it started").says("시작하기 전에 중지됨").keeps();
            ko("stopped before it finished").says("끝나기 전에 중지됨").keeps();
            ko("not started: stopping").says("시작하지 않음").keeps();
            ko("probe returned no result").says("결과").keeps();
            ko("timed out after 30s (probebook.probe-timeout)").says("시간 초과").keeps("30s");
            ko("timed out after 1500ms and did not stop").says("멈추지 않음").keeps("1500ms");
            ko("stopped, but the probe did not end in time").says("제때 끝나지 않음").keeps();
            ko("probe failed: input too deeply nested (stack overflow)")
                    .says("프로브 실패")
                    .keeps();
            ko("probe failed: java.lang.IllegalStateException: boom")
                    .says("프로브 실패")
                    .keeps("java.lang.IllegalStateException: boom");
            ko("stopped before the first probe (stopped at the 30s limit)")
                    .says("첫 프로브 전에 중지됨", "제한에서 중지됨")
                    .keeps("30s");
            ko("stopped: port 443 on 10.0.0.5 is open: something listens and the path is allowed")
                    .says("중지됨: ", "열림")
                    .keeps("10.0.0.5", "443");
        }

        @Test
        void skippedAndNotRun() {
            ko("skipped: needs variable host ({{host}}) and variable port ({{port}}, <port>)")
                    .says("건너뜀", "변수 값 필요")
                    .keeps("host ({{host}})", "port ({{port}}, <port>)");
            ko("skipped: needs variable iface").says("변수 값 필요").keeps("iface");
            ko("skipped: needs IP또는도메인, 포트: replace the placeholder(s) with real values")
                    .says("건너뜀", "자리 표시자")
                    .keeps("IP또는도메인, 포트");
            ko("not run: command substitution ($(...) or backticks) is not run")
                    .says("실행하지 않음", "명령 치환")
                    .keeps("$(...)");
            ko("not run: '&&' (command lists) is not run: put each command on its own line")
                    .says("명령 목록", "한 줄에 하나씩")
                    .keeps("'&&'");
            ko("not run: redirection '<' is not run").says("리다이렉션").keeps("'<'");
            ko("not run: a here-document: Probebook writes no file, but a curl -w @curl-format.txt in this runbook"
                            + " reads its content from here")
                    .says("히어 문서")
                    .keeps("curl -w @curl-format.txt");
            ko("not run: redirection '> out.txt' is shown, not run: Probebook prints the output here instead")
                    .says("리다이렉션", "표시만 하고")
                    .keeps("'> out.txt'");
            ko("not run: pipe into 'sort' is not run (only '| grep' filters are supported)")
                    .says("파이프", "필터만 지원")
                    .keeps("'sort'", "'| grep'");
            ko("not run: 'pign' is not a command Probebook knows: did you mean 'ping'?")
                    .says("모름", "혹시")
                    .keeps("'pign'", "'ping'");
            ko("not run: 'frobnicate' is not a command Probebook knows; run it in a shell")
                    .says("셸에서 실행하세요")
                    .keeps("'frobnicate'");
            ko("not run: systemctl is not built in — run it in a shell")
                    .says("내장되어 있지 않음", "셸에서 실행하세요")
                    .keeps("systemctl");
            ko("not run: ipconfig is not built in — run it in a shell (Probebook runs 'ip addr' for the same question)")
                    .says("내장되어 있지 않음")
                    .keeps("ipconfig", "'ip addr'");
            ko("empty command").says("빈 명령").keeps();
        }

        @Test
        void variableValues() {
            ko("variable host = '-oProxyCommand=x' starts with '-' and would be read as an option")
                    .says("옵션으로 읽힘")
                    .keeps("host", "'-oProxyCommand=x'");
            ko("variable path contains a control character").says("제어 문자").keeps("path");
            ko("variable host = 'a b' must be a single word").says("한 단어").keeps("host", "'a b'");
            ko("variable port = 'https x' is not a port: a number from 1 to 65535 (or a range or service name)")
                    .says("포트가 아님", "1~65535")
                    .keeps("port", "'https x'");
        }

        @Test
        void refusalsBeforeARun() {
            ko("vera may not run probes: needs role operator (probebook.roles.run)")
                    .says("프로브 실행 권한 없음", "역할 필요")
                    .keeps("vera", "operator", "probebook.roles.run");
            ko("kim may not capture packets: needs role admin (probebook.roles.capture)")
                    .says("패킷 캡처")
                    .keeps("kim", "admin");
            ko("kim may not send packets faster than five a second or larger than 1472 bytes: needs role admin"
                            + " (probebook.roles.flood)")
                    .says("1472바이트")
                    .keeps("kim", "admin");
            ko("limit: vera already has 3 probes running (probebook.limits.per-user-concurrent=3); stop one or wait"
                            + " for it to end")
                    .says("제한", "실행 중", "기다리세요")
                    .keeps("vera", "3", "probebook.limits.per-user-concurrent=3");
            ko("limit: vera started 30 runs in the last minute (probebook.limits.per-user-runs-per-minute=30); try"
                            + " again in 12 s")
                    .says("최근 1분", "12초 뒤")
                    .keeps("vera", "30");
            ko("limit: a capture on lo is already running; one at a time")
                    .says("lo 캡처가 이미 실행 중")
                    .keeps();
            ko("limit: a capture on the default interface is already running; one at a time")
                    .says("기본 인터페이스 캡처")
                    .keeps();
            ko("lab not running: an admin starts it on the Lab page (or ./probebook lab)")
                    .says("실습 환경", "관리자")
                    .keeps("./probebook lab");
            ko("runs are refused until the audit log can be written again: /var/lib/probebook/audit.log (Read-only"
                            + " file system)")
                    .says("감사 로그", "실행 거부")
                    .keeps("/var/lib/probebook/audit.log (Read-only file system)");
        }

        @Test
        void targetPolicy() {
            ko("target 10.0.0.5 port 443 denied by rule 'deny 10.0.0.0/8'")
                    .says("대상", "포트", "규칙으로 거부됨")
                    .keeps("10.0.0.5", "443", "'deny 10.0.0.0/8'");
            ko("target ::ffff:127.0.0.1 port 80 (the same host as 127.0.0.1) denied by rule 'deny 127.0.0.0/8:80'")
                    .says("같은 호스트")
                    .keeps("::ffff:127.0.0.1", "127.0.0.1", "80");
            ko("target metadata.internal denied by rule 'deny *.internal'")
                    .says("거부됨")
                    .keeps("metadata.internal", "'deny *.internal'");
            ko("target 192.0.2.1 port 22 is not in the allow list (probebook.policy.allow)")
                    .says("허용 목록에 없음")
                    .keeps("192.0.2.1", "22", "probebook.policy.allow");
            ko("target 192.0.2.1 is not in the allow list (probebook.policy.allow)")
                    .says("허용 목록")
                    .keeps("192.0.2.1");
        }
    }

    // --- tcp -------------------------------------------------------------------------------------------------------

    @Nested
    class Tcp {
        @Test
        void verdicts() {
            ko("port 443 on 10.0.0.5 is open: something listens and the path is allowed")
                    .says("열림", "리스너")
                    .keeps("10.0.0.5", "443");
            ko("connection refused by 10.0.0.5 port 443: nothing listens on that port, or a firewall rejects it."
                            + " Check the service (ss -tlnp) and allow the port in the firewall")
                    .says("연결 거부", "리스너가 없거나", "방화벽")
                    .keeps("10.0.0.5", "443", "ss -tlnp");
            ko("no answer from 10.0.0.5 port 443 within 3001 ms: the SYN was dropped on the way (firewall, security"
                            + " group, VIP) or the host is down")
                    .says("응답 없음", "SYN이 중간에서 버려졌거나", "보안 그룹", "다운")
                    .keeps("10.0.0.5", "443", "3001", "VIP");
            ko("no answer from 10.0.0.5 port 443 within 29987 ms, when the run's time limit (probebook.probe-timeout)"
                            + " ended the wait: the SYN was dropped on the way (firewall, security group, VIP) or the"
                            + " host is down")
                    .says("실행 시간 제한")
                    .keeps("29987", "probebook.probe-timeout");
            ko("cannot connect to 10.0.0.5 port 443: No route to host (routing or network problem on this side)")
                    .says("연결할 수 없음", "호스트로 가는 경로 없음", "라우팅")
                    .keeps("10.0.0.5", "443");
            ko("cannot connect to 10.0.0.5 port 443: Protocol family unavailable (routing or network problem on this"
                            + " side)")
                    .says("연결할 수 없음")
                    .keeps("Protocol family unavailable");
            ko("no connection attempt to 10.0.0.5 port 443").says("연결 시도 없음").keeps("10.0.0.5", "443");
            ko("cannot resolve app.internal: check the name (nslookup app.internal) or add it to /etc/hosts")
                    .says("이름 해석 실패", "추가하세요")
                    .keeps("app.internal", "nslookup app.internal", "/etc/hosts");
        }

        @Test
        void toolsAndStates() {
            ko("connected to 10.0.0.5 port 22: something listens there and the path is open. It greeted with:"
                            + " SSH-2.0-OpenSSH_9.2")
                    .says("연결됨", "배너")
                    .keeps("10.0.0.5", "22", "SSH-2.0-OpenSSH_9.2");
            ko("connected to 10.0.0.5 port 23: something listens there and the path is open.")
                    .says("연결됨")
                    .keeps("10.0.0.5", "23");
            ko("2 of 3 ports open on 10.0.0.5: [22, 80]").says("열림").keeps("10.0.0.5", "[22, 80]", "3개 중 2개");
            ko("stopped before the first probe").says("중지됨").keeps();
            ko("stopped before connecting").says("중지됨").keeps();
            ko("intermittent: 2 of 4 probes to 10.0.0.5:443 connected. Typical of a load balancer (VIP) whose members"
                            + " differ: test each member directly")
                    .says("간헐적", "로드 밸런서", "직접 테스트")
                    .keeps("10.0.0.5:443", "4번 중 2번");
            ko("probes 1-2 to 10.0.0.5:443 failed, then it accepted connections from probe 3 on: the service came up"
                            + " (or a firewall opened) during the run")
                    .says("서비스가 올라옴")
                    .keeps("10.0.0.5:443", "1-2", "3");
            ko("2 of 5 probes to 10.0.0.5:443 connected, then it stopped accepting: probes 3-5 were refused: the"
                            + " listener went away (the service stopped, crashed or is restarting) or a firewall began"
                            + " rejecting. Check the service on that host (ss -tlnp, its logs)")
                    .says("연결 거부", "리스너가 사라졌거나")
                    .keeps("10.0.0.5:443", "3-5", "ss -tlnp");
            ko("2 of 5 probes to 10.0.0.5:443 connected, then it stopped accepting: probes 3-5 timed out: the host"
                            + " went down or a firewall began dropping. Check the service on that host (ss -tlnp, its"
                            + " logs)")
                    .says("시간 초과")
                    .keeps("3-5");
            ko("2 of 5 probes to 10.0.0.5:443 connected, then it stopped accepting: probes 3-5 failed. Check the"
                            + " service on that host (ss -tlnp, its logs)")
                    .says("실패")
                    .keeps("3-5");
        }
    }

    // --- http ------------------------------------------------------------------------------------------------------

    @Nested
    class Http {
        @Test
        void answers() {
            ko("shop.example answered HTTP 200 OK: the server is reachable and the app answers")
                    .says("응답", "서버에 도달 가능하고 앱이 응답함")
                    .keeps("shop.example", "HTTP 200 OK");
            ko("10.0.0.5:8080 answered HTTP 404 Not Found: the server is reachable (the network path works); the app"
                            + " refuses this request (path, method or authentication)")
                    .says("네트워크 경로 정상", "거부함", "인증")
                    .keeps("10.0.0.5:8080", "HTTP 404 Not Found");
            ko("shop.example answered HTTP 301 Moved Permanently: the server is reachable and redirects to"
                            + " https://shop.example/ (add -L to follow it)")
                    .says("리다이렉트 대상")
                    .keeps("HTTP 301 Moved Permanently", "https://shop.example/", "-L");
            ko("shop.example answered HTTP 304: the server is reachable")
                    .says("도달 가능")
                    .keeps("HTTP 304");
            ko("10.0.0.5:8080 is reachable, but the application fails: HTTP 502 Bad Gateway. Check the app and what it"
                            + " depends on (logs, upstream), not the network")
                    .says("애플리케이션이 실패함", "업스트림")
                    .keeps("10.0.0.5:8080", "HTTP 502 Bad Gateway");
            ko("10.0.0.5:8080 is reachable, but the application fails: HTTP 503. Check the app and what it depends on"
                            + " (logs, upstream), not the network (after 1 redirect(s))")
                    .says("리다이렉트 1번 후")
                    .keeps("HTTP 503");
            ko("10.0.0.5:8080 answered HTTP 200 OK, but the body did not arrive in full: transfer closed with 320"
                            + " bytes remaining to read. The server is reachable; the app or a proxy stalls or aborts"
                            + " the transfer")
                    .says("본문이 다 오지 않음", "프록시")
                    .keeps("HTTP 200 OK", "transfer closed with 320 bytes remaining to read");
            ko("10.0.0.5:8080 answered HTTP 200 OK, but the body did not arrive in full: Operation timed out after"
                            + " 3001 milliseconds with 5 out of 100 bytes received. The server is reachable; the app or a"
                            + " proxy stalls or aborts the transfer (after 2 redirect(s))")
                    .says("리다이렉트 2번 후")
                    .keeps("Operation timed out after 3001 milliseconds with 5 out of 100 bytes received");
            ko("redirect loop: shop.example still redirects after 50 redirects (last HTTP 301 Moved Permanently)."
                            + " Check the redirect rules (http->https, trailing slash, proxy headers)")
                    .says("리다이렉트 루프", "규칙을 확인하세요")
                    .keeps("shop.example", "50", "HTTP 301 Moved Permanently", "http->https");
        }

        @Test
        void notesAndCertificatesAfterAnAnswer() {
            ko("shop.example answered HTTP 200: the server is reachable and the app answers (after 2 redirect(s))."
                            + " The body is binary and was not printed (curl would need -o FILE or --output -). Its"
                            + " certificate expires in 3 day(s) (2025-06-01T00:00:00Z): renew the server certificate")
                    .says("리다이렉트 2번 후", "바이너리", "3일 뒤 만료", "갱신하세요")
                    .keeps("HTTP 200", "2025-06-01T00:00:00Z", "--output -");
            ko("shop.example answered HTTP 200 OK: the server is reachable and the app answers. The body (1234 bytes)"
                            + " was not saved to out.html: probes never write files")
                    .says("1234바이트", "저장하지 않음")
                    .keeps("out.html");
            ko("shop.example answered HTTP 200 OK: the server is reachable and the app answers. But its certificate"
                            + " would be rejected without -k (self-signed certificate): clients must trust its issuer"
                            + " (CN=Test CA, O=Example)")
                    .says("-k 없이는 인증서가 거부됨", "자체 서명 인증서", "신뢰해야 함")
                    .keeps("CN=Test CA, O=Example");
            ko("shop.example answered HTTP 200 OK: the server is reachable and the app answers. But its certificate"
                            + " would be rejected without -k (certificate has expired): renew the server certificate")
                    .says("인증서 만료", "갱신하세요")
                    .keeps("HTTP 200 OK");
        }

        @Test
        void failures() {
            ko("cannot resolve shop.example: the name is unknown to /etc/hosts and DNS here. Check the spelling"
                            + " (nslookup shop.example), the DNS servers, or add 'IP shop.example' to /etc/hosts")
                    .says("이름 해석 실패", "DNS 서버를 확인")
                    .keeps("shop.example", "nslookup shop.example", "'IP shop.example'");
            ko("connection refused by 10.0.0.5 port 443: nothing listens on 443 or a firewall rejects it. Allow port"
                            + " 443 (443 for https) in the firewall / security group")
                    .says("연결 거부", "방화벽/보안 그룹", "허용하세요", "https 기본 443")
                    .keeps("10.0.0.5", "443");
            ko("connection refused by 10.0.0.5 port 8443: nothing listens on 8443 or a firewall rejects it. Allow port"
                            + " 8443 (the :8443 in the URL) in the firewall / security group")
                    .says("URL의 :8443")
                    .keeps("8443");
            ko("connection refused by shop.example port 80: nothing listens on 80 or a firewall rejects it. Allow port"
                            + " 80 (80 for http) in the firewall / security group. If the firewall already allows it,"
                            + " shop.example may resolve to an external IP from here: put 'INTERNAL_IP shop.example' in"
                            + " /etc/hosts")
                    .says("연결 거부", "http 기본 80", "외부 IP로 해석될 수 있음")
                    .keeps("shop.example", "'INTERNAL_IP shop.example'", "/etc/hosts");
            ko("timed out connecting to 10.0.0.5 port 80 (no answer within 3001 ms): the SYN was dropped on the way"
                            + " (firewall, security group) or the host is down. Allow port 80 (80 for http) in the"
                            + " firewall / security group; behind a VIP/load balancer, test the member servers directly")
                    .says("연결 시간 초과", "SYN이 중간에서 버려졌거나", "멤버 서버")
                    .keeps("10.0.0.5", "80", "3001");
            ko("cannot connect to 10.0.0.5 port 443: Network is unreachable (routing or network problem on this side)")
                    .says("네트워크에 도달할 수 없음")
                    .keeps("10.0.0.5");
            ko("connected to 10.0.0.5 port 8080, but no HTTP answer within 10000 ms: the network path is open; the app"
                            + " hangs or is overloaded (check it on the server)")
                    .says("HTTP 응답 없음", "과부하")
                    .keeps("10.0.0.5", "8080", "10000");
            ko("TLS handshake with 10.0.0.5 port 8080 failed (error:0A00010B:SSL routines::wrong version number):"
                            + " check that this port speaks https and supports TLS 1.2/1.3")
                    .says("TLS 핸드셰이크 실패")
                    .keeps("error:0A00010B:SSL routines::wrong version number", "TLS 1.2/1.3");
            ko("10.0.0.5 port 443 accepted the connection but closed it without an HTTP answer: the app or a proxy"
                            + " drops the request (plain http to an https port? check the app logs)")
                    .says("HTTP 응답 없이 닫음", "앱 로그")
                    .keeps("10.0.0.5", "443");
            ko("the connection to 10.0.0.5 port 80 was reset: a firewall/IPS or the app aborted it")
                    .says("리셋됨", "방화벽/IPS")
                    .keeps("10.0.0.5", "80");
            ko("the connection to 10.0.0.5 port 80 broke while receiving: Failure when receiving data from the peer")
                    .says("수신 중 끊김")
                    .keeps("Failure when receiving data from the peer");
            ko("10.0.0.5 port 22 answered, but not with HTTP: another service listens on this port (if it is an https"
                            + " port, use https://)")
                    .says("HTTP가 아님", "다른 서비스")
                    .keeps("10.0.0.5", "22");
            ko("The requested URL returned error: 404").says("오류").keeps("404");
            ko("Maximum (50) redirects followed").says("최대 리다이렉트").keeps("50");
            ko("Failure writing output to destination").says("쓰기 실패").keeps();
            ko("cannot use the trusted CA file /etc/probebook/ca.pem (probebook.http.ca-file): /etc/probebook/ca.pem"
                            + " (No such file or directory)")
                    .says("CA 파일")
                    .keeps("/etc/probebook/ca.pem", "(No such file or directory)");
        }

        @Test
        void certificates() {
            ko("the server certificate of shop.example expired on 2024-01-01T00:00:00Z (30 day(s) ago)"
                            + " (CN=shop.example, issued by CN=Test CA): renew the server certificate")
                    .says("서버 인증서 만료", "30일 전", "발급자", "갱신하세요")
                    .keeps("shop.example", "2024-01-01T00:00:00Z", "CN=shop.example", "CN=Test CA");
            ko("the server certificate of shop.example expired: renew the server certificate")
                    .says("만료")
                    .keeps("shop.example");
            ko("the server certificate of shop.example is not valid before 2030-01-01T00:00:00Z (CN=shop.example,"
                            + " issued by CN=Test CA): check the clock on both machines")
                    .says("유효하지 않음", "시계")
                    .keeps("2030-01-01T00:00:00Z", "CN=Test CA");
            ko("the server certificate of shop.example is not valid before its start date: check the clock on both"
                            + " machines")
                    .says("시작일")
                    .keeps("shop.example");
            ko("the server certificate of shop.example is not trusted here: unable to get local issuer certificate"
                            + " (CN=shop.example, issued by CN=Private CA); it also expired on 2024-01-01T00:00:00Z."
                            + " Trust its CA (probebook.http.ca-file, or the system CA bundle) or use -k to inspect")
                    .says("신뢰할 수 없음", "발급자 인증서를 찾을 수 없음", "만료되기도 함", "-k로 살펴보세요")
                    .keeps("shop.example", "CN=Private CA", "2024-01-01T00:00:00Z", "probebook.http.ca-file");
            ko("the server certificate of shop.example is not trusted here: self-signed certificate in certificate"
                            + " chain. Trust its CA (probebook.http.ca-file, or the system CA bundle) or use -k to"
                            + " inspect")
                    .says("인증서 체인에 자체 서명 인증서")
                    .keeps();
            ko("the certificate of 10.0.0.5 port 443 does not name 10.0.0.5 (it names: shop.example,"
                            + " www.shop.example): use a name the certificate covers, or reissue the certificate with"
                            + " 10.0.0.5")
                    .says("이름이 없음", "다시 발급")
                    .keeps("10.0.0.5", "443", "shop.example, www.shop.example");
        }

        @Test
        void publicIp() {
            ko("the public IP is 203.0.113.7 and interface eth0 holds it: this server is directly on the internet (no"
                            + " NAT). Remote firewalls must allow 203.0.113.7")
                    .says("공인 IP", "인터넷에 직접 연결됨", "허용 필요")
                    .keeps("203.0.113.7", "eth0");
            ko("the public IP is 203.0.113.7: traffic leaves through NAT (or a load balancer): the public IP is not on"
                            + " any interface here. Remote firewalls (e.g. an API server's inbound rules) must allow"
                            + " 203.0.113.7, not this server's own address")
                    .says("NAT", "인바운드 규칙", "자체 주소가 아니라")
                    .keeps("203.0.113.7");
            ko("no answer from ifconfig.me (Connection timed out): no internet egress from here. That is normal for a"
                            + " server in a private subnet; it needs a NAT gateway or proxy to reach the internet")
                    .says("응답 없음", "시간 초과", "NAT 게이트웨이")
                    .keeps("ifconfig.me");
            ko("ifconfig.me answered HTTP 200, but not with an IP address ('<html>captive</html>'): a proxy or captive"
                            + " portal may be in the way, or the service changed")
                    .says("IP 주소가 아님", "캡티브 포털")
                    .keeps("ifconfig.me", "HTTP 200", "'<html>captive</html>'");
            ko("the IP echo service URL 'ftp://x' is not usable (probebook.public-ip.url): curl: unsupported protocol"
                            + " ftp")
                    .says("IP 에코 서비스")
                    .keeps("'ftp://x'", "curl: unsupported protocol ftp");
            ko("bad address 999.1.1.1").says("잘못된 주소").keeps("999.1.1.1");
        }
    }

    // --- dns -------------------------------------------------------------------------------------------------------

    @Nested
    class Dns {
        @Test
        void answers() {
            ko("app.test resolves to 10.0.0.5 (answer from 127.0.0.1#5353): the address clients connect to; behind a"
                            + " WAF or load balancer it is the front public IP that partners must allow")
                    .says("클라이언트가 접속하는 주소", "로드 밸런서", "공인 IP")
                    .keeps("app.test", "10.0.0.5", "127.0.0.1#5353");
            ko("www.app.test (alias for app.test) resolves to 10.0.0.5, 10.0.0.6 (answer from 127.0.0.1#53): the"
                            + " address clients connect to; behind a WAF or load balancer it is the front public IP"
                            + " that partners must allow")
                    .says("별칭")
                    .keeps("www.app.test", "app.test", "10.0.0.5, 10.0.0.6");
            ko("localhost.test resolves to 127.0.0.1 (answer from 127.0.0.1#53): a loopback address, this machine"
                            + " itself")
                    .says("루프백 주소")
                    .keeps("localhost.test", "127.0.0.1#53");
            ko("db.test resolves to 10.9.9.9 (answer from 127.0.0.1#53): a private address, reachable from inside the"
                            + " network only")
                    .says("사설 주소", "내부망")
                    .keeps("db.test", "10.9.9.9");
            ko("10.0.0.5 points back to app.test. (PTR record from 127.0.0.1#53)")
                    .says("역방향 조회", "PTR 레코드")
                    .keeps("10.0.0.5", "app.test.", "127.0.0.1#53");
            ko("app.test has 2 MX records: 10 mail.app.test., 20 mx2.app.test.")
                    .says("레코드 2개")
                    .keeps("app.test", "MX", "10 mail.app.test., 20 mx2.app.test.");
            ko("app.test has 1 TXT record: \"v=spf1 -all\"").says("레코드 1개").keeps("TXT", "\"v=spf1 -all\"");
            ko("DNS says app.test resolves to 10.0.0.5, but /etc/hosts maps it to 10.0.0.9: programs on this host use"
                            + " the hosts file, others use DNS. That explains \"works here, fails there\": fix or remove"
                            + " the stale hosts entry")
                    .says("DNS 응답은", "매핑은", "오래된 hosts 항목")
                    .keeps("app.test", "10.0.0.5", "/etc/hosts", "10.0.0.9");
        }

        @Test
        void failures() {
            ko("the name does not exist in DNS: check the spelling, or the record was never created (missing.test:"
                            + " NXDOMAIN from 127.0.0.1#53)")
                    .says("DNS에 없는 이름", "철자")
                    .keeps("missing.test", "NXDOMAIN", "127.0.0.1#53");
            ko("the name does not exist in DNS: check the spelling, or the record was never created (10.0.0.5:"
                            + " NXDOMAIN from 127.0.0.1#53). 10.0.0.5 is an IP address: to find its name use dig -x"
                            + " 10.0.0.5")
                    .says("IP 주소임")
                    .keeps("dig -x 10.0.0.5");
            ko("app.test does not exist in DNS, but /etc/hosts maps it to 10.0.0.5: it works on this host only; other"
                            + " hosts cannot resolve it. Create the DNS record if others need it")
                    .says("이 호스트에서만 동작", "DNS 레코드를 만드세요")
                    .keeps("app.test", "/etc/hosts", "10.0.0.5");
            ko("10.0.0.5 has no PTR record (no reverse DNS): common, and it does not mean the IP serves no domain. Look"
                            + " the domain up forward instead (nslookup DOMAIN)")
                    .says("PTR 레코드 없음", "정방향")
                    .keeps("10.0.0.5", "nslookup DOMAIN");
            ko("dangling.test is an alias (CNAME) for gone.test, which does not exist in DNS (NXDOMAIN from"
                            + " 127.0.0.1#53): fix the CNAME or create the record for gone.test")
                    .says("별칭(CNAME)", "DNS에 없음")
                    .keeps("dangling.test", "gone.test", "127.0.0.1#53");
            ko("DNS server 127.0.0.1#53 could not resolve app.test (SERVFAIL): its upstream or the domain's own name"
                            + " servers failed (down, unreachable, broken DNSSEC). Retry, then ask another resolver (dig"
                            + " @OTHER_SERVER app.test) to tell a resolver problem from a domain problem")
                    .says("해석 실패", "업스트림", "다른 리졸버")
                    .keeps("127.0.0.1#53", "app.test", "SERVFAIL", "dig @OTHER_SERVER app.test");
            ko("DNS server 127.0.0.1#53 refused the query (REFUSED): it does not resolve for this client or this"
                            + " domain. Use the resolver in /etc/resolv.conf, or ask its admin to allow this host")
                    .says("질의 거부", "관리자")
                    .keeps("127.0.0.1#53", "/etc/resolv.conf");
            ko("DNS server 127.0.0.1#53 answered NOTIMP for app.test: the question could not be answered")
                    .says("답할 수 없음")
                    .keeps("127.0.0.1#53", "NOTIMP", "app.test");
            ko("app.test has no AAAA record in DNS, but /etc/hosts maps it to ::1: it works on this host only; other"
                            + " hosts cannot resolve it")
                    .says("레코드가 없지만")
                    .keeps("app.test", "AAAA", "::1");
            ko("www.app.test is an alias (CNAME) for app.test, which has no AAAA record: fix the alias target or create"
                            + " the record")
                    .says("별칭", "레코드 없음")
                    .keeps("www.app.test", "AAAA");
            ko("app.test exists in DNS but has no MX record (NOERROR, empty answer from 127.0.0.1#53): check the record"
                            + " type asked for, or create the record")
                    .says("레코드 유형")
                    .keeps("app.test", "MX", "NOERROR", "127.0.0.1#53");
        }

        @Test
        void noReply() {
            ko("DNS server 127.0.0.1#53 did not answer: check /etc/resolv.conf, the network path to it (UDP 53 through"
                            + " firewalls and security groups) and that the server is up")
                    .says("응답 없음", "보안 그룹", "살아 있는지")
                    .keeps("127.0.0.1#53", "/etc/resolv.conf", "UDP 53");
            ko("none of the DNS servers (10.0.0.2#53, 10.0.0.3#53) did not answer: check probebook.dns.servers, the"
                            + " network path to it (UDP 53 through firewalls and security groups) and that the server is"
                            + " up (meanwhile /etc/hosts maps app.test to 10.0.0.5, so programs on this host still"
                            + " resolve it)")
                    .says("DNS 서버 모두", "한편")
                    .keeps("10.0.0.2#53, 10.0.0.3#53", "probebook.dns.servers", "app.test", "10.0.0.5");
            ko("nothing answers DNS at 127.0.0.1#5353 (port unreachable): the server address or port is wrong, or its"
                            + " DNS service is down. Check the server address you gave and the server")
                    .says("응답하는 곳 없음", "입력한 서버 주소")
                    .keeps("127.0.0.1#5353");
            ko("DNS server 127.0.0.1#53 gave no usable reply (the reply is not a DNS answer to this query): check"
                            + " probebook.dns.servers and the network path to it (UDP 53)")
                    .says("쓸 수 있는 응답 없음", "DNS 응답이 아님")
                    .keeps("127.0.0.1#53", "UDP 53");
            ko("app.test resolves to 10.0.0.5, but the AAAA query then got no reply. DNS server 127.0.0.1#53 did not"
                            + " answer: check probebook.dns.servers, the network path to it (UDP 53 through firewalls"
                            + " and security groups) and that the server is up. Programs that ask for both wait for"
                            + " this timeout before they connect")
                    .says("이어진", "질의에는 응답 없음", "기다림")
                    .keeps("app.test", "10.0.0.5", "AAAA", "127.0.0.1#53");
            ko("cannot resolve the DNS server name ns1.corp: give the server as an IP address, or check its name")
                    .says("DNS 서버 이름 해석 실패")
                    .keeps("ns1.corp");
            ko("no DNS server configured: /etc/resolv.conf has no nameserver line and probebook.dns.servers is empty."
                            + " Add a nameserver, or name one (nslookup NAME SERVER)")
                    .says("설정된 DNS 서버 없음")
                    .keeps("/etc/resolv.conf", "nslookup NAME SERVER");
            ko("dig: 'a..b' is not a name DNS can ask: empty label")
                    .says("물을 수 있는 이름이 아님")
                    .keeps("dig", "'a..b'", "empty label");
        }
    }

    // --- ping ------------------------------------------------------------------------------------------------------

    @Nested
    class Ping {
        @Test
        void replies() {
            ko("4/4 echo replies from 10.0.0.5, 0% packet loss, avg rtt 0.051 ms: the host is up and the path passes"
                            + " ICMP. Next, test the service port (tcping/telnet/curl)")
                    .says("에코 응답", "패킷 손실 0%", "서비스 포트")
                    .keeps("4/4", "10.0.0.5", "0.051");
            ko("25% packet loss (3/4 replies from app.test (10.0.0.5), avg rtt 1.200 ms): congestion or rate-limited"
                            + " ICMP. Repeat with more packets (ping -c 20 app.test); if the service port answers"
                            + " steadily (tcping), ICMP rate limiting is the likely cause")
                    .says("패킷 손실 25%", "속도 제한")
                    .keeps("app.test (10.0.0.5)", "3/4", "1.200", "ping -c 20 app.test");
            ko("no echo replies from 10.0.0.5 (4 sent), but the host answers on TCP 22 (open): ICMP is blocked by a"
                            + " firewall; use tcping/telnet/curl to test the service port")
                    .says("에코 응답 없음", "열림", "방화벽이 ICMP를 막음")
                    .keeps("10.0.0.5", "4", "TCP 22");
            ko("no echo replies from 10.0.0.5 (4 sent), but the host answers on TCP 443 (connection refused): ICMP is"
                            + " blocked by a firewall; use tcping/telnet/curl to test the service port")
                    .says("연결 거부")
                    .keeps("TCP 443");
            ko("no reply at all from 10.0.0.5: host down, or everything is filtered on the way (no echo replies, and"
                            + " TCP 22/80/443 did not answer within 1000 ms). The receiving side may block ping: test the"
                            + " service port with tcping/telnet/curl, and check that the host is up")
                    .says("아무 응답 없음", "필터링")
                    .keeps("10.0.0.5", "22/80/443", "1000");
            ko("no echo replies from 10.0.0.5 (4 sent): ICMP blocked by a firewall, or the host is down. The receiving"
                            + " side often blocks ping: test the service port with tcping/telnet/curl")
                    .says("방화벽이 ICMP를 막았거나")
                    .keeps("10.0.0.5");
            ko("stopped before the first echo request was sent").says("중지됨").keeps();
            ko("stopped before any reply was due from 10.0.0.5").says("중지됨").keeps("10.0.0.5");
            ko("TCP check instead of ping -p 443: connection refused by 10.0.0.5 port 443: nothing listens on that"
                            + " port, or a firewall rejects it. Check the service (ss -tlnp) and allow the port in the"
                            + " firewall")
                    .says("대신 TCP 확인", "연결 거부")
                    .keeps("ping -p 443", "10.0.0.5");
        }

        @Test
        void icmpErrorsAndSockets() {
            ko("From 10.0.0.1 icmp_seq=1 Destination Host Unreachable: nothing answers at 10.0.0.9 (host down, wrong"
                            + " IP, or no route beyond 10.0.0.1). Check the IP and that the host is up, then the routing")
                    .says("응답하는 것이 없음", "라우팅")
                    .keeps("From 10.0.0.1 icmp_seq=1 Destination Host Unreachable", "10.0.0.9");
            ko("From 10.0.0.1 icmp_seq=2 Destination Host Prohibited: a router or firewall at 10.0.0.1 rejects traffic"
                            + " to app.test (10.0.0.9). Ask for an allow rule; test the service port with"
                            + " tcping/telnet/curl")
                    .says("라우터나 방화벽", "허용 규칙")
                    .keeps("From 10.0.0.1 icmp_seq=2 Destination Host Prohibited", "app.test (10.0.0.9)");
            ko("From 10.0.0.1 icmp_seq=1 Time to live exceeded: the packets loop or the path is longer than the TTL;"
                            + " trace the path (traceroute 10.0.0.9)")
                    .says("루프", "경로를 추적하세요")
                    .keeps("From 10.0.0.1 icmp_seq=1 Time to live exceeded", "traceroute 10.0.0.9");
            ko("From 10.0.0.1 icmp_seq=1 Frag needed and DF set (mtu = 1400): the packet is larger than the path MTU;"
                            + " use a smaller -s, or fix the MTU and allow ICMP 'fragmentation needed' on the path")
                    .says("MTU보다 큼")
                    .keeps("From 10.0.0.1 icmp_seq=1 Frag needed and DF set (mtu = 1400)", "'fragmentation needed'");
            ko("From 10.0.0.1 icmp_seq=1 Parameter problem: pointer = 20: the path to 10.0.0.9 reports a problem")
                    .says("문제를 보고함")
                    .keeps("From 10.0.0.1 icmp_seq=1 Parameter problem: pointer = 20", "10.0.0.9");
            ko("cannot send to 10.0.0.9: local error: Network is unreachable: this machine has no route there. Check"
                            + " the IP and the routing table (ip route get 10.0.0.9)")
                    .says("보낼 수 없음", "라우팅 테이블")
                    .keeps("local error: Network is unreachable", "ip route get 10.0.0.9");
            ko("cannot send to 10.0.0.9: local error: Operation not permitted: a local firewall (iptables/nftables"
                            + " OUTPUT) blocks ICMP from this machine")
                    .says("로컬 방화벽")
                    .keeps("local error: Operation not permitted", "iptables/nftables OUTPUT");
            ko("no permission to send ICMP: raw sockets need root or CAP_NET_RAW, and unprivileged ICMP sockets are not"
                            + " allowed for this group (net.ipv4.ping_group_range = \"1 0\"). Grant it: run as root, or"
                            + " sudo setcap cap_net_raw+ep $(readlink -f $(which java)), or allow unprivileged ICMP with"
                            + " sudo sysctl -w net.ipv4.ping_group_range=\"0 2147483647\"")
                    .says("권한 없음", "비특권")
                    .keeps(
                            "(net.ipv4.ping_group_range = \"1 0\")",
                            "sudo setcap cap_net_raw+ep $(readlink -f $(which java))",
                            "sudo sysctl -w net.ipv4.ping_group_range=\"0 2147483647\"");
            ko("IPv6 is not available on this machine (disabled in the kernel?): ping the IPv4 address instead (ping"
                            + " -4)")
                    .says("IPv6를 쓸 수 없음")
                    .keeps("ping -4");
            ko("cannot open an ICMP socket: Permission denied")
                    .says("ICMP 소켓을 열 수 없음", "권한 없음")
                    .keeps();
            ko("ping needs Linux ICMP sockets, not available on Mac OS X: test the service port with tcping HOST PORT"
                            + " instead")
                    .says("리눅스")
                    .keeps("Mac OS X", "tcping HOST PORT");
            ko("ping cannot reach the operating system's ICMP sockets (JNA failed to load: no libc)")
                    .says("JNA 로드 실패")
                    .keeps("no libc");
            ko("cannot check TCP port 443 instead: tcping: missing host")
                    .says("확인할 수 없음")
                    .keeps("tcping: missing host");
        }
    }

    // --- sockets ---------------------------------------------------------------------------------------------------

    @Nested
    class Sockets {
        @Test
        void portQuestions() {
            ko("port 8080 is open: tcp 0.0.0.0:8080 (1234/java), tcp6 [::]:8080 (1234/java)")
                    .says("포트 열림")
                    .keeps("8080", "tcp 0.0.0.0:8080 (1234/java), tcp6 [::]:8080 (1234/java)");
            ko("port 8080 is open: tcp 127.0.0.1:8080 (1234/java). TCP port 8080 listens on loopback only: other hosts"
                            + " cannot connect (bind 0.0.0.0 or :: to serve them); some processes could not be inspected"
                            + " (run as root to see every owner)")
                    .says("루프백에서만 수신", "바인드하세요", "일부 프로세스")
                    .keeps("tcp 127.0.0.1:8080 (1234/java)", "0.0.0.0");
            ko("port 8080 does listen (tcp 0.0.0.0:8080) but this view hides listening sockets: add -l or -a (netstat"
                            + " -tlnp | grep 8080)")
                    .says("리스닝 소켓을 숨김")
                    .keeps("tcp 0.0.0.0:8080", "netstat -tlnp | grep 8080");
            ko("nothing listens on port 8080: the service is not running, failed to start, or uses another port (check"
                            + " its log and configured port)")
                    .says("리스너 없음", "다른 포트")
                    .keeps("8080");
            ko("nothing listens on port 8080; the 2 matching line(s) are connections or other sockets, not a listener:"
                            + " the service is not running, failed to start, or uses another port (check its log and"
                            + " configured port)")
                    .says("일치한 2줄")
                    .keeps("8080");
            ko("nothing listens on port 1877 itself; '1877' matched part of another listener (tcp 127.0.0.1:18777"
                            + " (17079/python3)): grep ':1877 ' matches the port exactly")
                    .says("리스너 없음", "일부와 일치")
                    .keeps("1877", "tcp 127.0.0.1:18777 (17079/python3)", "':1877 '");
            ko("2 listening TCP ports: 40981, 57307. TCP ports 57307, 40981 listen on loopback only: other hosts cannot"
                            + " connect (bind 0.0.0.0 or :: to serve them); but the accept queue of port 57307 is full (2"
                            + " waiting, limit 1): new connections to it time out. Check that application (ss -tln |"
                            + " grep 57307)")
                    .says("가득 참", "타임아웃")
                    .keeps("57307", "40981");
            ko("port 8080 listens (tcp 127.0.0.1:8080 (123/java)), but its accept queue is full (2 connection(s) waiting"
                            + " in Recv-Q, limit 1 in Send-Q): the kernel drops new SYNs, so clients time out instead of"
                            + " being refused. The application is not taking connections (hung or overloaded) or its"
                            + " backlog is too small: check its threads and logs, then raise its listen backlog (capped"
                            + " by net.core.somaxconn)")
                    .says("가득 참", "타임아웃", "백로그")
                    .keeps("8080", "tcp 127.0.0.1:8080 (123/java)", "net.core.somaxconn");
            ko("port 8080 listens (tcp 0.0.0.0:8080 (123/java)), but 2 connection(s) wait in its accept queue (Recv-Q):"
                            + " if that stays above 0, the application is not accepting them (hung, overloaded, or its"
                            + " backlog is too small) and once the queue is full, new connections time out. Run it"
                            + " again, then check the application's threads and logs")
                    .says("수락 대기열", "타임아웃")
                    .keeps("8080", "tcp 0.0.0.0:8080 (123/java)");
            ko("no socket matches 'ESTAB' (this view hides listening sockets: add -l or -a)")
                    .says("일치하는 소켓 없음")
                    .keeps("'ESTAB'");
            ko("no socket matches the grep filter").says("grep 필터").keeps();
            ko("no listening socket in this listing: this view hides listening sockets, add -l or -a (netstat -tlnp)")
                    .says("리스닝 소켓 없음")
                    .keeps("netstat -tlnp");
            ko("no listening socket in this listing: nothing on this host accepts connections")
                    .says("연결을 받는 것이 없음")
                    .keeps();
            ko("cannot read /proc/net/tcp: socket tables can only be read on Linux")
                    .says("리눅스")
                    .keeps("/proc/net/tcp");
        }

        @Test
        void overviews() {
            ko("2 listening TCP ports: 22, 8080; 5 connection(s)")
                    .says("리스닝 TCP 포트 2개", "연결 5개")
                    .keeps("22, 8080");
            ko("12 listening TCP ports: 22 (1/sshd), 25, 53, 80, 111, 443, 631, 3306 and 4 more; 3 bound UDP ports:"
                            + " 53, 68, 123; 2 UNIX socket(s) (1 listening). TCP ports 631, 3306 listen on loopback only:"
                            + " other hosts cannot connect (bind 0.0.0.0 or :: to serve them)")
                    .says("외 4개", "바인드된 UDP 포트 3개", "UNIX 소켓 2개", "리스닝 1개", "루프백에서만")
                    .keeps("22 (1/sshd), 25, 53, 80, 111, 443, 631, 3306", "53, 68, 123", "631, 3306");
            ko("5 connection(s) (listening sockets are hidden without -l or -a: netstat -tlnp or ss -tlnp lists them)")
                    .says("연결 5개", "숨겨짐")
                    .keeps("netstat -tlnp", "ss -tlnp");
            ko("5 connection(s); 2 UNIX socket(s) (nothing listens in this view)")
                    .says("이 보기에는 리스너 없음")
                    .keeps();
            ko("no sockets in this view").says("소켓 없음").keeps();
            ko("3 socket line(s) match: 1 listening TCP port: 8080; 2 connection(s)")
                    .says("일치하는 소켓 줄 3개", "연결 2개")
                    .keeps("8080");
        }
    }

    // --- interfaces ------------------------------------------------------------------------------------------------

    @Nested
    class Interfaces {
        @Test
        void addresses() {
            ko("public: 203.0.113.7 (eth0); this host has a public address of its own: other hosts on the internet"
                            + " reach it there directly (if firewalls and security groups allow); curl ifconfig.me"
                            + " should print it")
                    .says("공인", "자체 공인 주소")
                    .keeps("203.0.113.7 (eth0)", "curl ifconfig.me");
            ko("private: 10.0.0.5 (eth0), 172.17.0.1 (docker0); no public address on any interface: this host is in a"
                            + " private network — its public IP, if any, comes from NAT (check with curl ifconfig.me)")
                    .says("사설", "공인 주소 없음", "NAT")
                    .keeps("10.0.0.5 (eth0), 172.17.0.1 (docker0)");
            ko("private: 10.0.0.5 (eth0); link-local: 169.254.3.4 (eth1); no public address on any interface: this host"
                            + " is in a private network — its public IP, if any, comes from NAT (check with curl"
                            + " ifconfig.me). A 169.254.x.x address is self-assigned: DHCP got no answer on that"
                            + " interface. eth1 is down: it carries no traffic until brought up (ip link set eth1 up)")
                    .says("링크 로컬", "자동 할당", "다운 상태")
                    .keeps("169.254.3.4 (eth1)", "169.254.x.x", "ip link set eth1 up");
            ko("cgnat: 100.64.1.2 (wg0), 100.64.1.3 (wg0), 100.64.1.4 (wg0), 100.64.1.5 (wg0) and 2 more; no public"
                            + " address on any interface: this host is in a private network — its public IP, if any,"
                            + " comes from NAT (check with curl ifconfig.me)")
                    .says("CGNAT", "외 2개")
                    .keeps("100.64.1.5 (wg0)");
            ko("only loopback addresses: 127.0.0.1 (lo), ::1 (lo); reachable from this host only; no other interface"
                            + " is up with an address (ifconfig -a or ip addr lists all)")
                    .says("루프백 주소뿐", "이 호스트에서만")
                    .keeps("127.0.0.1 (lo), ::1 (lo)", "ifconfig -a");
            ko("no routable address, only IPv6 link-local ones: fe80::1 (eth0); the interface has neither IPv4 nor a"
                            + " global IPv6 address (DHCP or static configuration missing)")
                    .says("라우팅 가능한 주소 없음", "고정 설정 누락")
                    .keeps("fe80::1 (eth0)");
            ko("no address on eth1. eth1 is down: it carries no traffic until brought up (ip link set eth1 up)")
                    .says("주소 없음", "다운")
                    .keeps("eth1");
            ko("no interface to show in this view (ifconfig -a or ip addr lists every interface)")
                    .says("표시할 인터페이스 없음")
                    .keeps();
            ko("there is no interface eth9 on this host; its interfaces are lo, eth0 (names differ between hosts:"
                            + " eth0, ens5, enp0s3, ...)")
                    .says("인터페이스 없음", "호스트마다 다름")
                    .keeps("eth9", "lo, eth0", "ens5");
            ko("links: lo UNKNOWN, eth0 UP, eth1 DOWN; down: eth1 (no traffic until brought up; ip addr shows the"
                            + " addresses)")
                    .says("링크", "다운")
                    .keeps("lo UNKNOWN, eth0 UP, eth1 DOWN", "eth1");
            ko("no link to show").says("링크 없음").keeps();
        }
    }

    // --- hosts -----------------------------------------------------------------------------------------------------

    @Nested
    class Hosts {
        @Test
        void views() {
            ko("3 entries; this host pins app.internal (app) -> 10.0.0.5: requests to those names go there, whatever"
                            + " DNS says")
                    .says("항목 3개", "고정함")
                    .keeps("app.internal (app) -> 10.0.0.5");
            ko("1 entry; every name is resolved by DNS")
                    .says("항목 1개", "DNS로 해석")
                    .keeps();
            ko("2 entries; all for this machine itself (localhost): every other name is resolved by DNS")
                    .says("이 머신 자신")
                    .keeps("localhost");
            ko("4 entries; ignored by the resolver: line 3 '10.0.0.x app' (10.0.0.x is not an IP address), line 5"
                            + " '10.0.0.7' (no host name after the address); fix or comment out; app has 2 addresses:"
                            + " 10.0.0.5 (line 2), 10.0.0.6 (line 4); clients get all of them and try 10.0.0.5 first:"
                            + " keep one line; this host pins a -> 10.0.0.1, b -> 10.0.0.2, c -> 10.0.0.3, d -> 10.0.0.4,"
                            + " e -> 10.0.0.5 and 2 more: requests to those names go there, whatever DNS says")
                    .says("리졸버가 무시하는 줄", "3행", "IP 주소가 아님", "호스트 이름 없음", "주석 처리", "한 줄만", "외 2개")
                    .keeps("'10.0.0.x app'", "'10.0.0.7'", "10.0.0.5 (2행), 10.0.0.6 (4행)");
            ko("read-only view of /etc/hosts: 2 entries; editing is a separate, guarded action (admins: the hosts"
                            + " editor in the web notebook; from a shell, edit the file yourself)")
                    .says("읽기 전용", "보호된 작업")
                    .keeps("/etc/hosts");
            ko("read-only view of /etc/hosts: 2 entries; editing is a separate, guarded action (admins: the hosts"
                            + " editor in the web notebook; from a shell, edit the file yourself); app has 2 addresses:"
                            + " 10.0.0.5 (line 2), 10.0.0.6 (line 3); clients get all of them and try 10.0.0.5 first:"
                            + " keep one line")
                    .says("한 줄만")
                    .keeps("10.0.0.5");
            ko("/etc/hosts does not exist: no name is pinned on this host, every lookup goes to DNS (even localhost,"
                            + " unless the resolver provides it)")
                    .says("파일 없음")
                    .keeps("/etc/hosts");
            ko("cannot read /etc/hosts (Permission denied): run Probebook as a user that can read it")
                    .says("읽기 실패", "권한 없음")
                    .keeps("/etc/hosts");
        }

        @Test
        void changes() {
            ko("already in /etc/hosts: '10.0.0.5 app' (line 4); nothing to change")
                    .says("이미", "바꿀 것 없음")
                    .keeps("'10.0.0.5 app'", "4행");
            ko("would add '10.0.0.5 app' to /etc/hosts (not written: hosts-file writes are a separate, guarded action)")
                    .says("추가 예정", "쓰지 않음")
                    .keeps("'10.0.0.5 app'", "/etc/hosts");
            ko("would change app from 10.0.0.5 to 10.0.0.9 (line 4); not written: hosts-file writes are a separate,"
                            + " guarded action")
                    .says("변경 예정", "4행", "쓰지 않음")
                    .keeps("app 10.0.0.5 → 10.0.0.9");
            ko("would change app from 10.0.0.5 to 10.0.0.9 (line 4), api from 10.0.0.5 to 10.0.0.9 (line 4), but"
                            + " appending keeps line 4 first: clients would still try 10.0.0.5 first, so edit line 4"
                            + " instead; not written: hosts-file writes are a separate, guarded action")
                    .says("끝에 추가하면", "대신 4행을 고치세요")
                    .keeps("api 10.0.0.5 → 10.0.0.9");
        }

        @Test
        void getent() {
            ko("3 entries in /etc/hosts").says("항목 3개").keeps("/etc/hosts");
            ko("app -> 10.0.0.5 from /etc/hosts (line 4): this host does not ask DNS for this name")
                    .says("4행", "DNS에 묻지 않음")
                    .keeps("app", "10.0.0.5", "/etc/hosts");
            ko("app.test -> 10.0.0.5, ::1 from DNS (not in /etc/hosts); ghost is in neither the hosts file nor DNS:"
                            + " check the spelling, ask DNS directly (nslookup ghost), or pin it in /etc/hosts")
                    .says("DNS에서", "에는 없음", "hosts 파일에도 DNS에도 없음")
                    .keeps("app.test", "10.0.0.5, ::1", "ghost");
            ko("app.test -> 10.0.0.5 from the system resolver (not in /etc/hosts)")
                    .says("시스템 리졸버")
                    .keeps();
            ko("10.0.0.5 is app in /etc/hosts (line 4)").says("4행").keeps("10.0.0.5", "app");
            ko("10.0.0.5 is app.test. by reverse DNS (PTR)").says("역방향 DNS").keeps("app.test.");
            ko("10.0.0.9 has no name in /etc/hosts and no PTR record in DNS: reverse lookups of this address give"
                            + " nothing")
                    .says("이름 없음", "PTR 레코드도 없음")
                    .keeps("10.0.0.9");
            ko("::1 is an IPv6 address: ahostsv4 returns only IPv4 addresses")
                    .says("IPv6 주소임")
                    .keeps("::1");
            ko("10.0.0.5 is an address: getent returns it as is, nothing is looked up")
                    .says("주소임", "그대로")
                    .keeps("10.0.0.5");
        }
    }

    // --- capture ---------------------------------------------------------------------------------------------------

    @Nested
    class Capture {
        @Test
        void verdicts() {
            ko("handshake completed (SYN, SYN-ACK, ACK): 10.0.0.2:50000 > 10.0.0.5:443. The path is open and"
                            + " something listens on port 443; if the application still fails, look above TCP (TLS,"
                            + " HTTP status, application logs)")
                    .says("핸드셰이크 완료", "리스너가 있음", "TCP 위 계층")
                    .keeps("10.0.0.2:50000 > 10.0.0.5:443", "443");
            ko("the server answered the SYN (SYN-ACK): 5 connections to 10.0.0.5:443, 10.0.0.6:443, 10.0.0.7:443 ...."
                            + " The path is open and something listens on port 443; if the application still fails, look"
                            + " above TCP (TLS, HTTP status, application logs)")
                    .says("서버가 SYN에 응답함", "10.0.0.7:443 ... 대상 연결 5개. ")
                    .keeps("10.0.0.5:443, 10.0.0.6:443, 10.0.0.7:443");
            ko("SYN from 10.0.0.2:50000 to 10.0.0.5:443 retransmitted 2 times with no reply: a firewall drops it on the"
                            + " way (or the host is down). Open TCP port 443 from the client to the server in the"
                            + " firewalls / security groups on the path")
                    .says("2번 재전송했지만", "방화벽이 중간에서 버림", "포트를 여세요")
                    .keeps("10.0.0.2:50000", "10.0.0.5:443");
            ko("SYN to 10.0.0.5:443 sent 3 times with no reply (3 connection attempts): a firewall drops it on the way"
                            + " (or the host is down). Open TCP port 443 from the client to the server in the firewalls /"
                            + " security groups on the path; 10.0.0.6:80 answered the SYN from 10.0.0.2:50001 with RST:"
                            + " connection refused. The host is reachable but nothing listens on port 80 (check the"
                            + " service: ss -lnt on the server), or a firewall REJECTs it (and 1 more)")
                    .says("3번 보냈지만", "연결 시도 3번", "RST로 응답", "연결 거부", "외 1건")
                    .keeps("10.0.0.5:443", "10.0.0.6:80", "10.0.0.2:50001", "ss -lnt");
            ko("SYN from 10.0.0.2:50000 to 10.0.0.5:443 was rejected with ICMP port unreachable: a firewall REJECT rule"
                            + " or the routing refuses it: check the firewall rules on the path")
                    .says("거부됨", "방화벽 규칙")
                    .keeps("ICMP port unreachable");
            ko("SYN from 10.0.0.2:50000 to 10.0.0.5:443 was rejected with ICMP port unreachable: a firewall REJECT rule"
                            + " or the routing refuses it: check the firewall rules on the path; SYN from 10.0.0.2:50001"
                            + " to 10.0.0.6:443 was rejected with ICMP host unreachable: a firewall REJECT rule or the"
                            + " routing refuses it: check the firewall rules on the path")
                    .says("거부됨 (ICMP port unreachable)", "거부됨 (ICMP host unreachable)")
                    .keeps("10.0.0.6:443", "ICMP port unreachable", "ICMP host unreachable");
            ko("10.0.0.5:443 answered 3 times (SYN-ACK) but the client never completed the handshake: the reply does"
                            + " not reach the client (asymmetric routing or a firewall on the return path) (2 connection"
                            + " attempts)")
                    .says("비대칭 라우팅", "연결 시도 2번")
                    .keeps("10.0.0.5:443");
            ko("intermittent: 3 of 4 connections to 10.0.0.5:443, 10.0.0.6:443 completed, 1 failed (10.0.0.6:443: SYN"
                            + " retransmitted 2 times with no reply: a firewall drops it). Typical of a load balancer"
                            + " (VIP) whose members differ: test each member (real server) directly")
                    .says("간헐적", "재전송", "실서버")
                    .keeps("10.0.0.5:443, 10.0.0.6:443", "10.0.0.6:443");
            ko("SYN 10.0.0.2:50000 > 10.0.0.5:443 was sent just before the capture ended and has no reply yet: capture"
                            + " longer (raise -c or probebook.capture.max-duration) to see whether it is answered or"
                            + " dropped")
                    .says("더 오래 캡처")
                    .keeps("10.0.0.2:50000 > 10.0.0.5:443");
            ko("no packets matched: nothing was sent to that host during the capture, or the filter or interface is"
                            + " wrong (interface eth0, filter 'host 10.0.0.5 and tcp port 443'). Make the request while"
                            + " tcpdump is listening; check the interface with tcpdump -D")
                    .says("일치한 패킷 없음", "인터페이스")
                    .keeps("eth0", "'host 10.0.0.5 and tcp port 443'", "tcpdump -D");
            ko("captured 12 packets; traffic flows both ways between 10.0.0.2 and 10.0.0.5 (no new TCP connection was"
                            + " opened during the capture)")
                    .says("양방향")
                    .keeps("12", "10.0.0.2", "10.0.0.5");
            ko("captured 1 packet (no IP traffic among them to judge)")
                    .says("패킷 1개 캡처")
                    .keeps();
            ko("captured 4 packets, all one way (10.0.0.2 > 10.0.0.5) with no reply: the replies are dropped or come"
                            + " back another way (another interface or route)")
                    .says("한 방향")
                    .keeps("10.0.0.2 > 10.0.0.5");
        }

        @Test
        void runningTheCapture() {
            ko("handshake completed (SYN, SYN-ACK, ACK): 10.0.0.2:50000 > 10.0.0.5:443. The path is open and something"
                            + " listens on port 443; if the application still fails, look above TCP (TLS, HTTP status,"
                            + " application logs). Saved 9 packets to /var/lib/probebook/captures/2025/cap.pcap (the"
                            + " kernel dropped 3 packets: the picture may be incomplete)")
                    .says("패킷 9개를", "저장함", "커널이 패킷 3개를 버림")
                    .keeps("/var/lib/probebook/captures/2025/cap.pcap");
            ko("5 packets read from capture-20261207-030000-1a2b3c.pcap: handshake completed (SYN, SYN-ACK, ACK):"
                            + " 10.0.0.1:40002 > 10.0.0.5:80. The path is open and something listens on port 80; if the"
                            + " application still fails, look above TCP (TLS, HTTP status, application logs)")
                    .says("패킷 5개를 읽음")
                    .keeps("capture-20261207-030000-1a2b3c.pcap", "10.0.0.1:40002 > 10.0.0.5:80");
            ko("no packets in capture-20261207-030000-1a2b3c.pcap matched the filter 'port 53': the capture caught none,"
                            + " or the filter leaves them out")
                    .says("패킷 없음", "걸러 냄")
                    .keeps("'port 53'");
            ko("no packets in capture-20261207-030000-1a2b3c.pcap: the capture caught none")
                    .says("패킷 없음");
            ko("no saved capture for /tmp/web.pcap: Probebook reads only the captures it saved (tcpdump -w /tmp/web.pcap"
                            + " first, then -r the same name); the newest: capture-20261207-030000-1a2b3c.pcap")
                    .says("저장된 캡처 없음", "최근 캡처")
                    .keeps("/tmp/web.pcap", "capture-20261207-030000-1a2b3c.pcap");
            ko("no saved capture for web.pcap: Probebook reads only the captures it saved (tcpdump -w web.pcap first,"
                            + " then -r the same name); none is saved yet")
                    .says("아직 저장된 캡처 없음");
            ko("the file capture-20261207-030000-1a2b3c.pcap ends early (truncated dump file; tried to read 54 captured"
                            + " bytes, only got 44). What it holds: 4 packets read from"
                            + " capture-20261207-030000-1a2b3c.pcap: handshake completed (SYN, SYN-ACK, ACK):"
                            + " 10.0.0.1:40002 > 10.0.0.5:80. The path is open and something listens on port 80; if the"
                            + " application still fails, look above TCP (TLS, HTTP status, application logs)")
                    .says("중간에 끝남", "담긴 내용")
                    .keeps("truncated dump file; tried to read 54 captured bytes, only got 44");
            ko("the capture on eth0 broke off: The interface went down (libpcap). What it caught before: captured 1"
                            + " packet (no IP traffic among them to judge)")
                    .says("캡처가 중단됨", "그 전까지")
                    .keeps("eth0", "The interface went down");
            ko("3 capture interfaces: eth0, lo, any (use one with -i)")
                    .says("인터페이스 3개")
                    .keeps("eth0, lo, any");
            ko("libpcap lists no interfaces: is this a container without network access?")
                    .says("컨테이너")
                    .keeps();
            ko("cannot resolve app.internal (in the capture filter): check the name (nslookup app.internal), add it to"
                            + " /etc/hosts, or write the IP address in the filter")
                    .says("캡처 필터", "이름 해석 실패")
                    .keeps("app.internal", "nslookup app.internal");
            ko("no interface is up to capture on: name one with -i (tcpdump -D lists them) or set"
                            + " probebook.capture.interface")
                    .says("올라와 있지 않음")
                    .keeps("probebook.capture.interface");
            ko("the capture filter 'hots 10.0.0.5' is not valid pcap-filter syntax (cannot compile the filter: syntax"
                            + " error). Write it like: host 10.0.0.5 and tcp port 443")
                    .says("문법이 아님", "예: ")
                    .keeps(
                            "'hots 10.0.0.5'",
                            "cannot compile the filter: syntax error",
                            "host 10.0.0.5 and tcp port 443");
            ko("capturing packets needs root or the CAP_NET_RAW capability: run Probebook as root, or grant it to its"
                            + " Java once: sudo setcap cap_net_raw,cap_net_admin=eip $(readlink -f $(which java))")
                    .says("권한이 필요함")
                    .keeps("CAP_NET_RAW", "sudo setcap cap_net_raw,cap_net_admin=eip $(readlink -f $(which java))");
            ko("interface eth1 is down: nothing passes through it. Capture on an interface that is up (tcpdump -D), or"
                            + " bring it up (ip link set eth1 up)")
                    .says("인터페이스 다운")
                    .keeps("eth1", "ip link set eth1 up");
            ko("interface eht0 does not exist on this machine (did you mean eth0?); use one of: eth0, lo. Fix -i, or"
                            + " leave it out to use the default interface")
                    .says("인터페이스 없음", "혹시", "기본 인터페이스")
                    .keeps("eht0", "eth0", "eth0, lo");
            ko("cannot capture on eth0: socket: Address family not supported by protocol")
                    .says("캡처할 수 없음")
                    .keeps("eth0", "socket: Address family not supported by protocol");
            ko("libpcap cannot be loaded (UnsatisfiedLinkError): install libpcap (apt-get install libpcap0.8) and run"
                            + " again")
                    .says("불러올 수 없음")
                    .keeps("UnsatisfiedLinkError", "apt-get install libpcap0.8");
            ko("the capture handle closed unexpectedly: handle closed")
                    .says("예기치 않게")
                    .keeps("handle closed");
            ko("cannot create the capture file under /var/lib/probebook/captures (probebook.data-dir): Permission"
                            + " denied")
                    .says("캡처 파일을 만들 수 없음")
                    .keeps("/var/lib/probebook/captures", "Permission denied");
        }
    }

    // --- package managers and shell commands -------------------------------------------------------------------------

    @Test
    void installAndShellCommands() {
        ko("tcping is built into Probebook: nothing to install.").says("내장").keeps("tcping");
        ko("tcping, bind-utils (nslookup, dig) and net-tools (netstat) are built into Probebook: nothing to install.")
                .says("설치할 필요 없음")
                .keeps("tcping, bind-utils (nslookup, dig), net-tools (netstat)");
    }

    // --- real summaries from real runs on loopback -------------------------------------------------------------------

    @Nested
    class FromRealRuns {

        @TempDir
        Path tmp;

        /** A harness whose names never reach the machine's resolver: a hosts file of its own, DNS on loopback. */
        private ProbeHarness harness(String dnsServer) throws Exception {
            Path hosts = tmp.resolve("hosts");
            Files.writeString(
                    hosts, "127.0.0.1 localhost\n10.0.0.5 app.internal app\n10.0.0.6 app.internal\n127.0.0.1 db.lab\n");
            Map<String, String> props = new HashMap<>();
            props.put("probebook.hosts-file", hosts.toString());
            props.put("probebook.dns.servers", dnsServer);
            props.put("probebook.dns.timeout", "300ms");
            props.put("probebook.tcp.connect-timeout", "700ms");
            props.put("probebook.tcp.tcping-timeout", "500ms");
            props.put("probebook.tcp.banner-wait", "300ms");
            props.put("probebook.http.max-time", "10s");
            return new ProbeHarness(props);
        }

        private ProbeHarness harness() throws Exception {
            return harness("127.0.0.1:" + LoopbackServers.closedPort());
        }

        @Test
        void tcpRefusedAndOpen() throws Exception {
            ProbeHarness h = harness();
            int closed = LoopbackServers.closedPort();
            RunResult refused = h.run("telnet 127.0.0.1 " + closed);
            assertThat(refused.verdict()).isEqualTo(Verdict.FAIL);
            ko(refused.summary()).says("연결 거부", "방화벽").keeps("127.0.0.1", String.valueOf(closed), "ss -tlnp");

            try (var server = new LoopbackServers.Open("SSH-2.0-OpenSSH_9.2\r\n")) {
                RunResult open = h.run("nc -zv 127.0.0.1 " + server.port());
                assertThat(open.verdict()).isEqualTo(Verdict.OK);
                ko(open.summary()).says("열림", "리스너").keeps("127.0.0.1", String.valueOf(server.port()));

                RunResult telnet = h.run("telnet 127.0.0.1 " + server.port());
                ko(telnet.summary()).says("연결됨", "배너").keeps("SSH-2.0-OpenSSH_9.2");

                RunResult tcping = h.run("tcping -n 2 -i 0.1 127.0.0.1 " + server.port());
                ko(tcping.summary()).says("열림").keeps(String.valueOf(server.port()));
            }
        }

        @Test
        void httpRefusedAndOk() throws Exception {
            ProbeHarness h = harness();
            int closed = LoopbackServers.closedPort();
            RunResult refused = h.run("curl http://127.0.0.1:" + closed + "/");
            assertThat(refused.verdict()).isEqualTo(Verdict.FAIL);
            ko(refused.summary())
                    .says("연결 거부", "방화벽/보안 그룹", "URL의 :" + closed)
                    .keeps("127.0.0.1", String.valueOf(closed));

            try (MockWebServer server = new MockWebServer()) {
                server.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
                server.enqueue(new MockResponse.Builder()
                        .status("HTTP/1.1 200 OK")
                        .body("hello\n")
                        .build());
                server.enqueue(new MockResponse.Builder()
                        .status("HTTP/1.1 404 Not Found")
                        .body("no\n")
                        .build());
                server.enqueue(new MockResponse.Builder()
                        .status("HTTP/1.1 503 Service Unavailable")
                        .body("down\n")
                        .build());
                String url = "http://127.0.0.1:" + server.getPort() + "/";

                RunResult ok = h.run("curl " + url);
                assertThat(ok.verdict()).isEqualTo(Verdict.OK);
                ko(ok.summary()).says("서버에 도달 가능하고 앱이 응답함").keeps("127.0.0.1:" + server.getPort(), "HTTP 200 OK");

                RunResult notFound = h.run("curl -o page.html " + url);
                ko(notFound.summary()).says("앱이 이 요청을 거부함", "저장하지 않음").keeps("HTTP 404 Not Found", "page.html");

                RunResult failing = h.run("curl -s " + url);
                ko(failing.summary()).says("애플리케이션이 실패함").keeps("HTTP 503 Service Unavailable");
            }
        }

        @Test
        void dnsAgainstTheLoopbackDnsServer() throws Exception {
            try (DnsResponder dns = DnsResponder.start()
                    .a("app.test", "10.0.0.5")
                    .cname("www.app.test", "app.test")
                    .empty("empty.test")) {
                ProbeHarness h = harness(dns.server());
                String server = "127.0.0.1#" + dns.port();

                ko(h.run("nslookup app.test").summary()).says("사설 주소").keeps("app.test", "10.0.0.5", server);
                ko(h.run("dig www.app.test").summary()).says("별칭").keeps("www.app.test", "10.0.0.5");
                RunResult missing = h.run("nslookup missing.test");
                assertThat(missing.verdict()).isEqualTo(Verdict.FAIL);
                ko(missing.summary()).says("DNS에 없는 이름").keeps("missing.test", "NXDOMAIN", server);
                ko(h.run("dig empty.test MX").summary()).says("레코드 없음").keeps("empty.test", "MX", server);
            }
            try (DnsResponder silent = DnsResponder.silent()) {
                RunResult r = harness(silent.server()).run("nslookup app.test");
                assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
                ko(r.summary()).says("응답 없음").keeps("127.0.0.1#" + silent.port());
            }
        }

        @Test
        void socketsHostsInterfacesAndShell() throws Exception {
            ProbeHarness h = harness();
            assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "needs Linux /proc");
            try (ServerSocketChannel tcp = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
                tcp.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
                int port = tcp.socket().getLocalPort();
                ko(h.run("netstat -tlnp | grep " + port).summary())
                        .says("포트 열림", "루프백에서만")
                        .keeps(String.valueOf(port));
                ko(h.run("ss -tln sport = :" + port).summary()).says("포트 열림").keeps(String.valueOf(port));
                ko(h.run("ss -tln").summary()).says("리스닝 TCP 포트").keeps();
            }
            ko(h.run("cat /etc/hosts").summary()).says("항목", "한 줄만", "고정함").keeps("app.internal", "10.0.0.5");
            ko(h.run("getent hosts app.internal db.lab").summary())
                    .says("DNS에 묻지 않음")
                    .keeps("app.internal");
            ko(h.run("echo \"10.0.0.9 app.internal\" >> /etc/hosts").summary())
                    .says("변경 예정", "쓰지 않음")
                    .keeps("10.0.0.9");
            assumeTrue(Files.isDirectory(Path.of("/sys/class/net/lo")), "needs a loopback interface");
            ko(h.run("ip addr show lo").summary()).says("루프백").keeps("127.0.0.1 (lo)");
            ko(h.run("yum install -y telnet bind-utils").summary())
                    .says("내장")
                    .keeps("telnet", "bind-utils (nslookup, dig)");
            ko(h.run("systemctl restart nginx").summary())
                    .says("실행하지 않음", "내장되어 있지 않음")
                    .keeps("systemctl");
        }
    }
}
