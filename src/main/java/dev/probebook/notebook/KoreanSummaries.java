package dev.probebook.notebook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Korean rendering of a step's one-line summary (the probes' verdict meanings, the step runner's skip and
 * refusal messages, the access, limit and target-policy refusals), for the Korean notebook page.
 *
 * <p>An ordered list of rules, each a whole-string pattern and a Korean template. Hosts, ports, addresses, numbers,
 * file names, commands, HTTP status lines and quoted values are carried over exactly. A template may translate one
 * of its groups again ({@code {N}}), and a text no rule matches as a whole is split at a clause boundary
 * ({@code ". "}, {@code ": "}, {@code "; "}, outside parentheses and backticks) and translated clause by clause, so
 * the advice sentences the probes append to a lead clause combine without one rule per combination.
 *
 * <p>All or nothing: a text is translated only when every one of its clauses is; otherwise the English comes back
 * unchanged, never a half-English mix.
 */
final class KoreanSummaries {

    private KoreanSummaries() {}

    /** A summary as a page in {@code locale} shows it: in Korean on a Korean page (where a rendering exists). */
    static String forPage(java.util.Locale locale, String english) {
        return locale != null && NotebookTexts.KOREAN.getLanguage().equals(locale.getLanguage())
                ? translate(english)
                : english;
    }

    /** The Korean rendering of {@code english}, or {@code english} unchanged when no rule covers all of it. */
    static String translate(String english) {
        if (english == null || english.isBlank()) {
            return english;
        }
        String korean = new Translation().ko(english);
        return korean == null ? english : korean;
    }

    // --- rules ----------------------------------------------------------------------------------------------------

    /** Builds the Korean text from a match; throws {@link Untranslated} when a part it needs has no rendering. */
    @FunctionalInterface
    private interface Template {
        String korean(Matcher m, Translation t);
    }

    private record Rule(Pattern pattern, Template template) {}

    /** A part without a Korean rendering: the rule that needed it does not apply. */
    private static final class Untranslated extends RuntimeException {
        Untranslated() {
            super(null, null, false, false);
        }
    }

    /** A rule with a template: {@code $N} is group N as it is, {@code {N}} is group N translated (a missing group is empty). */
    private static Rule r(String regex, String template) {
        return new Rule(Pattern.compile(regex), (m, t) -> expand(template, m, t));
    }

    private static Rule r(String regex, Template template) {
        return new Rule(Pattern.compile(regex), template);
    }

    /** A message carried over as it is, up to the next sentence (curl's, the system's): no ". " inside. */
    private static final String MSG = "((?:(?!\\. ).)+)";
    /** {@code 22, 8080 (java)} */
    private static final String PORTS = "(\\d+(?: \\([^)]*\\))?(?:, \\d+(?: \\([^)]*\\))?)*)";
    /** {@code tcp 0.0.0.0:8080 (123/java), tcp6 [::]:8080} */
    private static final String SOCKETS =
            "((?:tcp|udp|raw)6? \\S+(?: \\([^)]*\\))?(?:, (?:tcp|udp|raw)6? \\S+(?: \\([^)]*\\))?)*)";
    /** {@code 10.0.0.5 (eth0), 10.0.0.6 (eth1) and 2 more} */
    private static final String ADDRESSES = "(\\S+ \\([^)]*\\)(?:, \\S+ \\([^)]*\\))*(?: and \\d+ more)?)";
    /** {@code 10.0.0.5, ::1}: addresses joined by ", " (no clause can hide in it) */
    private static final String LIST = "([^\\s,;]+(?:, [^\\s,;]+)*)";
    /** {@code 1 connection attempts}: the count of a capture's grouped connections */
    private static final String ATTEMPTS = "(?: \\((\\d+) connection attempts\\))?";

    private static final Pattern AFTER_REDIRECTS = Pattern.compile(" \\(after (\\d+) redirect\\(s\\)\\)(.*)");

    private static final Pattern VARIABLE = Pattern.compile("variable (\\S+)(?: \\(([^)]*)\\))?");

    private static final Pattern INVALID_LINE =
            Pattern.compile("line (\\S+) '([^']*)' \\((no host name after the address|(\\S+) is not an IP address)\\)");

    /** What a DNS answer's addresses mean ({@code DnsVerdict}): public, loopback, private, or unknown. */
    private static final Map<String, String> ADDRESS_MEANINGS = Map.of(
            "the address clients connect to; behind a WAF or load balancer it is the front public IP that partners must"
                    + " allow",
            "클라이언트가 접속하는 주소. WAF나 로드 밸런서 뒤라면 파트너가 허용해야 할 앞단 공인 IP임",
            "a loopback address, this machine itself",
            "루프백 주소, 곧 이 서버 자신",
            "a private address, reachable from inside the network only",
            "사설 주소, 내부망에서만 접근 가능",
            "the address clients connect to",
            "클라이언트가 접속하는 주소");

    private static final List<Rule> RULES = List.of(
            // --- the engine and the step runner (ProbeRunner, StepRunner, StepOutcome) ---
            r("stopped before it finished", "끝나기 전에 중지됨"),
            r("stopped before it started", "시작하기 전에 중지됨"),
            r("not started: stopping", "시작하지 않음: Probebook이 종료하는 중"),
            r("nothing to run", "실행할 명령 없음"),
            r("probe returned no result", "프로브가 결과를 돌려주지 않음"),
            r("timed out after (\\S+) \\(probebook\\.probe-timeout\\)", "$1 후 시간 초과 (probebook.probe-timeout)"),
            r("timed out after (\\S+) and did not stop", "$1 후 시간 초과, 프로브가 멈추지 않음"),
            r("stopped, but the probe did not end in time", "중지했지만 프로브가 제때 끝나지 않음"),
            r("probe failed: input too deeply nested \\(stack overflow\\)", "프로브 실패: 입력이 너무 깊게 중첩됨 (스택 오버플로)"),
            r("probe failed: (.+)", "프로브 실패: $1"),
            r("(.+) \\(stopped at the (\\S+) limit\\)", "{1} ($2 제한에서 중지됨)"),
            r("stopped: (.+)", "중지됨: {1}"),
            r("skipped: (.+)", "건너뜀: {1}"),
            r("not run: (.+)", "실행하지 않음: {1}"),
            r("runs are refused until the audit log can be written again: (.+)", "감사 로그를 다시 기록할 수 있을 때까지 실행 거부: $1"),
            r(
                    "lab not running: an admin starts it on the Lab page \\(or \\./probebook lab\\)",
                    "실습 환경이 실행 중이 아님: 관리자가 실습 페이지에서 시작해야 함 (또는 ./probebook lab)"),

            // --- binding a command (CommandBinder) and shell lines (ShellLine) ---
            r("needs (.+): replace the placeholder\\(s\\) with real values", "$1 값 필요: 자리 표시자를 실제 값으로 바꾸세요"),
            r("needs (variable .+)", (m, t) -> "변수 값 필요: " + variables(m.group(1))),
            r(
                    "variable port = '(.*)' is not a port: a number from 1 to 65535 \\(or a range or service name\\)",
                    "변수 port = '$1': 포트가 아님. 1~65535 사이의 숫자(또는 범위나 서비스 이름)여야 함"),
            r(
                    "variable (\\S+) = '(.*)' starts with '-' and would be read as an option",
                    "변수 $1 = '$2': '-'로 시작해서 옵션으로 읽힘"),
            r("variable (\\S+) = '(.*)' must be a single word", "변수 $1 = '$2': 한 단어여야 함"),
            r("variable (\\S+) contains a control character", "변수 $1에 제어 문자가 들어 있음"),
            r("'(.+)' is not a command Probebook knows: did you mean '(.+)'\\?", "'$1' 명령은 Probebook이 모름: 혹시 '$2'인가요?"),
            r("'(.+)' is not a command Probebook knows; run it in a shell", "'$1' 명령은 Probebook이 모름: 셸에서 실행하세요"),
            r(
                    "(\\S+) is not built in — run it in a shell \\(Probebook runs '(.+)' for the same" + " question\\)",
                    "$1 명령은 내장되어 있지 않음, 셸에서 실행하세요 (같은 확인은 Probebook의 '$2')"),
            r("(\\S+) is not built in — run it in a shell", "$1 명령은 내장되어 있지 않음, 셸에서 실행하세요"),
            r("command substitution \\(\\$\\(\\.\\.\\.\\) or backticks\\) is not run", "명령 치환($(...) 또는 백틱)은 실행하지 않음"),
            r(
                    "'(.+)' \\(command lists\\) is not run: put each command on its own line",
                    "'$1' 명령 목록은 실행하지 않음: 명령을 한 줄에 하나씩 쓰세요"),
            r(
                    "redirection '(.+)' is shown, not run: Probebook prints the output here instead",
                    "'$1' 리다이렉션은 표시만 하고 실행하지 않음: 출력은 대신 여기에 표시됨"),
            r("redirection '(.+)' is not run", "'$1' 리다이렉션은 실행하지 않음"),
            r(
                    "a here-document: Probebook writes no file, but a (curl -w @\\S+) in this runbook reads its content"
                            + " from here",
                    "히어 문서: Probebook은 파일을 쓰지 않지만, 이 런북의 $1은 그 내용을 여기서 읽음"),
            r(
                    "pipe into '(.+)' is not run \\(only '\\| grep' filters are supported\\)",
                    "'$1' 명령으로 보내는 파이프는 실행하지 않음 ('| grep' 필터만 지원)"),
            r("empty command", "빈 명령"),

            // --- access, limits and the target policy (access/, policy/) ---
            r(
                    "(.+?) may not (.+): needs role (\\S+) \\((probebook\\.roles\\.[\\w-]+)\\)",
                    (m, t) -> "사용자 " + m.group(1) + "에게 " + action(m.group(2)) + " 권한 없음: " + m.group(3) + " 역할 필요 ("
                            + m.group(4) + ")"),
            r(
                    "limit: (.+) already has (\\d+) probes running \\((probebook\\.limits\\.per-user-concurrent=\\d+)\\);"
                            + " stop one or wait for it to end",
                    "제한: $1 사용자가 이미 프로브 $2개를 실행 중 ($3): 하나를 중지하거나 끝날 때까지 기다리세요"),
            r(
                    "limit: (.+) started (\\d+) runs in the last minute"
                            + " \\((probebook\\.limits\\.per-user-runs-per-minute=\\d+)\\); try again in (\\d+) s",
                    "제한: $1 사용자가 최근 1분 동안 $2번 실행함 ($3): $4초 뒤에 다시 시도하세요"),
            r(
                    "limit: a capture on (.+) is already running; one at a time",
                    (m, t) -> "제한: " + (m.group(1).equals("the default interface") ? "기본 인터페이스" : m.group(1))
                            + " 캡처가 이미 실행 중: 한 번에 하나만 가능"),
            r("limit: (.+) is already running; one at a time", "제한: '$1' 이미 실행 중: 한 번에 하나만 가능"),
            r(
                    "target (\\S+)(?: port (\\d+))?(?: \\(the same host as (\\S+)\\))? denied by rule '(deny .*)'",
                    (m, t) -> "대상 " + m.group(1) + opt(m, 2, " 포트 ", "") + opt(m, 3, " (같은 호스트: ", ")") + ": '"
                            + m.group(4) + "' 규칙으로 거부됨"),
            r(
                    "target (\\S+)(?: port (\\d+))? is not in the allow list \\(probebook\\.policy\\.allow\\)",
                    (m, t) -> "대상 " + m.group(1) + opt(m, 2, " 포트 ", "") + ": 허용 목록에 없음 (probebook.policy.allow)"),

            // --- tcp (tcping, telnet, nc) ---
            r(
                    "cannot resolve (\\S+): check the name \\(nslookup (\\S+)\\) or add it to /etc/hosts",
                    "$1 이름 해석 실패: 이름을 확인하거나(nslookup $2) /etc/hosts에 추가하세요"),
            r("stopped before the first probe", "첫 프로브 전에 중지됨"),
            r("stopped before connecting", "연결하기 전에 중지됨"),
            r(
                    "intermittent: (\\d+) of (\\d+) probes to (\\S+) connected\\. Typical of a load balancer \\(VIP\\)"
                            + " whose members differ: test each member directly",
                    "간헐적: $3 대상 프로브 $2번 중 $1번만 연결됨. 멤버 상태가 서로 다른 로드 밸런서(VIP)에서 흔한 증상:" + " 각 멤버를 직접 테스트하세요"),
            r(
                    "probes 1-(\\d+) to (\\S+) failed, then it accepted connections from probe (\\d+) on: the service came up"
                            + " \\(or a firewall opened\\) during the run",
                    "$2 대상 1-$1번 프로브는 실패했고 $3번 프로브부터 연결을 받음: 실행 도중 서비스가 올라옴 (또는 방화벽이 열림)"),
            r(
                    "(\\d+) of (\\d+) probes to (\\S+) connected, then it stopped accepting: probes (\\d+)-(\\d+)"
                            + " (were refused: the listener went away \\(the service stopped, crashed or is restarting\\)"
                            + " or a firewall began rejecting|timed out: the host went down or a firewall began dropping"
                            + "|failed)\\. Check the service on that host \\(ss -tlnp, its logs\\)",
                    (m, t) -> m.group(3) + " 대상 프로브 " + m.group(2) + "번 중 " + m.group(1)
                            + "번 연결된 뒤 연결을 받지 않음: 프로브 " + m.group(4) + "-" + m.group(5) + " "
                            + switch (m.group(6).substring(0, 4)) {
                                case "were" -> "연결 거부: 리스너가 사라졌거나(서비스 중지, 비정상 종료, 재시작 중) 방화벽이 거부하기 시작함";
                                case "time" -> "시간 초과: 호스트가 다운됐거나 방화벽이 버리기 시작함";
                                default -> "실패";
                            }
                            + ". 그 호스트의 서비스를 확인하세요 (ss -tlnp, 로그)"),
            r(
                    "connected to (\\S+) port (\\d+): something listens there and the path is open\\.(?: It greeted with: (.*))?",
                    (m, t) -> m.group(1) + " 포트 " + m.group(2) + " 연결됨: 리스너가 있고 경로가 열려 있음." + opt(m, 3, " 배너: ", "")),
            r("(\\d+) of (\\d+) ports open on (\\S+): (\\[[^\\]]*\\])", "$3에서 포트 $2개 중 $1개 열림: $4"),
            // nc -u (UdpCheck)
            r(
                    "no ICMP port unreachable from (\\S+) for UDP port (\\d+) within (\\d+) ms: something may listen there,"
                            + " or a firewall drops UDP silently; UDP cannot tell these apart\\. Ask the service itself"
                            + " \\((dig @\\S+) for DNS\\)",
                    "$1에서 UDP 포트 $2에 대해 $3 ms 안에 ICMP 포트 도달 불가 응답 없음: 그 포트에 리스너가 있거나 방화벽이 UDP를"
                            + " 조용히 버림. UDP로는 둘을 구별할 수 없음. 서비스에 직접 물어보세요 (DNS라면 $4)"),
            r(
                    "nothing listens on UDP port (\\d+) of (\\S+): it answered ICMP port unreachable\\. Start the service, or"
                            + " check the port it uses",
                    "$2의 UDP 포트 $1에 리스너 없음: ICMP 포트 도달 불가로 응답함. 서비스를 시작하거나 쓰는 포트를 확인하세요"),
            r(
                    "(\\d+) of (\\d+) UDP ports on (\\S+) did not refuse: (\\[[^\\]]*\\])",
                    "$3의 UDP 포트 $2개 중 $1개는 거부하지 않음: $4"),
            r("Refused \\(nothing listens\\): (\\[[^\\]]*\\])", "거부됨 (리스너 없음): $1"),
            // nmap (NmapVerdict), clause by clause after the count
            r("Closed \\(nothing listens, or a firewall rejects\\): (\\[[^\\]]*\\])", "닫힘 (리스너가 없거나 방화벽이 거부함): $1"),
            r(
                    "Filtered \\(the SYN is dropped on the way, or the host is down\\): (\\[[^\\]]*\\])",
                    "필터됨 (SYN이 중간에서 버려지거나 호스트가 다운됨): $1"),
            r(
                    "port (\\d+) on (\\S+) is open: something listens and the path is allowed",
                    "$2 포트 $1 열림: 리스너가 있고 경로가 허용됨"),
            r(
                    "connection refused by (\\S+) port (\\d+): nothing listens on that port, or a firewall rejects it\\."
                            + " Check the service \\(ss -tlnp\\) and allow the port in the firewall",
                    "$1 포트 $2 연결 거부: 그 포트에 리스너가 없거나 방화벽이 거부함. 서비스를 확인하고(ss -tlnp) 방화벽에서 그 포트를" + " 허용하세요"),
            r(
                    "no answer from (\\S+) port (\\d+) within (\\d+) ms(, when the run's time limit"
                            + " \\(probebook\\.probe-timeout\\) ended the wait)?: the SYN was dropped on the way"
                            + " \\(firewall, security group, VIP\\) or the host is down",
                    (m, t) -> m.group(1) + " 포트 " + m.group(2) + "에서 " + m.group(3) + " ms 안에 응답 없음"
                            + (m.group(4) == null ? "" : " (실행 시간 제한 probebook.probe-timeout으로 대기 종료)")
                            + ": SYN이 중간에서 버려졌거나(방화벽, 보안 그룹, VIP) 호스트가 다운됨"),
            r(
                    "cannot connect to (\\S+) port (\\d+): (.+) \\(routing or network problem on this side\\)",
                    (m, t) -> m.group(1) + " 포트 " + m.group(2) + "에 연결할 수 없음: " + cause(m.group(3))
                            + " (이쪽의 라우팅 또는 네트워크 문제)"),
            r("no connection attempt to (\\S+) port (\\d+)", "$1 포트 $2 연결 시도 없음"),

            // --- http (curl: HttpVerdicts, CurlFailure, CurlSession) ---
            r(
                    "cannot use the trusted CA file (.+) \\(probebook\\.http\\.ca-file\\): (.*)",
                    "신뢰할 CA 파일을 쓸 수 없음: $1 (probebook.http.ca-file): $2"),
            r(
                    "redirect loop: (\\S+) still redirects after (\\d+) redirects \\(last (HTTP \\d{3}.*?)\\)\\."
                            + " Check the redirect rules \\(http->https, trailing slash, proxy headers\\)",
                    "리다이렉트 루프: $2번 리다이렉트한 뒤에도 $1에서 계속 리다이렉트함 (마지막 $3). 리다이렉트 규칙을 확인하세요"
                            + " (http->https, 끝 슬래시, 프록시 헤더)"),
            r(
                    "(\\S+) answered (HTTP \\d{3}.*?), but the body did not arrive in full: " + MSG
                            + "\\. The server is reachable; the app or a proxy stalls or aborts the transfer(.*)",
                    (m, t) -> m.group(1) + " 응답 " + m.group(2) + ", 하지만 본문이 다 오지 않음: " + m.group(3)
                            + ". 서버에는 도달 가능, 앱이나 프록시가 전송을 멈추거나 중단함" + t.tail(m.group(4))),
            r(
                    "(\\S+) is reachable, but the application fails: (HTTP \\d{3}.*?)\\. Check the app and what it depends"
                            + " on \\(logs, upstream\\), not the network(.*)",
                    (m, t) -> m.group(1) + "에 도달 가능하지만 애플리케이션이 실패함: " + m.group(2)
                            + ". 네트워크가 아니라 앱과 그 의존 대상을 확인하세요 (로그, 업스트림)" + t.tail(m.group(3))),
            r(
                    "(\\S+) answered HTTP (\\d+), but not with an IP address \\('(.*)'\\): a proxy or captive portal may be"
                            + " in the way, or the service changed",
                    "$1 응답 HTTP $2, 하지만 IP 주소가 아님 ('$3'): 프록시나 캡티브 포털이 중간에 있거나 서비스가 바뀌었을 수 있음"),
            r("(\\S+) answered (HTTP \\d{3}[^:]*): (.+)", "$1 응답 $2: {3}"),
            r("the server is reachable and the app answers", "서버에 도달 가능하고 앱이 응답함"),
            r("the server is reachable", "서버에 도달 가능"),
            r(
                    "the server is reachable and redirects to (\\S+) \\(add -L to follow it\\)",
                    "서버에 도달 가능, 리다이렉트 대상 $1 (따라가려면 -L 추가)"),
            r("the server is reachable \\(the network path works\\)", "서버에 도달 가능 (네트워크 경로 정상)"),
            r("the app refuses this request \\(path, method or authentication\\)", "앱이 이 요청을 거부함 (경로, 메서드 또는 인증)"),
            r("(.+) \\(after (\\d+) redirect\\(s\\)\\)", "{1} (리다이렉트 $2번 후)"),
            r(
                    "The body is binary and was not printed \\(curl would need -o FILE or --output -\\)",
                    "본문이 바이너리라 출력하지 않음 (curl이라면 -o FILE 또는 --output - 필요)"),
            r(
                    "The body \\((\\d+) bytes\\) was not saved to (.+): probes never write files",
                    "본문($1바이트)을 $2에 저장하지 않음: 프로브는 파일을 쓰지 않음"),
            r(
                    "Its certificate expires in (-?\\d+) day\\(s\\) \\(([^)]*)\\): renew the server certificate",
                    "인증서가 $1일 뒤 만료됨 ($2): 서버 인증서를 갱신하세요"),
            r(
                    "But its certificate would be rejected without -k \\((.+?)\\): (?:(renew the server certificate)"
                            + "|clients must trust its issuer \\((.*)\\))",
                    (m, t) -> "하지만 -k 없이는 인증서가 거부됨 (" + certificateProblem(m.group(1)) + "): "
                            + (m.group(2) != null ? "서버 인증서를 갱신하세요" : "클라이언트가 발급자(" + m.group(3) + ")를 신뢰해야 함")),
            r(
                    "cannot resolve (\\S+): the name is unknown to /etc/hosts and DNS here\\. Check the spelling"
                            + " \\(nslookup (\\S+)\\), the DNS servers, or add '(IP \\S+)' to /etc/hosts",
                    "$1 이름 해석 실패: 이곳의 /etc/hosts와 DNS 모두 이 이름을 모름. 철자(nslookup $2)와 DNS 서버를 확인하거나"
                            + " /etc/hosts에 '$3' 항목을 추가하세요"),
            r(
                    "connection refused by (\\S+) port (\\d+): nothing listens on (\\d+) or a firewall rejects it",
                    "$1 포트 $2 연결 거부: $3 포트에 리스너가 없거나 방화벽이 거부함"),
            r(
                    "Allow port (\\d+) \\(the :(\\d+) in the URL\\) in the firewall / security group",
                    "방화벽/보안 그룹에서 $1 포트를 허용하세요 (URL의 :$2)"),
            r(
                    "Allow port (\\d+) \\((443 for https|80 for http)\\) in the firewall / security group",
                    (m, t) -> "방화벽/보안 그룹에서 " + m.group(1) + " 포트를 허용하세요 ("
                            + (m.group(2).startsWith("443") ? "https 기본 443" : "http 기본 80") + ")"),
            r(
                    "If the firewall already allows it, (\\S+) may resolve to an external IP from here: put"
                            + " '(INTERNAL_IP \\S+)' in /etc/hosts",
                    "방화벽이 이미 허용한다면 여기서 $1 이름이 외부 IP로 해석될 수 있음: /etc/hosts에 '$2' 항목을 넣으세요"),
            r(
                    "timed out connecting to (\\S+) port (\\d+) \\(no answer within (\\d+) ms\\): the SYN was dropped on"
                            + " the way \\(firewall, security group\\) or the host is down",
                    "$1 포트 $2 연결 시간 초과 ($3 ms 안에 응답 없음): SYN이 중간에서 버려졌거나(방화벽, 보안 그룹) 호스트가 다운됨"),
            r("behind a VIP/load balancer, test the member servers directly", "VIP/로드 밸런서 뒤라면 멤버 서버를 직접 테스트하세요"),
            r(
                    "connected to (\\S+) port (\\d+), but no HTTP answer within (\\d+) ms: the network path is open;"
                            + " the app hangs or is overloaded \\(check it on the server\\)",
                    "$1 포트 $2 연결됐지만 $3 ms 안에 HTTP 응답 없음: 네트워크 경로는 열려 있음, 앱이 멈췄거나 과부하 상태" + " (서버에서 확인하세요)"),
            r(
                    "the server certificate of (\\S+) expired(?: on (\\S+) \\((-?\\d+) day\\(s\\) ago\\))?"
                            + "(?: \\((.+), issued by (.+)\\))?: renew the server certificate",
                    (m, t) -> m.group(1) + " 서버 인증서 만료"
                            + (m.group(2) == null ? "" : " (" + m.group(2) + ", " + m.group(3) + "일 전)")
                            + subject(m, 4) + ": 서버 인증서를 갱신하세요"),
            r(
                    "the server certificate of (\\S+) is not valid before (its start date|\\S+)"
                            + "(?: \\((.+), issued by (.+)\\))?: check the clock on both machines",
                    (m, t) -> m.group(1) + " 서버 인증서는 "
                            + (m.group(2).equals("its start date") ? "시작일" : m.group(2)) + " 전에는 유효하지 않음"
                            + subject(m, 3) + ": 양쪽 머신의 시계를 확인하세요"),
            r(
                    "the server certificate of (\\S+) is not trusted here: (.+?)(?: \\((.+), issued by (.+)\\))?"
                            + "(?:; it also expired on (\\S+))?\\. Trust its CA \\(probebook\\.http\\.ca-file, or the"
                            + " system CA bundle\\) or use -k to inspect",
                    (m, t) -> m.group(1) + " 서버 인증서를 여기서 신뢰할 수 없음: " + certificateProblem(m.group(2))
                            + subject(m, 3) + opt(m, 5, "; ", "에 만료되기도 함")
                            + ". CA를 신뢰하게 하거나(probebook.http.ca-file 또는 시스템 CA 번들) -k로 살펴보세요"),
            r(
                    "the certificate of (\\S+) port (\\d+) does not name (\\S+)(?: \\(it names: (.*)\\))?: use a name the"
                            + " certificate covers, or reissue the certificate with (\\S+)",
                    (m, t) -> m.group(1) + " 포트 " + m.group(2) + "의 인증서에 " + m.group(3) + " 이름이 없음"
                            + opt(m, 4, " (인증서의 이름: ", ")") + ": 인증서에 있는 이름을 쓰거나 " + m.group(5)
                            + " 이름을 넣어 인증서를 다시 발급하세요"),
            // traceroute (TracerouteVerdict), clause by clause
            r(
                    "(\\S+(?: \\([^)]*\\))?) reached in (\\d+) hop\\(s\\), (\\S+) ms at the last hop(?:; hop\\(s\\)"
                            + " (\\[[^\\]]*\\]) did not answer: routers that send no time-exceeded errors, which is"
                            + " normal)?",
                    (m, t) -> m.group(1) + "까지 " + m.group(2) + "홉 만에 도달, 마지막 홉 " + m.group(3) + " ms"
                            + opt(m, 4, "; 응답 없는 홉 ", ": TTL 초과 오류를 보내지 않는 라우터로 흔한 일")),
            r("Probes were ICMP echo, as traceroute -I sends", "프로브는 traceroute -I처럼 ICMP echo로 보냄"),
            r(
                    "hop (\\d+) \\((\\S+)\\) answered (!\\w+) \\(([^)]*)\\): the path to (.+?) ends there",
                    (m, t) -> m.group(1) + "번 홉(" + m.group(2) + ")이 " + m.group(3) + " 응답 ("
                            + tracerouteMark(m.group(4)) + "): " + m.group(5) + "로 가는 경로가 거기서 끝남"),
            r("A firewall there rejects the traffic: ask for a rule that allows it", "그곳의 방화벽이 트래픽을 거부함: 허용 규칙을 요청하세요"),
            r(
                    "That router has no route to the network: check the routing there",
                    "그 라우터에 네트워크로 가는 경로가 없음: 그곳의 라우팅을 확인하세요"),
            r("A link on the way has a smaller MTU: check the MTU settings", "경로 중 링크의 MTU가 더 작음: MTU 설정을 확인하세요"),
            r(
                    "The last router cannot deliver to the host \\(down, or wrong address\\)",
                    "마지막 라우터가 호스트로 전달하지 못함 (다운됐거나 주소가 틀림)"),
            r(
                    "(.+?) not reached: the path goes silent after hop (\\d+) \\((\\S+); (?:no answer up to hop (\\d+)|the"
                            + " trace was stopped)\\)",
                    (m, t) -> m.group(1) + " 도달 못함: " + m.group(2) + "번 홉(" + m.group(3) + ") 이후 경로가 조용해짐 ("
                            + (m.group(4) == null ? "추적을 멈춤" : m.group(4) + "번 홉까지 응답 없음") + ")"),
            r(
                    "Packets are dropped beyond it \\(a firewall, a missing route, or a host that drops ICMP\\): test the"
                            + " service port with (tcping \\S+ PORT)",
                    "그 너머에서 패킷이 버려짐 (방화벽, 빠진 경로, 또는 ICMP를 버리는 호스트): $1로 서비스 포트를 시험하세요"),
            r(
                    "(.+?) not reached and no hop answered \\((?:no answer up to hop (\\d+)|the trace was stopped)\\):"
                            + " ICMP is dropped right after this host \\(a firewall, or no route out\\)",
                    (m, t) -> m.group(1) + " 도달 못함, 응답한 홉 없음 ("
                            + (m.group(2) == null ? "추적을 멈춤" : m.group(2) + "번 홉까지 응답 없음")
                            + "): 이 호스트 바로 다음에서 ICMP가 버려짐 (방화벽, 또는 밖으로 나가는 경로 없음)"),
            r(
                    "Check the default route \\(ip route\\) and test the service port with (tcping \\S+ PORT)",
                    "기본 경로(ip route)를 확인하고 $1로 서비스 포트를 시험하세요"),
            r("stopped before the first hop", "첫 홉 전에 멈춤"),
            // mtr (MtrVerdict)
            r(
                    "(\\S+(?: \\([^)]*\\))?) reached in (\\d+) hop\\(s\\) with no loss over (\\d+) round\\(s\\), average"
                            + " (\\S+) ms, worst (\\S+) ms(?:; the loss at hop\\(s\\) (\\[[^\\]]*\\]) does not carry on to"
                            + " the host: those routers answer few probes themselves \\(ICMP rate limits\\), which is not"
                            + " packet loss)?",
                    (m, t) -> m.group(1) + "까지 " + m.group(2) + "홉 만에 도달, " + m.group(3) + "라운드 동안 손실 없음, 평균 "
                            + m.group(4) + " ms, 최대 " + m.group(5) + " ms"
                            + opt(
                                    m,
                                    6,
                                    "; 홉 ",
                                    "의 손실은 호스트까지 이어지지 않음: 그 라우터들이 자기 응답을 적게 보내는 것" + "(ICMP 속도 제한)이며 패킷 손실이 아님")),
            r(
                    "(\\S+(?: \\([^)]*\\))?) reached in (\\d+) hop\\(s\\), but (\\S+)% of the probes to it were lost"
                            + " \\(average (\\S+) ms, worst (\\S+) ms\\): packets are dropped on the way, starting at hop"
                            + " (\\d+) \\((\\S+)\\), where the loss begins and carries on to the host\\. Look at that link"
                            + " or device, or run mtr again to see whether it lasts",
                    "$1까지 $2홉 만에 도달했지만 프로브의 $3%가 손실됨 (평균 $4 ms, 최대 $5 ms): 가는 길에서 패킷이 버려지며,"
                            + " 손실이 시작되어 호스트까지 이어지는 곳은 $6번 홉($7). 그 링크나 장비를 살펴보거나, mtr을 다시"
                            + " 실행해 계속되는지 확인하세요"),
            r(
                    "(.+?) not reached over (\\d+) round\\(s\\): the path goes silent after hop (\\d+) \\((\\S+)\\)\\."
                            + " (.+)",
                    "$1 도달 못함 ($2라운드): $3번 홉($4) 이후 경로가 조용해짐. {5}"),
            r(
                    "(.+?) not reached and no hop answered over (\\d+) round\\(s\\): ICMP is dropped right after this"
                            + " host \\(a firewall, or no route out\\)\\. (.+)",
                    "$1 도달 못함, $2라운드 동안 응답한 홉 없음: 이 호스트 바로 다음에서 ICMP가 버려짐 (방화벽, 또는 밖으로" + " 나가는 경로 없음). {3}"),
            r("stopped before the first round", "첫 라운드 전에 멈춤"),
            r(
                    "cannot send to (\\S+): (.+) \\(routing or network problem on this side\\)",
                    (m, t) -> m.group(1) + "로 보낼 수 없음: " + cause(m.group(2)) + " (이쪽의 라우팅 또는 네트워크 문제)"),

            // whois (WhoisVerdict)
            r(
                    "cannot ask (\\S+) port (\\d+) \\((.+)\\): whois needs outbound TCP (\\d+), often closed in server"
                            + " networks\\. This says nothing about (\\S+); ask from a machine with internet access, or"
                            + " use the registry's web page",
                    (m, t) -> m.group(1) + " 포트 " + m.group(2) + "에 물어볼 수 없음 (" + whoisReason(m.group(3))
                            + "): whois는 나가는 TCP " + m.group(4) + "이 필요한데 서버 네트워크에서는 흔히 막혀 있음. "
                            + m.group(5) + "에 대해서는 아무것도 알려 주지 않음. 인터넷이 되는 머신에서 묻거나 등록 기관의 웹"
                            + " 페이지를 쓰세요"),
            r(
                    "(\\S+) refused the query: too many queries from this address\\. Wait a while and ask again",
                    "$1이 질의를 거부함: 이 주소에서 질의가 너무 많음. 잠시 기다렸다가 다시 물어보세요"),
            r(
                    "(\\S+) is not registered: (\\S+) has no record of it\\. Check the spelling; a name nobody"
                            + " registered resolves nowhere",
                    "$1은 등록되지 않음: $2에 기록 없음. 철자를 확인하세요. 아무도 등록하지 않은 이름은 어디서도 해석되지 않음"),
            r(
                    "(\\S+) answered for (\\S+) \\((\\d+) lines\\): the record is above",
                    "$1이 $2에 대해 응답함 ($3줄): 기록은 위 출력에 있음"),
            r(
                    "(\\S+) expired on (\\S+) \\((\\d+) day\\(s\\) ago\\): the registrar may stop resolving it or"
                            + " release it\\. Renew it now",
                    "$1 등록이 $2에 만료됨 ($3일 전): 등록 대행자가 해석을 멈추거나 이름을 풀어 줄 수 있음. 지금 갱신하세요"),
            r(
                    "(\\S+) is registered(?: with (.+?))?(?: until (\\S+)(?: \\((-?\\d+) day\\(s\\) left\\))?)?"
                            + "(?:; name servers: (.+))?",
                    (m, t) -> m.group(1) + " 등록됨" + opt(m, 2, " (등록 대행자 ", ")") + opt(m, 3, ", ", "까지")
                            + opt(m, 4, " (", "일 남음)") + opt(m, 5, "; 네임서버: ", "")),
            r(
                    "It expires in (-?\\d+) day\\(s\\): renew the registration before it stops resolving",
                    "$1일 뒤 만료됨: 해석이 멈추기 전에 등록을 갱신하세요"),
            r(
                    "(\\S+) is (?:in (\\S+)|listed)(?: \\(([^)]*)\\))?(?:, held by (.+?))?(?:, country (\\S+))?",
                    (m, t) -> m.group(1)
                            + (m.group(2) == null ? " 등록 정보 있음" : ": " + m.group(2) + " 대역")
                            + opt(m, 3, " (", ")")
                            + opt(m, 4, ", 보유 ", "")
                            + opt(m, 5, ", 국가 ", "")),
            r(
                    "It is a (\\S+) address: it belongs to a network of your own, and whois only says the range is"
                            + " reserved",
                    (m, t) -> addressKind(m.group(1)) + " 주소임: 자체 네트워크의 주소이며 whois는 그 대역이 예약됐다는 것만 알려 줌"),

            // openssl s_client (OpensslVerdict)
            r("TLS to (\\S+) port (\\d+) works \\(([^,]+), (\\S+)\\)", "$1 포트 $2 TLS 정상 ($3, $4)"),
            r(
                    "the certificate \\((.+), issued by (.+)\\) is trusted and valid until (\\S+) \\((-?\\d+) day\\(s\\)"
                            + " left\\)",
                    "인증서(주체 $1, 발급자 $2)를 신뢰할 수 있고 $3까지 유효 ($4일 남음)"),
            r(
                    "the server certificate of (\\S+) is not trusted here: (.+?)(?: \\((.+), issued by (.+)\\))?(\\. The"
                            + " server sends only its own certificate: configure the full chain \\(with the intermediate"
                            + " certificates\\) on the server)?\\. Trust its CA \\(probebook\\.http\\.ca-file or -CAfile\\) or"
                            + " install a certificate from a CA the clients trust",
                    (m, t) -> m.group(1) + " 서버 인증서를 여기서 신뢰할 수 없음: " + certificateProblem(m.group(2))
                            + subject(m, 3)
                            + (m.group(5) == null ? "" : ". 서버가 자기 인증서만 보냄: 서버에 전체 체인(중간 인증서 포함)을 설정하세요")
                            + ". CA를 신뢰하게 하거나(probebook.http.ca-file 또는 -CAfile) 클라이언트가 신뢰하는 CA의 인증서를"
                            + " 설치하세요"),
            r(
                    "(\\S+) port (\\d+) answers, but not with TLS: a plain-text service listens there \\(http\\?\\), or"
                            + " it is the wrong port",
                    "$1 포트 $2 응답은 있지만 TLS가 아님: 평문 서비스(http?)가 수신 중이거나 포트를 잘못 지정함"),
            r(
                    "connected to (\\S+) port (\\d+), but no TLS answer within (\\d+) ms: the network path is open; the"
                            + " service hangs or waits for the client to speak first",
                    "$1 포트 $2 연결됐지만 $3 ms 안에 TLS 응답 없음: 네트워크 경로는 열려 있음, 서비스가 멈췄거나 클라이언트가" + " 먼저 말하기를 기다림"),
            r(
                    "TLS handshake with (\\S+) port (\\d+) failed \\((.*)\\): check that this port speaks https and"
                            + " supports TLS 1\\.2/1\\.3",
                    "$1 포트 $2 TLS 핸드셰이크 실패 ($3): 이 포트가 https를 쓰는지, TLS 1.2/1.3을 지원하는지 확인하세요"),
            r(
                    "(\\S+) port (\\d+) accepted the connection but closed it without an HTTP answer: the app or a proxy"
                            + " drops the request \\(plain http to an https port\\? check the app logs\\)",
                    "$1 포트 $2 연결은 받았지만 HTTP 응답 없이 닫음: 앱이나 프록시가 요청을 버림 (https 포트에 일반 http로" + " 보냈나요? 앱 로그를 확인하세요)"),
            r(
                    "the connection to (\\S+) port (\\d+) was reset: a firewall/IPS or the app aborted it",
                    "$1 포트 $2 연결이 리셋됨: 방화벽/IPS 또는 앱이 연결을 끊음"),
            r("the connection to (\\S+) port (\\d+) broke while receiving: " + MSG, "$1 포트 $2 연결이 수신 중 끊김: $3"),
            r(
                    "(\\S+) port (\\d+) answered, but not with HTTP: another service listens on this port"
                            + "( \\(if it is an https port, use https://\\))?",
                    (m, t) -> m.group(1) + " 포트 " + m.group(2) + " 응답은 있지만 HTTP가 아님: 이 포트에서는 다른 서비스가 수신 중"
                            + (m.group(3) == null ? "" : " (https 포트라면 https://를 쓰세요)")),
            r("Maximum \\((\\d+)\\) redirects followed", "최대 리다이렉트 횟수($1) 도달"),
            r("The requested URL returned error: (\\d+)", "요청한 URL이 오류 $1 반환"),
            r("Failure writing output to destination", "출력 대상에 쓰기 실패"),

            // --- http: the public IP (PublicIpProbe) ---
            r(
                    "the IP echo service URL '(.*)' is not usable \\(probebook\\.public-ip\\.url\\): (.*)",
                    "IP 에코 서비스 URL '$1'을(를) 쓸 수 없음 (probebook.public-ip.url): $2"),
            r("bad address (\\S+)", "잘못된 주소 $1"),
            r(
                    "no answer from (\\S+) \\((.+)\\): no internet egress from here\\. That is normal for a server in a"
                            + " private subnet; it needs a NAT gateway or proxy to reach the internet",
                    (m, t) -> m.group(1) + " 응답 없음 (" + cause(m.group(2))
                            + "): 여기서 인터넷으로 나가는 경로가 없음. 사설 서브넷의 서버라면 정상, 인터넷에 나가려면 NAT 게이트웨이나"
                            + " 프록시가 필요함"),
            r(
                    "the public IP is (\\S+) and interface (\\S+) holds it: this server is directly on the internet"
                            + " \\(no NAT\\)\\. Remote firewalls must allow (\\S+)",
                    "공인 IP $1, 인터페이스 $2에 있음: 이 서버는 인터넷에 직접 연결됨 (NAT 없음). 원격 방화벽에서 $3 허용 필요"),
            r(
                    "the public IP is (\\S+): traffic leaves through NAT \\(or a load balancer\\): the public IP is not on"
                            + " any interface here\\. Remote firewalls \\(e\\.g\\. an API server's inbound rules\\) must"
                            + " allow (\\S+), not this server's own address",
                    "공인 IP $1: 트래픽이 NAT(또는 로드 밸런서)를 거쳐 나감, 이 공인 IP는 여기 어떤 인터페이스에도 없음. 원격"
                            + " 방화벽(예: API 서버의 인바운드 규칙)에서 허용할 주소는 이 서버 자체 주소가 아니라 $2"),

            // --- dns (nslookup, dig, host: DnsProbe, DnsVerdict) ---
            r("(nslookup|dig|host): '(.*)' is not a name DNS can ask: (.*)", "$1: '$2'은(는) DNS에 물을 수 있는 이름이 아님: $3"),
            r(
                    "cannot resolve the DNS server name (.+): give the server as an IP address, or check its name",
                    "DNS 서버 이름 해석 실패: $1: 서버를 IP 주소로 주거나 이름을 확인하세요"),
            r(
                    "no DNS server configured: /etc/resolv\\.conf has no nameserver line and probebook\\.dns\\.servers is"
                            + " empty\\. Add a nameserver, or name one \\(nslookup NAME SERVER\\)",
                    "설정된 DNS 서버 없음: /etc/resolv.conf에 nameserver 줄이 없고 probebook.dns.servers도 비어 있음."
                            + " nameserver를 추가하거나 서버를 지정하세요 (nslookup NAME SERVER)"),
            r(
                    "(.+) \\(meanwhile (\\S+) maps (\\S+) to (.+), so programs on this host still resolve it\\)",
                    "{1} (한편 $2에는 $3 → $4 항목이 있어 이 호스트의 프로그램은 여전히 이름을 해석함)"),
            r(
                    "(\\S+) resolves to (.+), but the (\\S+) query then got no reply\\. (.+)\\. Programs that ask for both"
                            + " wait for this timeout before they connect",
                    "$1 → $2 해석됐지만 이어진 $3 질의에는 응답 없음. {4}. 둘 다 묻는 프로그램은 연결하기 전에 이 시간 초과만큼" + " 기다림"),
            r(
                    "nothing answers DNS at (.+) \\(port unreachable\\): the server address or port is wrong, or its DNS"
                            + " service is down\\. Check (.+) and the server",
                    (m, t) -> m.group(1) + "에서 DNS에 응답하는 곳 없음 (포트 도달 불가): 서버 주소나 포트가 틀렸거나 DNS 서비스가" + " 중지됨. "
                            + dnsConfig(m.group(2)) + " 및 서버를 확인하세요"),
            r(
                    "(?:DNS server (\\S+)|none of the DNS servers \\((.+)\\)) did not answer: check (.+), the network path"
                            + " to it \\(UDP (\\d+) through firewalls and security groups\\) and that the server is up",
                    (m, t) -> dnsWho(m) + " 응답 없음: " + dnsConfig(m.group(3)) + ", 그 서버까지의 네트워크 경로(방화벽과 보안"
                            + " 그룹에서 UDP " + m.group(4) + "), 서버가 살아 있는지 확인하세요"),
            r(
                    "(?:DNS server (\\S+)|none of the DNS servers \\((.+)\\)) gave no usable reply \\((.+)\\): check (.+)"
                            + " and the network path to it \\(UDP (\\d+)\\)",
                    (m, t) -> dnsWho(m) + " 쓸 수 있는 응답 없음 (" + cause(m.group(3)) + "): " + dnsConfig(m.group(4))
                            + " 및 그 서버까지의 네트워크 경로(UDP " + m.group(5) + ")를 확인하세요"),
            r(
                    "(\\S+) (\\S+) answered by (\\S+) \\((\\S+)\\), a server of (\\S+), after the delegation (.+?): (.+)",
                    "$1 $2 응답: $5 영역의 서버 $3 ($4), 위임 경로 $6: $7"),
            r(
                    "(\\S+) does not exist: (\\S+), a server of (\\S+), answers NXDOMAIN\\. Check the name's spelling, or"
                            + " add the record in (\\S+)",
                    "$1 이름 없음: $3 영역의 서버 $2가 NXDOMAIN으로 답함. 이름의 철자를 확인하거나 $4에 레코드를 추가하세요"),
            r(
                    "(\\S+) exists but has no (\\S+) record: (\\S+), a server of (\\S+), answers NOERROR with no"
                            + " answer\\. Ask for another type \\(dig (\\S+) ANY\\), or add the record in (\\S+)",
                    "$1 이름은 있지만 $2 레코드 없음: $4 영역의 서버 $3가 답 없이 NOERROR로 응답함. 다른 유형을 물어보거나"
                            + " (dig $5 ANY) $6에 레코드를 추가하세요"),
            r(
                    "the delegation breaks at (\\S+): none of its name servers answered \\((.+)\\)\\. A lame delegation"
                            + " \\(the servers do not serve the zone\\), servers that are down, or a firewall dropping"
                            + " DNS to them: ask whoever runs (\\S+)",
                    "$1에서 위임이 끊김: 그 영역의 네임서버가 하나도 답하지 않음 ($2). 잘못된 위임(서버가 그 영역을 맡고 있지"
                            + " 않음), 서버 다운, 또는 방화벽의 DNS 차단: $3 운영자에게 문의하세요"),
            r(
                    "the delegation breaks at (\\S+): (\\S+) refers the question to (\\S+), which is not below (\\S+) on"
                            + " the way to (\\S+)\\. A lame delegation or a misconfigured server: ask whoever runs (\\S+)",
                    "$1에서 위임이 끊김: $2가 질의를 $3(으)로 넘기는데, $5(으)로 가는 길에서 $4 아래가 아님. 잘못된 위임 또는"
                            + " 서버 설정 오류: $6 운영자에게 문의하세요"),
            r(
                    "the trace could not start: (?:no resolver answered|the resolver gave no root servers \\((\\S+)\\))"
                            + " for the root's name servers \\(\\. NS\\), which dig \\+trace asks the resolver first\\."
                            + " Check the resolver with dig \\. NS",
                    (m, t) -> "추적을 시작할 수 없음: "
                            + (m.group(1) == null ? "응답한 리졸버 없음" : "리졸버가 루트 서버를 주지 않음 (" + m.group(1) + ")")
                            + ". dig +trace는 먼저 리졸버에 루트 네임서버(. NS)를 물음: dig . NS로 리졸버를 확인하세요"),
            r(
                    "the trace stops at (\\S+): the target policy does not let Probebook ask its name servers \\((.+)\\)\\."
                            + " dig \\+trace asks every server on the way; ask an admin to allow them, or ask the resolver"
                            + " for the name instead \\(dig (\\S+)\\)",
                    "추적이 $1에서 멈춤: 대상 정책이 그 영역의 네임서버에 묻는 것을 허용하지 않음 ({2}). dig +trace는 가는 길의"
                            + " 모든 서버에 물음: 관리자에게 허용을 요청하거나 리졸버에 이름을 물어보세요 (dig $3)"),
            r(
                    "more than (\\d+) referrals for (\\S+): the servers refer in a loop",
                    "$2 위임이 $1번을 넘음: 서버들이 서로를 가리키며 돌고 있음"),
            r(
                    "(\\S+) does not exist in DNS, but (\\S+) maps it to (.+): it works on this host only; other hosts"
                            + " cannot resolve it\\. Create the DNS record if others need it",
                    "DNS에는 $1 이름이 없지만 $2에 매핑이 있음 ($3): 이 호스트에서만 동작하고 다른 호스트는 해석하지 못함. 다른" + " 곳에서도 필요하면 DNS 레코드를 만드세요"),
            r(
                    "(\\S+) has no PTR record \\(no reverse DNS\\): common, and it does not mean the IP serves no"
                            + " domain\\. Look the domain up forward instead \\(nslookup DOMAIN\\)",
                    "$1: PTR 레코드 없음 (역방향 DNS 없음): 흔한 일이며 그 IP에 도메인이 없다는 뜻은 아님. 대신 도메인을 정방향으로"
                            + " 조회하세요 (nslookup DOMAIN)"),
            r(
                    "(\\S+) is an alias \\(CNAME\\) for (\\S+), which does not exist in DNS \\(NXDOMAIN from (\\S+)\\):"
                            + " fix the CNAME or create the record for (\\S+)",
                    "$1 별칭(CNAME)의 대상 $2: DNS에 없음 ($3의 NXDOMAIN). CNAME을 고치거나 $4 레코드를 만드세요"),
            r(
                    "the name does not exist in DNS: check the spelling, or the record was never created \\((\\S+):"
                            + " NXDOMAIN from (\\S+)\\)(?:\\. (\\S+) is an IP address: to find its name use dig -x (\\S+))?",
                    (m, t) -> "DNS에 없는 이름: 철자를 확인하세요, 레코드가 만들어진 적이 없을 수도 있음 (" + m.group(1) + ": "
                            + m.group(2) + "의 NXDOMAIN)"
                            + (m.group(3) == null
                                    ? ""
                                    : ". " + m.group(3) + ": IP 주소임, 이름을 찾으려면 dig -x " + m.group(4) + "를 쓰세요")),
            r(
                    "DNS server (\\S+) could not resolve (\\S+) \\(SERVFAIL\\): its upstream or the domain's own name servers"
                            + " failed \\(down, unreachable, broken DNSSEC\\)\\. Retry, then ask another resolver \\(dig"
                            + " @OTHER_SERVER (\\S+)\\) to tell a resolver problem from a domain problem",
                    "DNS 서버 $1에서 $2 해석 실패 (SERVFAIL): 업스트림 또는 도메인 자체의 네임 서버가 실패함 (다운, 도달 불가, 깨진"
                            + " DNSSEC). 다시 시도한 뒤 다른 리졸버에도 물어(dig @OTHER_SERVER $3) 리졸버 문제인지 도메인 문제인지"
                            + " 가려내세요"),
            r(
                    "DNS server (\\S+) refused the query \\(REFUSED\\): it does not resolve for this client or this"
                            + " domain\\. Use the resolver in /etc/resolv\\.conf, or ask its admin to allow this host",
                    "DNS 서버 $1 질의 거부 (REFUSED): 이 클라이언트나 이 도메인은 해석해 주지 않음. /etc/resolv.conf의 리졸버를"
                            + " 쓰거나 그 서버 관리자에게 이 호스트를 허용해 달라고 요청하세요"),
            r(
                    "DNS server (\\S+) answered (\\S+) for (\\S+): the question could not be answered",
                    "DNS 서버 $1 응답 $2 ($3): 질의에 답할 수 없음"),
            r(
                    "(\\S+) has no (\\S+) record in DNS, but (\\S+) maps it to (.+): it works on this host only; other hosts"
                            + " cannot resolve it",
                    "DNS에는 $1의 $2 레코드가 없지만 $3에 매핑이 있음 ($4): 이 호스트에서만 동작하고 다른 호스트는 해석하지 못함"),
            r(
                    "(\\S+) is an alias \\(CNAME\\) for (\\S+), which has no (\\S+) record: fix the alias target or create"
                            + " the record",
                    "$1 별칭(CNAME)의 대상 $2에 $3 레코드 없음: 별칭 대상을 고치거나 레코드를 만드세요"),
            r(
                    "(\\S+) exists in DNS but has no (\\S+) record \\(NOERROR, empty answer from (\\S+)\\): check the record"
                            + " type asked for, or create the record",
                    "DNS에 $1 이름은 있지만 $2 레코드 없음 (NOERROR, $3의 빈 응답): 질의한 레코드 유형을 확인하거나 레코드를" + " 만드세요"),
            r("(\\S+) points back to (.+) \\(PTR record from (\\S+)\\)", "$1 역방향 조회: $2 ($3의 PTR 레코드)"),
            r(
                    "DNS says (\\S+)(?: \\(alias for (\\S+)\\))? resolves to (.+), but (\\S+) maps it to (.+): programs on"
                            + " this host use the hosts file, others use DNS\\. That explains \"works here, fails there\":"
                            + " fix or remove the stale hosts entry",
                    (m, t) -> "DNS 응답은 " + m.group(1) + opt(m, 2, " (", " 별칭)") + " → " + m.group(3) + ", 그런데 "
                            + m.group(4) + "의 매핑은 → " + m.group(5)
                            + ": 이 호스트의 프로그램은 hosts 파일을, 다른 곳은 DNS를 씀. \"여기선 되고 저기선 안 되는\" 이유:"
                            + " 오래된 hosts 항목을 고치거나 지우세요"),
            r(
                    "(\\S+)(?: \\(alias for (\\S+)\\))? resolves to (.+) \\(answer from (\\S+)\\): ("
                            + String.join(
                                    "|",
                                    ADDRESS_MEANINGS.keySet().stream()
                                            .map(Pattern::quote)
                                            .toList()) + ")",
                    (m, t) -> m.group(1) + opt(m, 2, " (", " 별칭)") + " → " + m.group(3) + " (" + m.group(4) + " 응답): "
                            + ADDRESS_MEANINGS.get(m.group(5))),
            r("(\\S+) has (\\d+) (\\S+) records?: (.+)", "$1: $3 레코드 $2개: $4"),

            // --- ping ---
            r("stopped before the first echo request was sent", "첫 에코 요청을 보내기 전에 중지됨"),
            r("stopped before any reply was due from (.+)", "$1에서 응답이 올 때가 되기 전에 중지됨"),
            r(
                    "(\\d+)/(\\d+) echo replies from (.+?), 0% packet loss, avg rtt ([\\d.]+) ms: the host is up and the"
                            + " path passes ICMP\\. Next, test the service port \\(tcping/telnet/curl\\)",
                    "$3에서 에코 응답 $1/$2, 패킷 손실 0%, 평균 rtt $4 ms: 호스트가 살아 있고 경로가 ICMP를 통과시킴. 다음으로"
                            + " 서비스 포트를 테스트하세요 (tcping/telnet/curl)"),
            r(
                    "([\\d.]+)% packet loss \\((\\d+)/(\\d+) replies from (.+?), avg rtt ([\\d.]+) ms\\): congestion or"
                            + " rate-limited ICMP\\. Repeat with more packets \\(ping -c 20 (\\S+)\\); if the service port"
                            + " answers steadily \\(tcping\\), ICMP rate limiting is the likely cause",
                    "패킷 손실 $1% ($4에서 응답 $2/$3, 평균 rtt $5 ms): 혼잡 또는 ICMP 속도 제한. 패킷을 늘려 다시 해 보세요"
                            + " (ping -c 20 $6). 서비스 포트가 꾸준히 응답하면(tcping) ICMP 속도 제한일 가능성이 큼"),
            // ss -s (socket-summary probe), clause by clause
            r(
                    "(\\d+) TCP connection\\(s\\) established, (\\d+) in TIME-WAIT, (\\d+) orphaned",
                    "TCP 연결 $1개 수립됨, TIME-WAIT $2개, 고아 $3개"),
            r("(\\d+) socket\\(s\\) in all", "소켓 모두 $1개"),
            r(
                    "So many TIME-WAIT sockets mean short connections opened and closed fast",
                    "TIME-WAIT 소켓이 이렇게 많다는 것은 짧은 연결이 빠르게 열리고 닫힌다는 뜻"),
            r(
                    "outgoing connections may run out of local ports \\(reuse connections, or widen"
                            + " (net\\.ipv4\\.ip_local_port_range)\\)",
                    "나가는 연결이 로컬 포트를 다 쓸 수 있음 (연결을 재사용하거나 $1 범위를 넓히세요)"),
            // lsof -i (lsof probe), clause by clause
            r("no process has port (\\d+) open \\(lsof prints nothing\\)", "포트 $1을 연 프로세스 없음 (lsof 출력 없음)"),
            r("nothing listens there", "아무것도 리슨하지 않음"),
            r("start the service, or check the port it was given", "서비스를 시작하거나 설정된 포트를 확인하세요"),
            r("some processes could not be read \\(not root\\)", "일부 프로세스를 읽을 수 없음 (root 아님)"),
            r("their sockets are not listed", "그 소켓은 목록에 없음"),
            r("nothing here listens on port (\\d+)", "이 호스트에서 포트 $1을 리슨하는 것 없음"),
            r("([^;:]+?) only talk through it \\(connections to or from it\\)", "$1은 그 포트로 통신만 함 (오가는 연결)"),
            r("port (\\d+) is open", "포트 $1 열림"),
            r("([^;:]+?) listen\\(s\\) on (\\S+(?:, \\S+)*)", "$1이 $2에서 리슨 중"),
            r("(\\d+) socket\\(s\\) held by ([^;]+)", "소켓 $1개, 보유 프로세스: $2"),
            r("listening", "리슨 중"),
            r("((?:\\[[0-9a-fA-F:.%]+]|[0-9.]+|\\*):\\d+(?:, (?:\\[[0-9a-fA-F:.%]+]|[0-9.]+|\\*):\\d+)*)", "$1"),
            r("no process holds (.+) matching this", "$1에 맞는 소켓을 가진 프로세스 없음"),
            // resolv.conf (resolver probe), clause by clause
            r("name servers ([0-9A-Fa-f.:%, ]+)", "네임서버 $1"),
            r("search ([\\w.\\- ]+)", "검색 도메인 $1"),
            r("options ([\\w.:\\-+ ]+)", "옵션 $1"),
            r("Only the first (\\d+) are ever asked", "앞의 $1개만 질의됨"),
            r("([0-9A-Fa-f.:%, ]+) never are", "$1은 질의되지 않음"),
            r("(\\S+) is systemd-resolved's local stub", "$1은 systemd-resolved의 로컬 스텁"),
            r("the servers it forwards to are in 'resolvectl status'", "실제로 전달하는 서버는 'resolvectl status'에 나옴"),
            r(
                    "Probebook's own DNS steps ask (.+) instead \\(probebook\\.dns\\.servers\\)",
                    "Probebook의 DNS 단계는 대신 $1에 질의함 (probebook.dns.servers)"),
            r("no nameserver line", "nameserver 줄 없음"),
            r(
                    "the system resolver asks 127\\.0\\.0\\.1, where nothing answers unless a local DNS server runs",
                    "시스템 리졸버는 127.0.0.1에 질의하는데, 로컬 DNS 서버가 돌지 않으면 아무도 응답하지 않음"),
            r("add 'nameserver ADDRESS'", "'nameserver ADDRESS'를 추가하세요"),
            r("(/\\S+) does not exist", "$1 없음"),
            r(
                    "the system resolver has no name server and falls back to 127\\.0\\.0\\.1 \\(nothing answers there"
                            + " unless a local DNS server runs\\)",
                    "시스템 리졸버에 네임서버가 없어 127.0.0.1로 대체됨 (로컬 DNS 서버가 돌지 않으면 아무도 응답하지 않음)"),
            // ARP cache (neighbours probe)
            r(
                    "no ARP entry for (\\S+): this host has not talked to it lately, or it is not on a local network \\(a"
                            + " host elsewhere is reached through the gateway: look for the gateway's entry\\)\\. Ping it,"
                            + " then look again",
                    "$1의 ARP 항목 없음: 최근에 통신한 적이 없거나 로컬 네트워크에 있지 않음 (다른 네트워크의 호스트는 게이트웨이를"
                            + " 거치므로 게이트웨이 항목을 보세요). ping 한 뒤 다시 확인하세요"),
            r(
                    "no ARP answer from (.+?): the host is down, unplugged, on another VLAN, or the address is wrong;"
                            + " nothing above the link layer \\(ping, TCP\\) can reach it",
                    "$1에서 ARP 응답 없음: 호스트가 꺼졌거나, 케이블이 빠졌거나, 다른 VLAN에 있거나, 주소가 틀림. 링크 계층 위의"
                            + " 어떤 것(ping, TCP)도 닿을 수 없음"),
            r(
                    "the ARP cache is empty: nothing on the local network was talked to lately \\(ping the gateway, then"
                            + " look again\\)",
                    "ARP 캐시가 비어 있음: 최근 로컬 네트워크와 통신한 적이 없음 (게이트웨이에 ping 한 뒤 다시 확인하세요)"),
            r(
                    "(\\S+) is at (\\S+) on (\\S+): the link layer works, so look higher \\(ping, tcping\\)",
                    "$1의 MAC은 $3의 $2: 링크 계층은 정상이니 그 위를 확인하세요 (ping, tcping)"),
            r("(\\d+) neighbour\\(s\\) resolved: (.+)", "이웃 $1개 확인됨: $2"),
            // routing table (routes probe)
            r(
                    "default route via (\\S+) on (\\S+); (\\d+) route\\(s\\) in the table, (\\d+) shown",
                    "기본 경로: $2의 $1 경유. 라우팅 테이블에 경로 $3개, 그중 $4개 표시"),
            r(
                    "default route via (\\S+) on (\\S+); (\\d+) route\\(s\\) in the table",
                    "기본 경로: $2의 $1 경유. 라우팅 테이블에 경로 $3개"),
            r(
                    "the routing table is empty: this host reaches no network but itself \\(loopback\\); every other"
                            + " address fails with 'Network is unreachable'",
                    "라우팅 테이블이 비어 있음: 이 호스트는 자기 자신(루프백) 말고는 어느 네트워크에도 닿지 못함."
                            + " 다른 주소는 모두 'Network is unreachable'로 실패"),
            r(
                    "no route uses (\\S+): nothing is sent through it \\(is it up, with an address\\? ip addr show"
                            + " (\\S+)\\)",
                    "$1을 쓰는 경로가 없음: 그 인터페이스로는 아무것도 나가지 않음 (올라와 있고 주소가 있나요? ip addr show $2)"),
            r(
                    "no default route: only the networks listed are reachable \\((.+?)\\); any other address fails"
                            + " with 'Network is unreachable' \\(add a gateway: ip route add default via GATEWAY\\)",
                    "기본 경로 없음: 나열된 네트워크($1)에만 닿을 수 있고, 다른 주소는 'Network is unreachable'로 실패"
                            + " (게이트웨이 추가: ip route add default via GATEWAY)"),
            r(
                    "(\\S+) is this host's own address: the traffic stays on the machine \\(dev lo\\)",
                    "$1은 이 호스트 자신의 주소: 트래픽이 머신 밖으로 나가지 않음 (dev lo)"),
            r(
                    "no route to (\\S+): connecting there fails at once with 'Network is unreachable'; the table has no"
                            + " default route and no network holding it \\(check the address, or add a route: ip route"
                            + " add default via GATEWAY\\)",
                    "$1로 가는 경로 없음: 연결하면 곧바로 'Network is unreachable'로 실패. 테이블에 기본 경로도, 그 주소를"
                            + " 포함하는 네트워크도 없음 (주소를 확인하거나 경로 추가: ip route add default via GATEWAY)"),
            r(
                    "(\\S+) is reached via gateway (\\S+) on (\\S+)(?: \\(from \\S+\\))?, the default route; if it does"
                            + " not answer, the path past the gateway or a firewall is next",
                    "$1은 기본 경로로 $3의 게이트웨이 $2를 거쳐 감. 응답이 없으면 게이트웨이 너머의 경로나 방화벽을 확인하세요"),
            r(
                    "(\\S+) is reached via gateway (\\S+) on (\\S+)(?: \\(from \\S+\\))?, route (\\S+); if it does"
                            + " not answer, the path past the gateway or a firewall is next",
                    "$1은 경로 $4로 $3의 게이트웨이 $2를 거쳐 감. 응답이 없으면 게이트웨이 너머의 경로나 방화벽을 확인하세요"),
            r(
                    "(\\S+) is on (\\S+)'s own network \\((\\S+)\\): sent directly, no gateway(?: \\(from"
                            + " \\S+\\))?; if it does not answer, check the host itself \\(ARP: ip neigh\\)",
                    "$1은 $2의 같은 네트워크($3)에 있음: 게이트웨이 없이 바로 보냄. 응답이 없으면 그 호스트 자체를 확인하세요" + " (ARP: ip neigh)"),
            r(
                    "cannot send to (.+?): (.+): this machine has no route there\\. Check the IP and the routing table"
                            + " \\(ip route get (\\S+)\\)",
                    "$1에 보낼 수 없음: $2: 이 머신에는 그쪽으로 가는 경로가 없음. IP와 라우팅 테이블을 확인하세요 (ip route get $3)"),
            r(
                    "cannot send to (.+?): (.+): a local firewall \\(iptables/nftables OUTPUT\\) blocks ICMP from this"
                            + " machine",
                    "$1에 보낼 수 없음: $2: 로컬 방화벽(iptables/nftables OUTPUT)이 이 머신의 ICMP를 막음"),
            r("cannot send to (.+?): (.+)", "$1에 보낼 수 없음: $2"),
            r(
                    "From (\\S+) icmp_seq=(\\d+) (.+?): (nothing answers at .+|a router or firewall at .+|the packets loop"
                            + " .+|the packet is larger .+|the path to .+ reports a problem)",
                    "From $1 icmp_seq=$2 $3: {4}"),
            r(
                    "nothing answers at (.+?) \\(host down, wrong IP, or no route beyond (\\S+)\\)\\. Check the IP and"
                            + " that the host is up, then the routing",
                    "$1에서 응답하는 것이 없음 (호스트 다운, 잘못된 IP, 또는 $2 너머로 가는 경로 없음). IP와 호스트 상태를 확인한 뒤" + " 라우팅을 확인하세요"),
            r(
                    "a router or firewall at (\\S+) rejects traffic to (.+?)\\. Ask for an allow rule; test the service"
                            + " port with tcping/telnet/curl",
                    "$1의 라우터나 방화벽이 $2 대상 트래픽을 거부함. 허용 규칙을 요청하고, 서비스 포트는 tcping/telnet/curl로" + " 테스트하세요"),
            r(
                    "the packets loop or the path is longer than the TTL; trace the path \\(traceroute (\\S+)\\)",
                    "패킷이 루프를 돌거나 경로가 TTL보다 김: 경로를 추적하세요 (traceroute $1)"),
            r(
                    "the packet is larger than the path MTU; use a smaller -s, or fix the MTU and allow ICMP"
                            + " '(fragmentation needed)' on the path",
                    "패킷이 경로 MTU보다 큼: 더 작은 -s를 쓰거나, MTU를 고치고 경로에서 ICMP '$1' 메시지를 허용하세요"),
            r("the path to (.+) reports a problem", "$1까지의 경로에서 문제를 보고함"),
            r(
                    "no echo replies from (.+?) \\((\\d+) sent\\), but the host answers on TCP (\\d+) \\((open|connection"
                            + " refused)\\): ICMP is blocked by a firewall; use tcping/telnet/curl to test the service port",
                    (m, t) -> m.group(1) + "에서 에코 응답 없음 (" + m.group(2) + "개 보냄), 하지만 호스트가 TCP " + m.group(3)
                            + "에 응답함 (" + (m.group(4).equals("open") ? "열림" : "연결 거부")
                            + "): 방화벽이 ICMP를 막음. 서비스 포트는 tcping/telnet/curl로 테스트하세요"),
            r(
                    "no reply at all from (.+?): host down, or everything is filtered on the way \\(no echo replies, and"
                            + " TCP ([\\d/]+) did not answer within (\\d+) ms\\)\\. The receiving side may block ping: test"
                            + " the service port with tcping/telnet/curl, and check that the host is up",
                    "$1에서 아무 응답 없음: 호스트 다운 또는 중간에서 모두 필터링됨 (에코 응답 없음, TCP $2도 $3 ms 안에 응답 없음)."
                            + " 수신 측이 ping을 막을 수 있음: 서비스 포트를 tcping/telnet/curl로 테스트하고 호스트가 살아 있는지"
                            + " 확인하세요"),
            r(
                    "no echo replies from (.+?) \\((\\d+) sent\\): ICMP blocked by a firewall, or the host is down\\. The"
                            + " receiving side often blocks ping: test the service port with tcping/telnet/curl",
                    "$1에서 에코 응답 없음 ($2개 보냄): 방화벽이 ICMP를 막았거나 호스트가 다운됨. 수신 측에서 ping을 막는 경우가"
                            + " 많음: 서비스 포트를 tcping/telnet/curl로 테스트하세요"),
            r(
                    "ping needs Linux ICMP sockets, not available on (.+?): test the service port with tcping HOST PORT"
                            + " instead",
                    "ping에는 리눅스 ICMP 소켓이 필요한데 $1에는 없음: 대신 tcping HOST PORT로 서비스 포트를 테스트하세요"),
            r(
                    "ping cannot reach the operating system's ICMP sockets \\(JNA failed to load: (.*)\\)",
                    "ping이 운영체제의 ICMP 소켓을 쓸 수 없음 (JNA 로드 실패: $1)"),
            r(
                    "no permission to send ICMP: raw sockets need root or CAP_NET_RAW, and unprivileged ICMP sockets are"
                            + " not allowed for this group( \\(net\\.ipv4\\.ping_group_range = \"[^\"]*\"\\))?\\. Grant"
                            + " it: run as root, or (sudo setcap cap_net_raw\\+ep \\$\\(readlink -f \\$\\(which"
                            + " java\\)\\)), or allow unprivileged ICMP with (sudo sysctl -w"
                            + " net\\.ipv4\\.ping_group_range=\"0 2147483647\")",
                    "ICMP를 보낼 권한 없음: raw 소켓에는 root 또는 CAP_NET_RAW가 필요하고, 이 그룹에는 비특권 ICMP 소켓이 허용되지"
                            + " 않음$1. 권한을 주세요: root로 실행하거나, $2 명령을 쓰거나, $3 명령으로 비특권 ICMP를 허용하세요"),
            r(
                    "IPv6 is not available on this machine \\(disabled in the kernel\\?\\): ping the IPv4 address"
                            + " instead \\(ping -4\\)",
                    "이 머신에서 IPv6를 쓸 수 없음 (커널에서 꺼져 있나요?): 대신 IPv4 주소로 ping하세요 (ping -4)"),
            r("cannot open an ICMP socket: (.+)", (m, t) -> "ICMP 소켓을 열 수 없음: " + cause(m.group(1))),
            r("cannot check TCP port (\\d+) instead: (.+)", "대신 TCP $1 포트를 확인할 수 없음: $2"),
            r("TCP check instead of ping -p (\\d+): (.+)", "ping -p $1 대신 TCP 확인: {2}"),

            // --- sockets (netstat, ss) ---
            r("cannot read (\\S+): socket tables can only be read on Linux", "$1 읽기 실패: 소켓 테이블은 리눅스에서만 읽을 수 있음"),
            r(
                    "no listening socket in this listing: this view hides listening sockets, add -l or -a \\(netstat"
                            + " -tlnp\\)",
                    "이 목록에 리스닝 소켓 없음: 이 보기는 리스닝 소켓을 숨김, -l 또는 -a를 추가하세요 (netstat -tlnp)"),
            r(
                    "no listening socket in this listing: nothing on this host accepts connections",
                    "이 목록에 리스닝 소켓 없음: 이 호스트에서 연결을 받는 것이 없음"),
            r(
                    "no socket matches ('.*'|the grep filter)( \\(this view hides listening sockets: add -l or -a\\))?",
                    (m, t) -> "일치하는 소켓 없음: " + (m.group(1).equals("the grep filter") ? "grep 필터" : m.group(1))
                            + (m.group(2) == null ? "" : " (이 보기는 리스닝 소켓을 숨김: -l 또는 -a를 추가하세요)")),
            r("(\\d+) socket line\\(s\\) match: (.+)", "일치하는 소켓 줄 $1개: {2}"),
            r("port (\\d+) is open: " + SOCKETS, "$1 포트 열림: $2"),
            r(
                    "but the accept queue of port (\\d+) is full \\((\\d+) waiting, limit (\\d+)\\)",
                    "그러나 $1 포트의 수락 대기열이 가득 참 (대기 $2, 한도 $3)"),
            r("new connections to it time out", "그 포트로 오는 새 연결은 타임아웃됨"),
            r("Check that application \\(ss -tln \\| grep (\\d+)\\)", "그 애플리케이션을 확인하세요 (ss -tln | grep $1)"),
            r(
                    "port (\\d+) listens \\(" + SOCKETS
                            + "\\), but its accept queue is full \\((\\d+) connection\\(s\\)"
                            + " waiting in Recv-Q, limit (\\d+) in Send-Q\\): the kernel drops new SYNs, so clients time out"
                            + " instead of being refused\\. The application is not taking connections \\(hung or"
                            + " overloaded\\) or its backlog is too small: check its threads and logs, then raise its"
                            + " listen backlog \\(capped by net\\.core\\.somaxconn\\)",
                    "$1 포트는 수신 중($2)이지만 수락 대기열이 가득 참 (Recv-Q에 연결 $3개 대기, 한도는 Send-Q의 $4): 커널이 새"
                            + " SYN을 버리므로 클라이언트는 거부가 아니라 타임아웃을 겪음. 애플리케이션이 연결을 받지 못하거나"
                            + " (멈춤, 과부하) 백로그가 너무 작음: 스레드와 로그를 확인한 뒤 리슨 백로그를 늘리세요"
                            + " (상한은 net.core.somaxconn)"),
            r(
                    "port (\\d+) listens \\(" + SOCKETS + "\\), but (\\d+) connection\\(s\\) wait in its accept queue"
                            + " \\(Recv-Q\\): if that stays above 0, the application is not accepting them \\(hung,"
                            + " overloaded, or its backlog is too small\\) and once the queue is full, new connections"
                            + " time out\\. Run it again, then check the application's threads and logs",
                    "$1 포트는 수신 중($2)이지만 연결 $3개가 수락 대기열(Recv-Q)에서 기다림: 계속 0보다 크면 애플리케이션이"
                            + " 연결을 받지 않는 것임 (멈춤, 과부하, 또는 백로그가 너무 작음). 대기열이 가득 차면 새 연결은"
                            + " 타임아웃됨. 다시 실행해 본 뒤 애플리케이션의 스레드와 로그를 확인하세요"),
            r(
                    "port (\\d+) does listen \\((.+)\\) but this view hides listening sockets: add -l or -a \\(netstat"
                            + " -tlnp \\| grep (\\d+)\\)",
                    "$1 포트는 수신 중($2)이지만 이 보기는 리스닝 소켓을 숨김: -l 또는 -a를 추가하세요 (netstat -tlnp | grep $3)"),
            r(
                    "nothing listens on port (\\d+) itself; '(\\d+)' matched part of another listener \\(" + SOCKETS
                            + "\\): grep '(:\\d+ )' matches the port exactly",
                    "$1 포트 자체에는 리스너 없음: '$2'가 다른 리스너($3)의 일부와 일치함. 포트만 정확히 찾으려면 grep '$4'"),
            r(
                    "nothing listens on port (\\d+)(?:; the (\\d+) matching line\\(s\\) are connections or other sockets,"
                            + " not a listener)?: the service is not running, failed to start, or uses another port"
                            + " \\(check its log and configured port\\)",
                    (m, t) -> m.group(1) + " 포트에 리스너 없음"
                            + opt(m, 2, ", 일치한 ", "줄은 리스너가 아니라 연결이나 다른 소켓임")
                            + ": 서비스가 실행 중이 아니거나, 시작에 실패했거나, 다른 포트를 씀 (로그와 설정된 포트를 확인하세요)"),
            r(
                    "TCP ports? (\\d+(?:, \\d+)*) listens? on loopback only: other hosts cannot connect \\(bind 0\\.0\\.0\\.0"
                            + " or :: to serve them\\)",
                    "TCP $1 포트는 루프백에서만 수신: 다른 호스트는 접속할 수 없음 (다른 호스트에 서비스하려면 0.0.0.0 또는 ::에" + " 바인드하세요)"),
            r(
                    "some processes could not be inspected \\(run as root to see every owner\\)",
                    "일부 프로세스는 확인할 수 없음 (모든 소유자를 보려면 root로 실행하세요)"),
            r(
                    "(\\d+) listening TCP ports?: " + PORTS + "(?: and (\\d+) more)?",
                    (m, t) -> "리스닝 TCP 포트 " + m.group(1) + "개: " + m.group(2) + opt(m, 3, " 외 ", "개")),
            r(
                    "(\\d+) bound UDP ports?: " + PORTS + "(?: and (\\d+) more)?",
                    (m, t) -> "바인드된 UDP 포트 " + m.group(1) + "개: " + m.group(2) + opt(m, 3, " 외 ", "개")),
            r("(\\d+) connection\\(s\\)", "연결 $1개"),
            r(
                    "(\\d+) UNIX socket\\(s\\)(?: \\((\\d+) listening\\))?",
                    (m, t) -> "UNIX 소켓 " + m.group(1) + "개" + opt(m, 2, " (리스닝 ", "개)")),
            r("no sockets in this view", "이 보기에 소켓 없음"),
            r(
                    "(.+) \\(listening sockets are hidden without -l or -a: netstat -tlnp or ss -tlnp lists them\\)",
                    "{1} (-l 또는 -a 없이는 리스닝 소켓이 숨겨짐: netstat -tlnp 또는 ss -tlnp로 확인)"),
            r("(.+) \\(nothing listens in this view\\)", "{1} (이 보기에는 리스너 없음)"),

            // --- interfaces (ip addr, ip link, ifconfig) ---
            r(
                    "there is no interface (\\S+) on this host; its interfaces are (.+) \\(names differ between hosts:"
                            + " eth0, ens5, enp0s3, \\.\\.\\.\\)",
                    "이 호스트에 $1 인터페이스 없음, 있는 인터페이스: $2 (이름은 호스트마다 다름: eth0, ens5, enp0s3, ...)"),
            r("no link to show", "표시할 링크 없음"),
            r(
                    "links: ([^;]+)(?:; down: ([^(]+) \\(no traffic until brought up; ip addr shows the addresses\\))?",
                    (m, t) -> "링크: " + m.group(1) + opt(m, 2, "; 다운: ", " (올리기 전에는 트래픽 없음, 주소는 ip addr로 확인)")),
            r(
                    "no interface to show in this view \\(ifconfig -a or ip addr lists every interface\\)",
                    "이 보기에 표시할 인터페이스 없음 (ifconfig -a 또는 ip addr로 모든 인터페이스 확인)"),
            r(
                    "(public|private|cgnat|reserved|ula|link-local): " + ADDRESSES,
                    (m, t) -> addressClass(m.group(1)) + ": " + more(m.group(2))),
            r(
                    "no routable address, only IPv6 link-local ones: " + ADDRESSES,
                    (m, t) -> "라우팅 가능한 주소 없음, IPv6 링크 로컬 주소뿐: " + more(m.group(1))),
            r(
                    "the interface has neither IPv4 nor a global IPv6 address \\(DHCP or static configuration missing\\)",
                    "인터페이스에 IPv4 주소도 글로벌 IPv6 주소도 없음 (DHCP 또는 고정 설정 누락)"),
            r("only loopback addresses: " + ADDRESSES, (m, t) -> "루프백 주소뿐: " + more(m.group(1))),
            r("reachable from this host only", "이 호스트에서만 접근 가능"),
            r(
                    "no other interface is up with an address \\(ifconfig -a or ip addr lists all\\)",
                    "주소가 있는 다른 인터페이스가 올라와 있지 않음 (ifconfig -a 또는 ip addr로 전체 확인)"),
            r("no address on ([^\\s,]+(?:, [^\\s,]+)*)", "주소 없음: $1"),
            r("this host has a public address of its own", "이 호스트에 자체 공인 주소가 있음"),
            r(
                    "other hosts on the internet reach it there directly \\(if firewalls and security groups allow\\)",
                    "인터넷의 다른 호스트가 이 주소로 직접 접속함 (방화벽과 보안 그룹이 허용하면)"),
            r("curl ifconfig\\.me should print it", "curl ifconfig.me도 이 주소를 출력해야 함"),
            r("no public address on any interface", "어느 인터페이스에도 공인 주소 없음"),
            r(
                    "this host is in a private network — its public IP, if any, comes from NAT \\(check with curl"
                            + " ifconfig\\.me\\)",
                    "이 호스트는 사설 네트워크에 있음 — 공인 IP가 있다면 NAT에서 옴 (curl ifconfig.me로 확인)"),
            r(
                    "A 169\\.254\\.x\\.x address is self-assigned: DHCP got no answer on that interface",
                    "169.254.x.x 주소는 자동 할당된 것: 그 인터페이스에서 DHCP 응답을 받지 못함"),
            r(
                    "(\\S+) is down: it carries no traffic until brought up \\(ip link set (\\S+) up\\)",
                    "$1 다운 상태: 올리기 전에는 트래픽이 흐르지 않음 (ip link set $2 up)"),

            // --- hosts (cat/vi /etc/hosts, getent, echo ... >> /etc/hosts) ---
            r("(\\d+) entr(?:y|ies)", "항목 $1개"),
            r("(\\d+) entr(?:y|ies) in (\\S+)", "$2 항목 $1개"),
            r(
                    "ignored by the resolver: (line .+)",
                    (m, t) -> "리졸버가 무시하는 줄: "
                            + joined(m.group(1), INVALID_LINE, ", ", ", ", KoreanSummaries::invalidLine)),
            r("fix or comment out", "고치거나 주석 처리하세요"),
            r(
                    "(\\S+) has (\\d+) addresses: (\\S+ \\(line \\d+\\)(?:, \\S+ \\(line \\d+\\))*)",
                    (m, t) -> m.group(1) + "의 주소 " + m.group(2) + "개: "
                            + m.group(3).replaceAll("\\(line (\\d+)\\)", "($1행)")),
            r("clients get all of them and try (\\S+) first: keep one line", "클라이언트는 모두 받아서 $1부터 시도함: 한 줄만 남기세요"),
            r("every name is resolved by DNS", "모든 이름을 DNS로 해석함"),
            r("all for this machine itself \\(localhost\\)", "모두 이 머신 자신(localhost)용"),
            r("every other name is resolved by DNS", "그 밖의 이름은 모두 DNS로 해석함"),
            r(
                    "this host pins (.+?): requests to (?:that name|those names) go there, whatever DNS says",
                    (m, t) -> "이 호스트는 " + more(m.group(1)) + " 매핑을 고정함: DNS 응답과 관계없이 그 이름으로 가는 요청은 그" + " 주소로 감"),
            r(
                    "read-only view of (\\S+): (\\d+ entr(?:y|ies)); editing is a separate, guarded action \\(admins: the"
                            + " hosts editor in the web notebook; from a shell, edit the file yourself\\)(?:; (.+))?",
                    (m, t) -> m.group(1) + " 읽기 전용 보기: " + t.sub(m.group(2))
                            + "; 편집은 별도의 보호된 작업 (관리자: 웹 노트북의 hosts 편집기, 셸에서는 파일을 직접 편집하세요)"
                            + (m.group(3) == null ? "" : "; " + t.sub(m.group(3)))),
            r(
                    "(\\S+) does not exist: no name is pinned on this host, every lookup goes to DNS \\(even localhost,"
                            + " unless the resolver provides it\\)",
                    "$1 파일 없음: 이 호스트에 고정된 이름이 없어 모든 조회가 DNS로 감 (리졸버가 제공하지 않으면 localhost도)"),
            r(
                    "cannot read (\\S+) \\((.+)\\): run Probebook as a user that can read it",
                    (m, t) -> m.group(1) + " 읽기 실패 (" + cause(m.group(2)) + "): 읽을 수 있는 사용자로 Probebook을 실행하세요"),
            r("already in (\\S+): '(.*)' \\(line ([\\d, ]+)\\); nothing to change", "이미 $1에 있음: '$2' ($3행): 바꿀 것 없음"),
            r(
                    "would add '(.*)' to (\\S+) \\(not written: hosts-file writes are a separate, guarded action\\)",
                    "$2에 '$1' 추가 예정 (쓰지 않음: hosts 파일 쓰기는 별도의 보호된 작업)"),
            r(
                    "would change (\\S+ from \\S+ to \\S+ \\(line \\d+\\)(?:, \\S+ from \\S+ to \\S+ \\(line \\d+\\))*)"
                            + "(?:, but appending keeps line ([\\d, ]+) first: clients would still try (\\S+) first, so edit"
                            + " line ([\\d, ]+) instead)?; not written: hosts-file writes are a separate, guarded action",
                    (m, t) -> "변경 예정: "
                            + m.group(1)
                                    .replaceAll("(\\S+) from (\\S+) to (\\S+) \\(line (\\d+)\\)", "$1 $2 → $3 ($4행)")
                            + (m.group(2) == null
                                    ? ""
                                    : ", 하지만 끝에 추가하면 " + m.group(2) + "행이 계속 먼저라 클라이언트는 여전히 " + m.group(3)
                                            + "부터 시도함: 대신 " + m.group(4) + "행을 고치세요")
                            + "; 쓰지 않음: hosts 파일 쓰기는 별도의 보호된 작업"),
            r(
                    "(\\S+) -> " + LIST
                            + " (from DNS|from the system resolver|from the hosts file) \\(not in (\\S+)\\)",
                    (m, t) -> m.group(1) + " → " + m.group(2) + " ("
                            + switch (m.group(3)) {
                                case "from DNS" -> "DNS에서";
                                case "from the system resolver" -> "시스템 리졸버에서";
                                default -> "hosts 파일에서";
                            }
                            + ", " + m.group(4) + "에는 없음)"),
            r(
                    "(\\S+) -> " + LIST
                            + " from (\\S+) \\(line ([\\d, ]+)\\): this host does not ask DNS for this name",
                    "$1 → $2 ($3 $4행): 이 호스트는 이 이름을 DNS에 묻지 않음"),
            r(
                    "(\\S+) is in neither the hosts file nor DNS: check the spelling, ask DNS directly \\(nslookup"
                            + " (\\S+)\\), or pin it in /etc/hosts",
                    "$1 이름이 hosts 파일에도 DNS에도 없음: 철자를 확인하거나, DNS에 직접 묻거나(nslookup $2), /etc/hosts에" + " 고정하세요"),
            r("(\\S+) is (\\S+) in (\\S+) \\(line (\\d+)\\)", "$1 = $2 ($3 $4행)"),
            r(
                    "(\\S+) has no name in (\\S+) and no PTR record in DNS: reverse lookups of this address give nothing",
                    "$1: $2에 이름 없음, DNS에 PTR 레코드도 없음: 이 주소는 역방향 조회 결과가 없음"),
            r("(\\S+) is (\\S+) by reverse DNS \\(PTR\\)", "$1 = $2 (역방향 DNS, PTR)"),
            r(
                    "(\\S+) is an IPv6 address: ahostsv4 returns only IPv4 addresses",
                    "$1: IPv6 주소임, ahostsv4는 IPv4 주소만 돌려줌"),
            r(
                    "(\\S+) is an address: getent returns it as is, nothing is looked up",
                    "$1: 주소임, getent는 그대로 돌려주고 아무것도 조회하지 않음"),

            // --- capture (tcpdump: LiveCapture, CaptureProbe, OpenFailure, CaptureVerdict, ConnectionTracker) ---
            r(
                    "libpcap lists no interfaces: is this a container without network access\\?",
                    "libpcap이 인터페이스를 하나도 찾지 못함: 네트워크 접근이 없는 컨테이너인가요?"),
            r("(\\d+) capture interfaces: (.+) \\(use one with -i\\)", "캡처 가능한 인터페이스 $1개: $2 (-i로 하나를 고르세요)"),
            r(
                    "cannot resolve (\\S+) \\(in the capture filter\\): check the name \\(nslookup (\\S+)\\), add it to"
                            + " /etc/hosts, or write the IP address in the filter",
                    "캡처 필터의 $1 이름 해석 실패: 이름을 확인하거나(nslookup $2), /etc/hosts에 추가하거나, 필터에 IP 주소를" + " 쓰세요"),
            r(
                    "no interface is up to capture on: name one with -i \\(tcpdump -D lists them\\) or set"
                            + " probebook\\.capture\\.interface",
                    "캡처할 수 있는 인터페이스가 올라와 있지 않음: -i로 지정하거나(tcpdump -D로 목록 확인)" + " probebook.capture.interface를 설정하세요"),
            r("the capture handle closed unexpectedly: (.*)", "캡처 핸들이 예기치 않게 닫힘: $1"),
            r(
                    "the capture filter '(.*)' is not valid pcap-filter syntax \\((.*)\\)\\. Write it like: (host"
                            + " 10\\.0\\.0\\.5 and tcp port 443)",
                    "캡처 필터 '$1': 올바른 pcap-filter 문법이 아님 ($2). 예: $3"),
            r("cannot poll (\\S+) without blocking: (.*)", "$1 인터페이스를 논블로킹으로 읽을 수 없음: $2"),
            r(
                    "cannot create the capture file under (\\S+) \\(probebook\\.data-dir\\): (.*)",
                    "$1 아래에 캡처 파일을 만들 수 없음 (probebook.data-dir): $2"),
            r(
                    "libpcap cannot be loaded \\((\\w+)\\): install libpcap \\((apt-get install libpcap0\\.8)\\) and run"
                            + " again",
                    "libpcap을 불러올 수 없음 ($1): libpcap을 설치하고($2) 다시 실행하세요"),
            r(
                    "capturing packets needs root or the CAP_NET_RAW capability: run Probebook as root, or grant it to"
                            + " its Java once: (.+)",
                    "패킷 캡처에는 root 또는 CAP_NET_RAW 권한이 필요함: Probebook을 root로 실행하거나, 그 Java에 한 번 권한을" + " 주세요: $1"),
            r(
                    "interface (\\S+) is down: nothing passes through it\\. Capture on an interface that is up \\(tcpdump"
                            + " -D\\), or bring it up \\(ip link set (\\S+) up\\)",
                    "$1 인터페이스 다운: 아무것도 지나가지 않음. 올라와 있는 인터페이스에서 캡처하거나(tcpdump -D) 인터페이스를" + " 올리세요 (ip link set $2 up)"),
            r("cannot capture on (\\S+): (.+)", "$1에서 캡처할 수 없음: $2"),
            r(
                    "interface (\\S+) does not exist on this machine(?: \\(did you mean (\\S+)\\?\\))?(?:; use one of:"
                            + " (.+))?\\. Fix -i, or leave it out to use the default interface",
                    (m, t) -> "이 머신에 " + m.group(1) + " 인터페이스 없음" + opt(m, 2, " (혹시 ", "인가요?)")
                            + opt(m, 3, "; 쓸 수 있는 인터페이스: ", "") + ". -i를 고치거나, 빼고 기본 인터페이스를 쓰세요"),
            r(
                    "the capture on (\\S+) broke off: (.+?) \\(libpcap\\)\\. What it caught before: (.+)",
                    "$1 캡처가 중단됨: $2 (libpcap). 그 전까지 잡은 것: {3}"),
            r("Saved (\\d+) packets? to (\\S+)", "패킷 $1개를 $2에 저장함"),
            r("(\\d+) packets? read from (\\S+): (.+)", "$2에서 패킷 $1개를 읽음: {3}"),
            r(
                    "no packets in (\\S+)(?: matched the filter '(.*)')?: the capture caught none(, or the filter leaves"
                            + " them out)?",
                    (m, t) -> m.group(1) + "에 " + opt(m, 2, "필터 '", "'와 일치하는 ") + "패킷 없음: 캡처가 아무것도 잡지 못함"
                            + (m.group(3) == null ? "" : ", 또는 필터가 걸러 냄")),
            r(
                    "no saved capture for (\\S+): Probebook reads only the captures it saved \\(tcpdump -w (\\S+) first,"
                            + " then -r the same name\\)(?:; none is saved yet|; the newest: (.+))",
                    (m, t) -> m.group(1) + "에 대해 저장된 캡처 없음: Probebook은 자신이 저장한 캡처만 읽음 (먼저 tcpdump -w "
                            + m.group(2) + ", 그다음 같은 이름으로 -r)"
                            + (m.group(3) == null ? "; 아직 저장된 캡처 없음" : "; 최근 캡처: " + m.group(3))),
            r("the file (\\S+) ends early \\((.+?)\\)\\. What it holds: (.+)", "$1 파일이 중간에 끝남 ($2). 담긴 내용: {3}"),
            r("cannot read (\\S+) as a pcap file: (.+)", "$1 파일을 pcap으로 읽을 수 없음: $2"),
            r("cannot read the saved captures in (\\S+): (.+)", "$1의 저장된 캡처를 읽을 수 없음: $2"),
            r(
                    "(.+) \\(the kernel dropped (\\d+) packets: the picture may be incomplete\\)",
                    "{1} (커널이 패킷 $2개를 버림: 전체 모습이 아닐 수 있음)"),
            r(
                    "no packets matched: nothing was sent to that host during the capture, or the filter or interface is"
                            + " wrong \\(interface (\\S+)(?:, filter '(.*)')?\\)\\. Make the request while tcpdump is"
                            + " listening; check the interface with tcpdump -D",
                    (m, t) -> "일치한 패킷 없음: 캡처 중에 그 호스트로 보낸 것이 없거나 필터나 인터페이스가 틀림 (인터페이스 "
                            + m.group(1) + opt(m, 2, ", 필터 '", "'")
                            + "). tcpdump가 듣고 있는 동안 요청을 보내고, 인터페이스는 tcpdump -D로 확인하세요"),
            r(
                    "intermittent: (\\d+) of (\\d+) connections to (.+?) completed, (\\d+) failed \\((\\S+): (.+)\\)\\."
                            + " Typical of a load balancer \\(VIP\\) whose members differ: test each member \\(real"
                            + " server\\) directly",
                    "간헐적: $3 대상 연결 $2개 중 $1개 성공, $4개 실패 ($5: {6}). 멤버 상태가 서로 다른 로드 밸런서(VIP)에서 흔한"
                            + " 증상: 각 멤버(실서버)를 직접 테스트하세요"),
            r("opened before the capture started: no handshake to judge", "캡처 시작 전에 열린 연결: 판단할 핸드셰이크 없음"),
            r(
                    "handshake completed \\(SYN, SYN-ACK, ACK\\): the path is open and something listens",
                    "핸드셰이크 완료 (SYN, SYN-ACK, ACK): 경로가 열려 있고 리스너가 있음"),
            r(
                    "the server answered (\\d+) times \\(SYN-ACK\\) but the client never completed the handshake: the"
                            + " reply does not reach the client \\(asymmetric routing or a firewall on the return path\\)",
                    "서버가 $1번 응답(SYN-ACK)했지만 클라이언트가 핸드셰이크를 끝내지 않음: 응답이 클라이언트에 닿지 않음 (비대칭" + " 라우팅 또는 돌아오는 경로의 방화벽)"),
            r(
                    "the server answered the SYN \\(SYN-ACK\\): the path is open and something listens",
                    "서버가 SYN에 응답함 (SYN-ACK): 경로가 열려 있고 리스너가 있음"),
            r(
                    "the SYN was answered by RST \\(connection refused\\): nothing listens on that port, or a firewall"
                            + " REJECTs it",
                    "SYN에 RST로 응답 (연결 거부): 그 포트에 리스너가 없거나 방화벽이 REJECT함"),
            r(
                    "the SYN was rejected with ([^:;]+): a firewall REJECT rule or the routing refuses it",
                    "SYN 거부됨 ($1): 방화벽 REJECT 규칙이나 라우팅이 거부함"),
            r("SYN retransmitted (\\d+) times? with no reply: a firewall drops it", "SYN을 $1번 재전송했지만 응답 없음: 방화벽이 버림"),
            r("SYN got no reply: a firewall drops it", "SYN에 응답 없음: 방화벽이 버림"),
            r("one SYN sent just before the capture ended, no reply yet", "캡처 종료 직전에 SYN 하나를 보냄, 아직 응답 없음"),
            r(
                    "SYN(?: from (\\S+))? to (\\S+) (?:retransmitted (\\d+) times?|sent (\\d+) times?) with no reply"
                            + ATTEMPTS + ": a firewall drops it on the way \\(or the host is down\\)\\. Open TCP port"
                            + " (\\d+) from the client to the server in the firewalls / security groups on the path",
                    (m, t) -> "SYN " + opt(m, 1, "", " ") + "→ " + m.group(2) + ": "
                            + (m.group(3) != null ? m.group(3) + "번 재전송했지만" : m.group(4) + "번 보냈지만") + " 응답 없음"
                            + opt(m, 5, " (연결 시도 ", "번)") + ": 방화벽이 중간에서 버림 (또는 호스트 다운). 경로상의"
                            + " 방화벽/보안 그룹에서 클라이언트 → 서버 방향 TCP " + m.group(6) + " 포트를 여세요"),
            r(
                    "(\\S+) answered the SYN(?: from (\\S+))? with RST" + ATTEMPTS
                            + ": connection refused\\. The host is"
                            + " reachable but nothing listens on port (\\d+) \\(check the service: ss -lnt on the"
                            + " server\\), or a firewall REJECTs it",
                    (m, t) -> m.group(1) + ": SYN" + opt(m, 2, "(", "에서 보냄)") + "에 RST로 응답"
                            + opt(m, 3, " (연결 시도 ", "번)") + ": 연결 거부. 호스트에는 도달하지만 " + m.group(4)
                            + " 포트에 리스너가 없거나(서버에서 ss -lnt로 서비스 확인) 방화벽이 REJECT함"),
            r(
                    "SYN(?: from (\\S+))? to (\\S+)" + ATTEMPTS
                            + " was rejected with ([^:;]+): a firewall REJECT rule or the"
                            + " routing refuses it: check the firewall rules on the path",
                    (m, t) -> "SYN " + opt(m, 1, "", " ") + "→ " + m.group(2) + opt(m, 3, " (연결 시도 ", "번)")
                            + ": 거부됨 (" + m.group(4) + "): 방화벽 REJECT 규칙이나 라우팅이 거부함. 경로상의 방화벽 규칙을"
                            + " 확인하세요"),
            r(
                    "(\\S+) answered (\\d+) times \\(SYN-ACK\\) but the client never completed the handshake: the reply"
                            + " does not reach the client \\(asymmetric routing or a firewall on the return path\\)"
                            + ATTEMPTS,
                    (m, t) -> m.group(1) + ": " + m.group(2) + "번 응답(SYN-ACK)했지만 클라이언트가 핸드셰이크를 끝내지 않음: 응답이"
                            + " 클라이언트에 닿지 않음 (비대칭 라우팅 또는 돌아오는 경로의 방화벽)" + opt(m, 3, " (연결 시도 ", "번)")),
            r("(\\S+:\\d+): (.+)", "$1: {2}"),
            r("(.+) \\(and (\\d+) more\\)", "{1} (외 $2건)"),
            r(
                    "(handshake completed \\(SYN, SYN-ACK, ACK\\)|the server answered the SYN \\(SYN-ACK\\)):"
                            + " (?:(\\S+ > \\S+)|(\\d+) connections to " + LIST
                            + "( \\.\\.\\.)?)\\. The path is open and something"
                            + " listens on port (\\d+); if the application still fails, look above TCP \\(TLS, HTTP"
                            + " status, application logs\\)",
                    (m, t) -> (m.group(1).startsWith("handshake")
                                    ? "핸드셰이크 완료 (SYN, SYN-ACK, ACK): "
                                    : "서버가 SYN에 응답함 (SYN-ACK): ")
                            + (m.group(2) != null
                                    ? m.group(2)
                                    : m.group(4) + (m.group(5) == null ? "" : " ...") + " 대상 연결 " + m.group(3) + "개")
                            + ". 경로가 열려 있고 " + m.group(6) + " 포트에 리스너가 있음. 그래도 애플리케이션이 실패하면 TCP 위 계층을"
                            + " 보세요 (TLS, HTTP 상태, 애플리케이션 로그)"),
            r(
                    "SYN (\\S+) > (\\S+) was sent just before the capture ended and has no reply yet: capture longer"
                            + " \\(raise -c or probebook\\.capture\\.max-duration\\) to see whether it is answered or"
                            + " dropped",
                    "SYN $1 > $2: 캡처 종료 직전에 보내져 아직 응답 없음: 응답되는지 버려지는지 보려면 더 오래 캡처하세요 (-c 또는"
                            + " probebook.capture.max-duration 늘리기)"),
            r(
                    "captured (\\d+) packets?; traffic flows both ways between (\\S+) and (\\S+) \\(no new TCP connection"
                            + " was opened during the capture\\)",
                    "패킷 $1개 캡처: $2 ↔ $3 양방향으로 트래픽이 흐름 (캡처 중 새 TCP 연결은 없음)"),
            r("captured (\\d+) packets? \\(no IP traffic among them to judge\\)", "패킷 $1개 캡처 (판단할 IP 트래픽 없음)"),
            r(
                    "captured (\\d+) packets?, all one way \\((\\S+) > (\\S+)\\) with no reply: the replies are dropped or"
                            + " come back another way \\(another interface or route\\)",
                    "패킷 $1개 캡처, 모두 한 방향($2 > $3)이고 응답 없음: 응답이 버려지거나 다른 길(다른 인터페이스나 경로)로" + " 돌아옴"),

            // --- package managers (InstallProbe) ---
            r(
                    "(.+) (?:is|are) built into Probebook: nothing to install\\.",
                    (m, t) -> m.group(1).replace(" and ", ", ") + ": Probebook에 내장되어 있어 설치할 필요 없음."));

    // --- how the parts are put together ---------------------------------------------------------------------------

    /** Distinct clauses one translation tries at most (a summary of 20 clause boundaries needs about 200). */
    private static final int MAX_CLAUSES = 1000;

    /** One translation: remembers the clauses it has tried, so splitting stays cheap. */
    private static final class Translation {
        /** Clauses tried so far: their Korean, or null for none. */
        private final Map<String, String> memo = new HashMap<>();

        /** The Korean of {@code text}, or null when some part of it has none. */
        String ko(String text) {
            if (memo.containsKey(text)) {
                return memo.get(text);
            }
            if (memo.size() >= MAX_CLAUSES) {
                return null; // far more clauses than any summary has: not one of ours, give up
            }
            memo.put(text, null); // a clause that leads back to itself has no rendering
            String korean = byRule(text);
            if (korean == null) {
                korean = byClauses(text);
            }
            memo.put(text, korean);
            return korean;
        }

        /** The Korean of a part a template needs; throws when it has none, so the template's rule does not apply. */
        String sub(String text) {
            String korean = ko(text);
            if (korean == null) {
                throw new Untranslated();
            }
            return korean;
        }

        /** What curl appends to an answer: " (after N redirect(s))", then sentences of their own. */
        String tail(String text) {
            if (text == null || text.isEmpty()) {
                return "";
            }
            Matcher redirects = AFTER_REDIRECTS.matcher(text);
            if (redirects.matches()) {
                return " (리다이렉트 " + redirects.group(1) + "번 후)" + tail(redirects.group(2));
            }
            if (text.startsWith(". ")) {
                return ". " + sub(text.substring(2));
            }
            throw new Untranslated();
        }

        private String byRule(String text) {
            for (Rule rule : RULES) {
                Matcher m = rule.pattern().matcher(text);
                if (m.matches()) {
                    try {
                        String korean = rule.template().korean(m, this);
                        if (korean != null) {
                            return korean;
                        }
                    } catch (Untranslated e) {
                        // a part has no rendering: try the next rule
                    }
                }
            }
            return null;
        }

        /** Splits at the first clause boundary whose two sides both have a rendering, outside () and ``. */
        private String byClauses(String text) {
            int depth = 0;
            boolean code = false;
            for (int i = 0; i + 1 < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '`') {
                    code = !code;
                } else if (!code && c == '(') {
                    depth++;
                } else if (!code && c == ')') {
                    depth = Math.max(0, depth - 1);
                } else if (!code && depth == 0 && (c == '.' || c == ':' || c == ';') && text.charAt(i + 1) == ' ') {
                    String left = ko(text.substring(0, i));
                    if (left != null) {
                        String right = ko(text.substring(i + 2));
                        if (right != null) {
                            return left + c + " " + right;
                        }
                    }
                }
            }
            return null;
        }
    }

    /** Expands {@code $N} (group N as it is) and {@code {N}} (group N translated); a group that did not match is empty. */
    private static String expand(String template, Matcher m, Translation t) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int j = i + 1;
            while (j < template.length() && Character.isDigit(template.charAt(j))) {
                j++;
            }
            boolean group = j > i + 1 && (c == '$' || (c == '{' && j < template.length() && template.charAt(j) == '}'));
            if (!group) {
                sb.append(c);
                i++;
                continue;
            }
            String value = m.group(Integer.parseInt(template.substring(i + 1, j)));
            if (value != null) {
                sb.append(c == '{' ? t.sub(value) : value);
            }
            i = c == '{' ? j + 1 : j;
        }
        return sb.toString();
    }

    /** {@code before + group + after}, or empty when the group did not match. */
    private static String opt(Matcher m, int group, String before, String after) {
        String value = m.group(group);
        return value == null ? "" : before + value + after;
    }

    /** A list that ends in "and N more": the Korean "외 N개". */
    private static String more(String list) {
        return list.replaceFirst(" and (\\d+) more$", " 외 $1개");
    }

    /** " (subject CN=..., issuer CN=...)" of a certificate from groups {@code first} and {@code first + 1}. */
    private static String subject(Matcher m, int first) {
        return m.group(first) == null ? "" : " (주체 " + m.group(first) + ", 발급자 " + m.group(first + 1) + ")";
    }

    /** Translates each item of a list joined by {@code separator}; throws unless the items make up all of it. */
    private static String joined(
            String list, Pattern item, String separator, String koreanSeparator, Function<Matcher, String> korean) {
        List<String> parts = new ArrayList<>();
        Matcher m = item.matcher(list);
        int at = 0;
        while (at < list.length()) {
            if (!parts.isEmpty()) {
                if (!list.startsWith(separator, at)) {
                    throw new Untranslated();
                }
                at += separator.length();
            }
            m.region(at, list.length());
            if (!m.lookingAt()) {
                throw new Untranslated();
            }
            parts.add(korean.apply(m));
            at = m.end();
        }
        return String.join(koreanSeparator, parts);
    }

    /** {@code variable host ({{host}}) and variable port} as {@code host ({{host}}), port}. */
    private static String variables(String list) {
        return joined(list, VARIABLE, " and ", ", ", m -> m.group(1) + opt(m, 2, " (", ")"));
    }

    /** {@code line 3 '10.0.0.x app' (10.0.0.x is not an IP address)} */
    private static String invalidLine(Matcher m) {
        String why = m.group(4) == null ? "주소 뒤에 호스트 이름 없음" : m.group(4) + ": IP 주소가 아님";
        return m.group(1) + "행 '" + m.group(2) + "' (" + why + ")";
    }

    /** What each action of the access rules is, as the refusal names it. */
    private static String action(String english) {
        return switch (english) {
            case "run probes" -> "프로브 실행";
            case "capture packets" -> "패킷 캡처";
            case "change the hosts file" -> "hosts 파일 변경";
            case "change runbooks" -> "런북 변경";
            case "read the audit log" -> "감사 로그 열람";
            case "send packets faster than five a second or larger than 1472 bytes" -> "초당 5개보다 빠르거나 1472바이트보다 큰 패킷 전송";
            case "delete reports and start or stop the practice lab" -> "보고서 삭제와 실습 환경 시작·중지";
            default -> throw new Untranslated();
        };
    }

    private static String addressClass(String label) {
        return switch (label) {
            case "public" -> "공인";
            case "private" -> "사설";
            case "cgnat" -> "CGNAT";
            case "reserved" -> "예약";
            case "ula" -> "ULA";
            default -> "링크 로컬";
        };
    }

    /** OpenSSL's words for an untrusted certificate ({@code CertificateProblem}). */
    private static String tracerouteMark(String english) {
        return switch (english) {
            case "network unreachable" -> "네트워크 도달 불가";
            case "administratively prohibited" -> "관리상 금지";
            case "protocol unreachable" -> "프로토콜 도달 불가";
            case "fragmentation needed" -> "단편화 필요";
            case "source route failed" -> "소스 라우팅 실패";
            case "host unreachable" -> "호스트 도달 불가";
            default -> throw new Untranslated();
        };
    }

    private static String whoisReason(String english) {
        return switch (english) {
            case "the connection was refused" -> "연결 거부";
            case "no answer to the connect" -> "연결 응답 없음";
            case "the name does not resolve here" -> "여기서 이름이 해석되지 않음";
            default -> cause(english);
        };
    }

    private static String addressKind(String label) {
        return switch (label) {
            case "private" -> "사설";
            case "loopback" -> "루프백";
            case "cgnat" -> "CGNAT";
            case "link-local" -> "링크 로컬";
            case "ula" -> "ULA";
            case "reserved" -> "예약된";
            default -> throw new Untranslated();
        };
    }

    private static String certificateProblem(String english) {
        return switch (english) {
            case "certificate is not yet valid" -> "인증서가 아직 유효하지 않음";
            case "certificate has expired" -> "인증서 만료";
            case "self-signed certificate" -> "자체 서명 인증서";
            case "self-signed certificate in certificate chain" -> "인증서 체인에 자체 서명 인증서가 있음";
            case "unable to get local issuer certificate" -> "발급자 인증서를 찾을 수 없음";
            case "unable to verify the first certificate" -> "첫 인증서를 검증할 수 없음";
            case "unknown problem" -> "알 수 없는 문제";
            default -> english;
        };
    }

    /** The system's (and the DNS transport's) common reasons in Korean; any other is carried over as it is. */
    private static String cause(String english) {
        return switch (english) {
            case "Connection refused", "connection refused" -> "연결 거부";
            case "Connection timed out", "timed out" -> "시간 초과";
            case "No route to host" -> "호스트로 가는 경로 없음";
            case "Network is unreachable" -> "네트워크에 도달할 수 없음";
            case "Host is down" -> "호스트 다운";
            case "Permission denied", "Operation not permitted" -> "권한 없음";
            case "No such file or directory" -> "파일이나 디렉터리 없음";
            case "Connection reset by peer", "Connection reset" -> "상대가 연결을 리셋함";
            case "the reply is not a DNS answer to this query" -> "이 질의에 대한 DNS 응답이 아님";
            case "the server closed the connection without an answer" -> "서버가 응답 없이 연결을 닫음";
            default -> english;
        };
    }

    /** Where the DNS servers came from (DnsProbe): the one in words, the others are a setting or a file. */
    private static String dnsConfig(String english) {
        return english.equals("the server address you gave") ? "입력한 서버 주소" : english;
    }

    /** "DNS server 10.0.0.2#53" or "none of the DNS servers (a, b)". */
    private static String dnsWho(Matcher m) {
        return m.group(1) != null ? "DNS 서버 " + m.group(1) : "DNS 서버 모두(" + m.group(2) + ")";
    }
}
