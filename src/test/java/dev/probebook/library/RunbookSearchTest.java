package dev.probebook.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.registry.ProbeRegistry;
import dev.probebook.search.SearchFilter;
import dev.probebook.search.SearchHit;
import dev.probebook.settings.SettingsReader;
import dev.probebook.testing.ManualClock;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library's search follows the store: saved, changed outside, deleted. */
class RunbookSearchTest {

    @TempDir
    Path dir;

    @Test
    void theIndexFollowsTheRunbooksAsTheyChange() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-01T09:00:00Z"));
        Files.writeString(dir.resolve("capture.md"), "# Capture\n\n## Watch\n\n```\ntcpdump -i lo -c 1\n```\n");
        Files.writeString(dir.resolve("port.md"), "# Port\n\n## 포트 확인\n\n방화벽에서 포트를 여세요.\n");
        RunbookFolder files =
                new RunbookFolder(dir, 1 << 20, Duration.ofSeconds(10), ProbeRegistry.standard(), null, clock);
        try (GitRunbooks store = GitRunbooks.open(
                        files, 1 << 20, LibrarySettings.SECTION.read(new SettingsReader(Map.of())), clock);
                RunbookSearch search = new RunbookSearch(store)) {
            assertThat(search.search("tcpdump", SearchFilter.NONE, 10))
                    .extracting(SearchHit::name)
                    .containsExactly("capture");
            assertThat(search.search("방화벽", SearchFilter.NONE, 10))
                    .extracting(SearchHit::name)
                    .containsExactly("port");

            store.save(
                    "port",
                    "# Port\n\n## SYN\n\nWatch the SYN with tcpdump.\n",
                    store.source("port").hash(),
                    new Change("Ada", null, null));
            search.refresh();
            assertThat(search.search("tcpdump", SearchFilter.NONE, 10))
                    .extracting(SearchHit::name)
                    .containsExactlyInAnyOrder("capture", "port");
            assertThat(search.search("방화벽", SearchFilter.NONE, 10)).isEmpty();

            store.delete("capture", store.source("capture").hash(), new Change("Ada", null, null));
            search.refresh();
            assertThat(search.search("tcpdump", SearchFilter.NONE, 10))
                    .extracting(SearchHit::name)
                    .containsExactly("port");
        }
    }

    @Test
    void theWarmUpIndexesRunbooksTheFirstListingsStillHadToRead() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-01T09:00:00Z"));
        Files.writeString(dir.resolve("capture.md"), "# Capture\n\n## Watch\n\n```\ntcpdump -i lo -c 1\n```\n");
        RunbookFolder files =
                new RunbookFolder(dir, 1 << 20, Duration.ofSeconds(10), ProbeRegistry.standard(), null, clock);
        try (GitRunbooks real =
                GitRunbooks.open(files, 1 << 20, LibrarySettings.SECTION.read(new SettingsReader(Map.of())), clock)) {
            AtomicInteger listings = new AtomicInteger();
            // the first two listings still read the file (a large library at start), as LibraryIndex lists it
            RunbookStore slow = (RunbookStore) Proxy.newProxyInstance(
                    RunbookStore.class.getClassLoader(), new Class<?>[] {RunbookStore.class}, (proxy, m, args) -> {
                        if (m.getName().equals("list") && listings.incrementAndGet() <= 2) {
                            return List.of(new RunbookStore.Entry(
                                    "capture",
                                    "capture",
                                    List.of(),
                                    null,
                                    0,
                                    LibraryIndex.BEING_READ,
                                    null,
                                    null,
                                    null));
                        }
                        return m.invoke(real, args);
                    });
            try (RunbookSearch search = new RunbookSearch(slow).warmUp()) {
                long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                // snippets() reads the index as it is, without a listing first: what the warm-up left
                while (search.snippets("tcpdump", SearchFilter.NONE, 10, Set.of("capture"))
                                .isEmpty()
                        && System.nanoTime() < until) {
                    Thread.sleep(20);
                }
                assertThat(search.snippets("tcpdump", SearchFilter.NONE, 10, Set.of("capture")))
                        .extracting(SearchHit::name)
                        .containsExactly("capture");
                assertThat(listings.get()).isGreaterThanOrEqualTo(3);
            }
        }
    }
}
