package dev.probebook.notebook;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The notebook's own UI text in English and Korean. Vaadin picks the browser's language among
 * {@link #getProvidedLocales()}; the header's switch sets the session locale. Runbook text is never
 * translated. Unknown keys show as the key, so a missing text is visible rather than blank.
 */
@Component
public class NotebookTexts implements I18NProvider {

    static final Locale KOREAN = Locale.KOREAN;

    private static final Map<String, String[]> TEXTS = Map.ofEntries(
            // key -> {English, Korean}
            Map.entry("app.title", new String[] {"Probebook", "Probebook"}),
            Map.entry("runbook.edit", new String[] {"Edit", "편집"}),
            Map.entry("library.new", new String[] {"New runbook", "새 런북"}),
            Map.entry("editor.title", new String[] {"Edit %s", "%s 편집"}),
            Map.entry("editor.new-title", new String[] {"New runbook", "새 런북"}),
            Map.entry("editor.name", new String[] {"Name (the file name, without .md)", "이름 (.md를 뺀 파일 이름)"}),
            Map.entry("editor.text", new String[] {"Markdown", "마크다운"}),
            Map.entry("editor.save", new String[] {"Save", "저장"}),
            Map.entry("editor.cancel", new String[] {"Cancel", "취소"}),
            Map.entry("editor.not-saved", new String[] {"Not saved: %s", "저장되지 않음: %s"}),
            Map.entry("editor.changed", new String[] {
                "Not saved: this runbook was changed by someone else since you opened it. Your text is kept below"
                        + " — copy it, reload, and merge.",
                "저장되지 않음: 이 런북을 연 뒤 다른 사람이 변경했습니다. 입력한 내용은 아래에 그대로 있습니다" + " — 복사한 뒤 새로 고치고 병합하세요."
            }),
            Map.entry("editor.not-audited", new String[] {
                "Not saved: the audit log could not be written (%s). Changes are refused until it can; your text is"
                        + " kept here. Tell an administrator.",
                "저장되지 않음: 감사 로그를 기록할 수 없습니다(%s). 기록할 수 있을 때까지 변경은 거부됩니다. 입력한 내용은" + " 여기에 남아 있습니다. 관리자에게 알리세요."
            }),
            Map.entry(
                    "editor.not-allowed",
                    new String[] {"Not saved: changing runbooks needs role %s.", "저장되지 않음: 런북을 변경하려면 %s 역할이 필요합니다."}),
            Map.entry("editor.rename", new String[] {"Rename", "이름 바꾸기"}),
            Map.entry("editor.new-name", new String[] {"New name (without .md)", "새 이름 (.md 제외)"}),
            Map.entry("editor.delete", new String[] {"Delete", "삭제"}),
            Map.entry("editor.delete-title", new String[] {"Delete %s?", "%s을(를) 삭제할까요?"}),
            Map.entry("editor.delete-text", new String[] {
                "The runbook leaves the library; its history stays, and an editor can bring it back from there.",
                "런북이 목록에서 사라집니다. 이력은 남아 있어 편집자가 되살릴 수 있습니다."
            }),
            Map.entry("editor.not-renamed", new String[] {"Not renamed: %s", "이름을 바꾸지 못함: %s"}),
            Map.entry("editor.not-deleted", new String[] {"Not deleted: %s", "삭제하지 못함: %s"}),
            Map.entry("editor.message", new String[] {"What changed (optional)", "변경 내용 (선택)"}),
            Map.entry("editor.message-hint", new String[] {"e.g. Add the SYN-drop check", "예: SYN 드롭 확인 추가"}),
            Map.entry("editor.preview", new String[] {"What the page will make of it", "페이지에서 보일 모습"}),
            Map.entry("editor.preview-problem", new String[] {"Not a runbook yet: %s", "아직 런북이 아닙니다: %s"}),
            Map.entry("editor.preview-empty", new String[] {"No code blocks yet.", "아직 코드 블록이 없습니다."}),
            Map.entry("editor.kind-step", new String[] {"step", "단계"}),
            Map.entry("editor.kind-example", new String[] {"example", "예시"}),
            Map.entry("editor.at-line", new String[] {"line %s", "%s행"}),
            Map.entry("editor.not-run", new String[] {"will not run: %s", "실행하지 않음: %s"}),
            Map.entry("editor.conflict", new String[] {"Their version, saved meanwhile", "그사이 저장된 다른 사람의 버전"}),
            Map.entry(
                    "editor.conflict-diff", new String[] {"What your text changes in theirs:", "입력한 내용이 그 버전과 다른 점:"}),
            Map.entry("editor.theirs", new String[] {"Their text", "다른 사람의 내용"}),
            Map.entry("editor.save-mine", new String[] {
                "Save mine over theirs (theirs stays in the history)", "내 내용으로 저장 (다른 사람의 버전은 이력에 남음)"
            }),
            Map.entry("editor.discard-title", new String[] {"Discard your changes?", "변경 내용을 버릴까요?"}),
            Map.entry(
                    "editor.discard-text",
                    new String[] {"What you typed since the last save will be lost.", "마지막 저장 이후 입력한 내용이 사라집니다."}),
            Map.entry("editor.discard", new String[] {"Discard", "버리기"}),
            Map.entry("editor.keep-editing", new String[] {"Keep editing", "계속 편집"}),
            Map.entry("versions.link", new String[] {"History", "이력"}),
            Map.entry("versions.title", new String[] {"History of %s", "%s 이력"}),
            Map.entry("versions.none", new String[] {"No history yet.", "아직 이력이 없습니다."}),
            Map.entry("versions.from", new String[] {"Compare", "비교"}),
            Map.entry("versions.to", new String[] {"with", "대상"}),
            Map.entry("versions.when", new String[] {"When", "시각"}),
            Map.entry("versions.who", new String[] {"Who", "작성자"}),
            Map.entry("versions.message", new String[] {"Message", "메시지"}),
            Map.entry("versions.id", new String[] {"Version", "버전"}),
            Map.entry("versions.outside", new String[] {"outside Probebook", "Probebook 밖에서 변경"}),
            Map.entry("versions.restore", new String[] {"Restore", "되돌리기"}),
            Map.entry("versions.not-restored", new String[] {"Not restored: %s", "되돌리지 못함: %s"}),
            Map.entry("diff.command-added", new String[] {"New step command: %s", "새 단계 명령: %s"}),
            Map.entry("diff.command-removed", new String[] {"Step command removed: %s", "삭제된 단계 명령: %s"}),
            Map.entry("diff.same", new String[] {"The two versions are the same.", "두 버전이 같습니다."}),
            Map.entry("diff.folded", new String[] {"… %s unchanged lines …", "… 변경 없는 %s행 …"}),
            Map.entry("library.owner", new String[] {"Owner", "담당"}),
            Map.entry("library.anyone", new String[] {"anyone", "전체"}),
            Map.entry("library.owned-by", new String[] {"owner: %s", "담당: %s"}),
            Map.entry("library.last-change", new String[] {"changed %s by %s", "%s %s 변경"}),
            Map.entry("library.tag-filter", new String[] {"tag: %s ✕", "태그: %s ✕"}),
            Map.entry("library.problem", new String[] {"Runbooks: %s", "런북: %s"}),
            Map.entry("runbook.owner", new String[] {"Owner: %s", "담당: %s"}),
            Map.entry("login.title", new String[] {"Sign in", "로그인"}),
            Map.entry("login.user", new String[] {"User name", "사용자 이름"}),
            Map.entry("login.password", new String[] {"Password", "비밀번호"}),
            Map.entry("login.submit", new String[] {"Sign in", "로그인"}),
            Map.entry("login.error-title", new String[] {"Sign-in failed", "로그인 실패"}),
            Map.entry("login.error", new String[] {"Check the user name and password.", "사용자 이름과 비밀번호를 확인하세요."}),
            Map.entry("login.with", new String[] {"Sign in with %s", "%s(으)로 로그인"}),
            Map.entry("login.owner-hint", new String[] {
                "No users are configured on this server. Open the one-time sign-in link printed in the server console.",
                "이 서버에는 사용자가 설정되어 있지 않습니다. 서버 콘솔에 출력된 일회용 로그인 링크를 여세요."
            }),
            Map.entry("login.link-used", new String[] {
                "That sign-in link is wrong or was already used. The console shows the current one.",
                "잘못되었거나 이미 사용된 로그인 링크입니다. 현재 링크는 서버 콘솔에 있습니다."
            }),
            Map.entry("nav.signed-in", new String[] {"%s (%s)", "%s (%s)"}),
            Map.entry("nav.sign-out", new String[] {"Sign out", "로그아웃"}),
            Map.entry("guide.title", new String[] {"Guided: %s", "단계별: %s"}),
            Map.entry("guide.label", new String[] {"Guided mode", "단계별 모드"}),
            Map.entry("guide.whole", new String[] {"Whole runbook", "런북 전체 보기"}),
            Map.entry("guide.empty", new String[] {"This runbook has no steps to follow.", "이 런북에는 따라갈 단계가 없습니다."}),
            Map.entry("guide.read-only", new String[] {
                "You can read these steps; running them takes the %s role. Your progress is not saved.",
                "단계를 읽을 수는 있지만 실행하려면 %s 역할이 필요합니다. 진행 상황은 저장되지 않습니다."
            }),
            Map.entry(
                    "guide.progress-unavailable",
                    new String[] {"Progress is not saved right now: %s", "지금은 진행 상황이 저장되지 않습니다: %s"}),
            Map.entry("guide.progress", new String[] {"%d of %d steps done", "%d / %d 단계 완료"}),
            Map.entry("guide.step", new String[] {"Step %d of %d:", "%d / %d 단계:"}),
            Map.entry("guide.passed-before", new String[] {"You passed this step before.", "이 단계는 이미 통과했습니다."}),
            Map.entry("guide.expects", new String[] {"Passes when it %s.", "통과 기준: %s"}),
            Map.entry("guide.back", new String[] {"Back", "이전"}),
            Map.entry("guide.check", new String[] {"Check", "확인"}),
            Map.entry("guide.mark-read", new String[] {"Mark as done", "완료로 표시"}),
            Map.entry("guide.read", new String[] {"Done: nothing to run in this step.", "완료: 이 단계에는 실행할 것이 없습니다."}),
            Map.entry("guide.hint", new String[] {"Hint (%d left)", "힌트 (%d개 남음)"}),
            Map.entry("guide.hint-example", new String[] {"What it looks like: %s", "이렇게 보입니다: %s"}),
            Map.entry("guide.skip", new String[] {"Skip: I may not run this here", "건너뛰기: 여기서는 실행할 수 없음"}),
            Map.entry("guide.skipped", new String[] {
                "Skipped: it could not run for you here; it counts as skipped.", "건너뜀: 여기서 실행할 수 없어 건너뛴 것으로 기록됩니다."
            }),
            Map.entry("guide.next", new String[] {"Next", "다음"}),
            Map.entry("guide.finish", new String[] {"Finish", "마치기"}),
            Map.entry("guide.checking", new String[] {"Checking...", "확인 중..."}),
            Map.entry("guide.unmet", new String[] {
                "It passes when it %s; this run ended %s: %s.", "통과 기준은 '%s'이지만 이번 실행은 %s(으)로 끝났습니다: %s."
            }),
            Map.entry("guide.meaning", new String[] {"What it means: %s", "의미: %s"}),
            Map.entry(
                    "guide.passed",
                    new String[] {"Passed: the result is what this step expects.", "통과: 이 단계가 기대하는 결과입니다."}),
            Map.entry("guide.failed", new String[] {"Not yet.", "아직 아닙니다."}),
            Map.entry("guide.completed", new String[] {"Runbook completed", "런북 완료"}),
            Map.entry(
                    "guide.end-not-done",
                    new String[] {"End of the runbook: some steps are not done yet", "런북의 끝: 아직 끝내지 않은 단계가 있습니다"}),
            Map.entry("guide.summary", new String[] {
                "%d of %d steps done (%d skipped), %d hints used, %d checks that did not pass.",
                "%d / %d 단계 완료(건너뜀 %d), 힌트 %d개 사용, 통과하지 못한 확인 %d회."
            }),
            Map.entry("versions.drill", new String[] {
                "A drill's versions hold its answer: they are shown to the %s role and up.",
                "훈련 파일의 버전에는 정답이 들어 있어 %s 이상 역할에게만 보입니다."
            }),
            Map.entry("library.more", new String[] {"Show %d more (%d not shown)", "%d개 더 보기 (%d개 남음)"}),
            Map.entry("nav.progress", new String[] {"Progress", "진행 현황"}),
            Map.entry("nav.lab", new String[] {"Lab", "실습"}),
            Map.entry("runbook.guided", new String[] {"Follow step by step", "단계별로 따라가기"}),
            Map.entry("runbook.drill-start", new String[] {"Start the drill", "훈련 시작"}),
            Map.entry("drill.values", new String[] {"In the practice lab, with:", "실습 환경에서, 다음 값으로:"}),
            Map.entry("drill.diagnosis", new String[] {"Your diagnosis", "진단"}),
            Map.entry("drill.submit", new String[] {"Submit diagnosis", "진단 제출"}),
            Map.entry("drill.choose", new String[] {"Pick one of the options first.", "먼저 하나를 고르세요."}),
            Map.entry("drill.passed", new String[] {"Right, and your checks show it.", "정답이며, 실행한 점검이 이를 뒷받침합니다."}),
            Map.entry("drill.not-yet", new String[] {
                "Not passed yet: either this is not the cause, or none of the checks you ran on this page shows it. Run the checks that would prove your diagnosis, look at what they print, then submit again.",
                "아직 통과하지 못했습니다. 원인이 아니거나, 이 페이지에서 실행한 점검 중 이를 보여 주는 것이 없습니다. 진단을 증명할 점검을 실행하고 결과를 본 뒤 다시 제출하세요."
            }),
            Map.entry("progress.title", new String[] {"Progress by track", "과정별 진행 현황"}),
            Map.entry("progress.other", new String[] {"Outside any track", "과정에 속하지 않은 항목"}),
            Map.entry("progress.none", new String[] {
                "Nobody has started a guided runbook or drill yet.", "아직 아무도 단계별 런북이나 훈련을 시작하지 않았습니다."
            }),
            Map.entry("progress.nobody", new String[] {"Nobody has started this track yet.", "아직 이 과정을 시작한 사람이 없습니다."}),
            Map.entry("progress.person", new String[] {"Person", "사람"}),
            Map.entry("progress.completed", new String[] {"completed %s", "%s 완료"}),
            Map.entry("progress.started", new String[] {"started %s", "%s 시작"}),
            Map.entry("progress.steps", new String[] {"%d/%d steps", "%d/%d 단계"}),
            Map.entry("progress.skipped", new String[] {"(%d skipped)", "(건너뜀 %d)"}),
            Map.entry("progress.attempts", new String[] {"attempts: %d", "시도 %d회"}),
            Map.entry("progress.hints", new String[] {"hints: %d", "힌트 %d개"}),
            Map.entry("lab.title", new String[] {"Practice lab", "실습 환경"}),
            Map.entry("lab.intro", new String[] {
                "Real services with real faults, on this server's loopback only: an open service, a refused port, dropped SYNs, an expired certificate, a lab DNS server, a hosts-file override and an intermittent VIP. Nothing leaves the machine.",
                "이 서버의 루프백에서만 동작하는 실제 서비스와 실제 장애입니다: 열린 서비스, 거부되는 포트, 버려지는 SYN, 만료된 인증서, 실습용 DNS 서버, hosts 파일 재정의, 간헐적으로 실패하는 VIP. 어떤 패킷도 이 서버 밖으로 나가지 않습니다."
            }),
            Map.entry("lab.running", new String[] {"Running since %s.", "%s부터 실행 중."}),
            Map.entry("lab.stopped", new String[] {"Not running.", "실행 중이 아님."}),
            Map.entry("lab.start", new String[] {"Start the lab", "실습 환경 시작"}),
            Map.entry("lab.stop", new String[] {"Stop the lab", "실습 환경 중지"}),
            Map.entry("lab.ask-admin", new String[] {"Starting the lab takes the %s role.", "실습 환경을 시작하려면 %s 역할이 필요합니다."
            }),
            Map.entry("lab.targets", new String[] {"Scenarios", "시나리오"}),
            Map.entry("lab.follow", new String[] {"Follow in the lab", "실습 환경에서 따라가기"}),
            Map.entry("lab.start-failed", new String[] {"The lab did not start: %s", "실습 환경을 시작하지 못했습니다: %s"}),
            Map.entry("lab.scenario", new String[] {"Scenario", "시나리오"}),
            Map.entry("lab.target", new String[] {"Target", "대상"}),
            Map.entry("lab.shows", new String[] {"What it shows", "보여 주는 것"}),
            Map.entry("lab.drill", new String[] {"Drill:", "훈련:"}),
            Map.entry("lab.guided", new String[] {"Guided:", "단계별:"}),
            Map.entry("lab.not-running", new String[] {
                "The practice lab is not running: runs here are refused until an admin starts it on the Lab page. Your progress is kept.",
                "실습 환경이 실행 중이 아닙니다. 관리자가 실습 페이지에서 시작할 때까지 실행이 거부됩니다. 진행 상황은 유지됩니다."
            }),
            Map.entry("lab.in-lab", new String[] {"In the practice lab (%s):", "실습 환경(%s)에서:"}),
            Map.entry("lab.open-in-lab", new String[] {"Open in the practice lab", "실습 환경에서 열기"}),
            Map.entry("nav.audit", new String[] {"Audit log", "감사 로그"}),
            Map.entry("audit.user", new String[] {"User", "사용자"}),
            Map.entry("audit.text", new String[] {"Command, runbook, target…", "명령, 런북, 대상…"}),
            Map.entry("audit.action", new String[] {"Action", "동작"}),
            Map.entry("audit.any-action", new String[] {"Any action", "모든 동작"}),
            Map.entry("audit.count", new String[] {"%d records (newest first)", "기록 %d건 (최신순)"}),
            Map.entry("audit.time", new String[] {"Time", "시각"}),
            Map.entry("audit.where", new String[] {"Runbook:step", "런북:단계"}),
            Map.entry("audit.command", new String[] {"Command", "명령"}),
            Map.entry("audit.target", new String[] {"Target", "대상"}),
            Map.entry("audit.ms", new String[] {"ms", "ms"}),
            Map.entry("audit.detail", new String[] {"Detail", "상세"}),
            Map.entry("denied.title", new String[] {"Not allowed", "허용되지 않음"}),
            Map.entry("denied.text", new String[] {"Your role may not open this page.", "이 페이지를 열 수 있는 역할이 아닙니다."}),
            Map.entry(
                    "denied.role",
                    new String[] {"%s needs role %s. Ask an administrator.", "%s에는 %s 역할이 필요합니다. 관리자에게 요청하세요."}),
            Map.entry("denied.editing", new String[] {"Changing runbooks", "런북 변경"}),
            Map.entry("nav.library", new String[] {"Runbooks", "런북"}),
            Map.entry("nav.terminal", new String[] {"Terminal", "터미널"}),
            Map.entry("nav.language", new String[] {"한국어", "English"}),
            Map.entry("library.search", new String[] {"Search runbooks", "런북 검색"}),
            Map.entry("library.steps", new String[] {"%d runnable steps", "실행 가능한 단계 %d개"}),
            Map.entry("library.empty", new String[] {"No runbooks in %s", "%s 폴더에 런북이 없습니다"}),
            Map.entry("library.none-match", new String[] {"No runbook matches.", "일치하는 런북이 없습니다."}),
            Map.entry("runbook.variables", new String[] {"Variables", "변수"}),
            Map.entry("runbook.no-variables", new String[] {"This runbook uses no variables.", "이 런북에는 변수가 없습니다."}),
            Map.entry("runbook.toc", new String[] {"Contents", "목차"}),
            Map.entry("runbook.not-found", new String[] {"Runbook not found", "런북을 찾을 수 없습니다"}),
            Map.entry("runbook.run-all", new String[] {"Run all", "모두 실행"}),
            Map.entry("runbook.run-all-limit", new String[] {
                "Run all starts at most %d steps (probebook.limits.run-all-max-steps); run the other %d one by one.",
                "모두 실행은 최대 %d단계까지만 시작합니다(probebook.limits.run-all-max-steps). 나머지 %d단계는 하나씩 실행하세요."
            }),
            Map.entry(
                    "widget.download-capture", new String[] {"Download %s (%d bytes, pcap)", "%s 내려받기 (%d바이트, pcap)"}),
            Map.entry(
                    "widget.read-only",
                    new String[] {"Read only: running probes needs role %s.", "읽기 전용: 프로브 실행에는 %s 역할이 필요합니다."}),
            Map.entry("hosts.apply", new String[] {"Apply to hosts file…", "hosts 파일에 적용…"}),
            Map.entry("hosts.preview", new String[] {"Change %s", "%s 변경"}),
            Map.entry(
                    "hosts.nothing",
                    new String[] {"Nothing to change: the file already says this.", "변경할 내용이 없습니다: 파일에 이미 있습니다."}),
            Map.entry("hosts.write", new String[] {"Write", "쓰기"}),
            Map.entry("hosts.cancel", new String[] {"Cancel", "취소"}),
            Map.entry("hosts.written", new String[] {
                "Written to %s: %d lines added, %d removed. Backup: %s", "%s에 썼습니다: %d줄 추가, %d줄 삭제. 백업: %s"
            }),
            Map.entry("hosts.not-written", new String[] {"Not written: %s", "쓰지 않았습니다: %s"}),
            Map.entry("runbook.progress", new String[] {"%d of %d", "%d / %d"}),
            Map.entry("runbook.summary", new String[] {"Summary", "요약"}),
            Map.entry("runbook.step", new String[] {"Step", "단계"}),
            Map.entry("runbook.verdict", new String[] {"Verdict", "판정"}),
            Map.entry("runbook.result", new String[] {"Result", "결과"}),
            Map.entry("runbook.example", new String[] {"Example output", "예시 출력"}),
            Map.entry("runbook.warning", new String[] {"Warning", "경고"}),
            Map.entry("widget.run", new String[] {"Run", "실행"}),
            Map.entry("widget.stop", new String[] {"Stop", "중지"}),
            Map.entry("widget.alternative", new String[] {"Alternative", "대안"}),
            Map.entry("widget.looks-like", new String[] {"looks like:", "비슷한 예시:"}),
            Map.entry("widget.not-runnable", new String[] {"Not run here:", "여기서 실행하지 않음:"}),
            Map.entry("widget.built-in", new String[] {
                "No install needed: Probebook has this tool built in.", "설치할 필요 없음: Probebook에 이 도구가 내장되어 있습니다."
            }),
            Map.entry("widget.set-variables", new String[] {
                "Give %s a value in the variables at the top of the page, then run again.",
                "페이지 위쪽 변수 칸에 %s 값을 넣고 다시 실행하세요."
            }),
            Map.entry("widget.phase-dns", new String[] {"DNS", "DNS"}),
            Map.entry("widget.phase-connect", new String[] {"connect", "연결"}),
            Map.entry("widget.phase-tls", new String[] {"TLS", "TLS"}),
            Map.entry("widget.phase-first-byte", new String[] {"first byte", "첫 바이트"}),
            Map.entry("widget.phase-transfer", new String[] {"transfer", "전송"}),
            Map.entry("widget.phase-total", new String[] {"total", "합계"}),
            Map.entry("widget.phase-unfinished", new String[] {"no answer", "응답 없음"}),
            Map.entry("widget.include", new String[] {"in Run all", "모두 실행에 포함"}),
            Map.entry(
                    "widget.include-title",
                    new String[] {"Run all runs this step when ticked", "선택하면 모두 실행이 이 단계를 실행합니다"}),
            Map.entry("widget.internet", new String[] {"internet", "인터넷"}),
            Map.entry("widget.internet-title", new String[] {
                "This step reaches a server on the internet; Run all leaves it out unless you tick it",
                "이 단계는 인터넷의 서버에 접속합니다. 선택하지 않으면 모두 실행에서 빠집니다"
            }),
            Map.entry("runbook.run-all-none", new String[] {"No step is ticked for Run all.", "모두 실행에 포함된 단계가 없습니다."}),
            Map.entry("runbook.run-all-excluded", new String[] {"%d step(s) left out by choice.", "선택에 따라 %d개 단계를 뺐습니다."
            }),
            Map.entry(
                    "runbook.run-all-waiting",
                    new String[] {"waiting for the capture running in the background…", "백그라운드에서 실행 중인 캡처를 기다리는 중…"}),
            Map.entry("runbook.command-run", new String[] {"Command as run", "실행한 명령"}),
            Map.entry("runbook.line", new String[] {"line %d", "%d행"}),
            Map.entry("col.subject", new String[] {"subject", "주체"}),
            Map.entry("col.issuer", new String[] {"issuer", "발급자"}),
            Map.entry("col.expires", new String[] {"expires", "만료"}),
            Map.entry("col.verified", new String[] {"verified", "검증"}),
            Map.entry("col.yes", new String[] {"yes", "예"}),
            Map.entry("col.no", new String[] {"no", "아니요"}),
            Map.entry("col.name", new String[] {"name", "이름"}),
            Map.entry("col.type", new String[] {"type", "유형"}),
            Map.entry("col.data", new String[] {"data", "값"}),
            Map.entry("col.address", new String[] {"address", "주소"}),
            Map.entry("col.port", new String[] {"port", "포트"}),
            Map.entry("col.outcome", new String[] {"outcome", "결과"}),
            Map.entry("col.time", new String[] {"time", "시간"}),
            Map.entry("col.interface", new String[] {"interface", "인터페이스"}),
            Map.entry("col.state", new String[] {"state", "상태"}),
            Map.entry("col.addresses", new String[] {"addresses", "주소"}),
            Map.entry("col.proto", new String[] {"proto", "프로토콜"}),
            Map.entry("col.local address", new String[] {"local address", "로컬 주소"}),
            Map.entry("col.peer", new String[] {"peer", "상대"}),
            Map.entry("col.program", new String[] {"program", "프로그램"}),
            Map.entry("col.client", new String[] {"client", "클라이언트"}),
            Map.entry("col.server", new String[] {"server", "서버"}),
            Map.entry("col.meaning", new String[] {"meaning", "의미"}),
            Map.entry("widget.copy", new String[] {"Copy", "복사"}),
            Map.entry("runbook.not-run-count", new String[] {
                "%d command line(s) on this page are shown, not run: run them in a shell.",
                "이 페이지의 명령 %d줄은 보여 주기만 하고 실행하지 않습니다. 셸에서 실행하세요."
            }),
            Map.entry("widget.runs-as", new String[] {"runs as", "실행되는 명령"}),
            Map.entry("widget.running", new String[] {"running…", "실행 중…"}),
            Map.entry("widget.timings", new String[] {"HTTP timings", "HTTP 구간 시간"}),
            Map.entry("widget.certificate", new String[] {"Certificate", "인증서"}),
            Map.entry("widget.days-left", new String[] {"%d days left", "만료까지 %d일"}),
            Map.entry("widget.answers", new String[] {"DNS answers", "DNS 응답"}),
            Map.entry("widget.attempts", new String[] {"TCP attempts", "TCP 연결 시도"}),
            Map.entry("widget.connections", new String[] {"TCP connections", "TCP 연결"}),
            Map.entry("widget.packets", new String[] {"Packets (%d)", "패킷 (%d개)"}),
            Map.entry("widget.more-rows", new String[] {"%d more in the output above", "나머지 %d개는 위 출력에 있습니다"}),
            Map.entry("widget.listening", new String[] {"Listening sockets (%d)", "LISTEN 중인 소켓 (%d개)"}),
            Map.entry("widget.sockets", new String[] {"Sockets (%d)", "소켓 (%d개)"}),
            Map.entry("widget.filter", new String[] {"Filter: port, address, program…", "필터: 포트, 주소, 프로그램…"}),
            Map.entry("widget.owners-incomplete", new String[] {
                "Some processes could not be inspected (not root): a blank program does not mean none.",
                "일부 프로세스를 확인할 수 없습니다(root 아님): 프로그램이 비어 있어도 없다는 뜻은 아닙니다."
            }),
            Map.entry("widget.interfaces", new String[] {"Interfaces", "인터페이스"}),
            Map.entry("history.title", new String[] {"Last runs", "최근 실행"}),
            Map.entry("history.none", new String[] {"Not run yet.", "아직 실행한 적이 없습니다."}),
            Map.entry(
                    "history.unavailable",
                    new String[] {"The run history cannot be read now: %s", "지금은 실행 기록을 읽을 수 없습니다: %s"}),
            Map.entry("history.compare", new String[] {"Compare with the last good run", "마지막 정상 실행과 비교"}),
            Map.entry("history.no-good", new String[] {
                "There is no earlier good run of this step to compare with.", "비교할 이 단계의 이전 정상 실행이 없습니다."
            }),
            Map.entry(
                    "history.same",
                    new String[] {"Same result as the last good run (%s, %s).", "마지막 정상 실행(%s, %s)과 결과가 같습니다."}),
            Map.entry(
                    "history.changed",
                    new String[] {"What changed since the last good run (%s, %s):", "마지막 정상 실행(%s, %s) 이후 바뀐 점:"}),
            Map.entry("history.fact", new String[] {"what", "항목"}),
            Map.entry("history.then", new String[] {"then", "그때"}),
            Map.entry("history.now", new String[] {"now", "지금"}),
            Map.entry("history.change", new String[] {"change", "차이"}),
            Map.entry("history.verdict", new String[] {"verdict", "판정"}),
            Map.entry("history.time", new String[] {"time (ms)", "시간 (ms)"}),
            Map.entry("history.earlier", new String[] {"Earlier run: %s, %s", "이전 실행: %s, %s"}),
            Map.entry("history.close", new String[] {"Close", "닫기"}),
            Map.entry("history.hidden", new String[] {
                "Output hidden: your role could not have run this.", "출력 숨김: 지금 역할로는 실행할 수 없는 명령입니다."
            }),
            Map.entry("history.all", new String[] {"All runs", "모든 실행"}),
            Map.entry("history.page-title", new String[] {"Runs of %s", "%s 실행 기록"}),
            Map.entry("history.person", new String[] {"Person", "사람"}),
            Map.entry("history.target", new String[] {"Target", "대상"}),
            Map.entry("history.any", new String[] {"any", "전체"}),
            Map.entry("history.when", new String[] {"when", "언제"}),
            Map.entry("history.who", new String[] {"who", "누가"}),
            Map.entry("history.step", new String[] {"step", "단계"}),
            Map.entry("history.summary", new String[] {"result", "결과"}),
            Map.entry("history.selected-report", new String[] {"Report of the selected runs", "선택한 실행으로 보고서 만들기"}),
            Map.entry("history.no-runs", new String[] {"No run matches.", "일치하는 실행이 없습니다."}),
            Map.entry("report.make", new String[] {"Make a report", "보고서 만들기"}),
            Map.entry("report.not-found", new String[] {"No such report", "보고서가 없습니다"}),
            Map.entry("report.unavailable", new String[] {"The report cannot be read now", "지금은 보고서를 읽을 수 없습니다"}),
            Map.entry("report.made-by", new String[] {"Made by %s, %s", "%s, %s 작성"}),
            Map.entry("report.runbook", new String[] {"Runbook %s, version %s", "런북 %s, 버전 %s"}),
            Map.entry("report.values", new String[] {"Values: %s", "값: %s"}),
            Map.entry("report.copy", new String[] {"Copy as Markdown", "마크다운으로 복사"}),
            Map.entry("report.copied", new String[] {"Copied.", "복사했습니다."}),
            Map.entry("report.delete", new String[] {"Delete report", "보고서 삭제"}),
            Map.entry("report.deleted", new String[] {"The report was deleted.", "보고서를 삭제했습니다."}),
            Map.entry("report.not-run", new String[] {"Not run in this report.", "이 보고서에서는 실행하지 않았습니다."}),
            Map.entry("report.other-runs", new String[] {"Other runs", "그 밖의 실행"}),
            Map.entry("report.failed", new String[] {"No report was made: %s", "보고서를 만들지 못했습니다: %s"}),
            Map.entry("report.pcap", new String[] {"Capture file %s", "캡처 파일 %s"}),
            Map.entry("library.verified", new String[] {"verified %s by %s", "%s %s 확인"}),
            Map.entry("library.never-run", new String[] {"never run", "실행한 적 없음"}),
            Map.entry(
                    "library.unverified",
                    new String[] {"run, never verified by a whole Run all", "실행했지만 모두 실행으로 확인된 적 없음"}),
            Map.entry("library.stale", new String[] {"stale", "오래됨"}),
            Map.entry(
                    "library.failing", new String[] {"failing for everyone for a week: line %s", "일주일째 모두 실패: %s번째 줄"}),
            Map.entry("library.sort", new String[] {"Sort", "정렬"}),
            Map.entry("library.sort-title", new String[] {"by title", "제목순"}),
            Map.entry("library.sort-fresh", new String[] {"least recently verified first", "확인한 지 오래된 순"}),
            Map.entry("library.show", new String[] {"Show", "보기"}),
            Map.entry("library.show-all", new String[] {"all", "전체"}),
            Map.entry("library.show-stale", new String[] {"stale or never verified", "오래되었거나 확인 안 됨"}),
            Map.entry("library.show-never", new String[] {"never run", "실행한 적 없음"}),
            Map.entry("library.show-failing", new String[] {"failing", "실패 중"}),
            Map.entry("widget.note", new String[] {"Note", "알림"}),
            Map.entry("terminal.title", new String[] {"Free terminal", "자유 터미널"}),
            Map.entry("terminal.hint", new String[] {
                "Type any command Probebook understands (ping, nc, curl, dig, ...). "
                        + "Enter runs, Escape stops, arrow keys browse history.",
                "Probebook이 아는 명령(ping, nc, curl, dig 등)을 입력하세요. Enter 실행, Esc 중지, 방향키로 기록 탐색."
            }));

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(Locale.ENGLISH, KOREAN);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        String[] pair = TEXTS.get(key);
        if (pair == null) {
            return key;
        }
        String text = locale != null && KOREAN.getLanguage().equals(locale.getLanguage()) ? pair[1] : pair[0];
        return params.length == 0 ? text : String.format(text, params);
    }

    /** Keys known in both languages (for the completeness test). */
    static Map<String, String[]> all() {
        return TEXTS;
    }
}
