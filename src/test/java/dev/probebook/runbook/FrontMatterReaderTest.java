package dev.probebook.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrontMatterReaderTest {

    /** Front matter as runbooks write it, and the forms YAML reads otherwise than as text. */
    private static final List<String> SAMPLES = List.of(
            "title: Network checks\ntags:\n  - network\n  - linux\ndate: 2026-11-25\ntoc: true\ntoc_sticky: true\n",
            "title: \"Quoted: with a colon\"\nowner: 'sre team'\nreviewed: 2026-02-30\n",
            "title: 네트워크 연결 점검\ntags:\n- 네트워크\n- 리눅스\n",
            "title: First\ntitle: Second\nowner: a\nflags:\n  - yes\n",
            "draft: TRUE\npublished: off\n",
            "order: 10\nversion: 010\nratio: 1.5\nbig: 1e3\nhex: 0x1F\n",
            "flag: yes\nother: Off\nnothing: ~\nempty:\nnull_word: null\n",
            "tags: [a, b]\nmap: {a: 1}\n",
            "title: with # a comment\nnote: text\n  continued\n",
            "nested:\n  key: value\n",
            "anchor: &a text\nref: *a\n",
            "title: \"escaped \\\" quote\"\n",
            "list:\n  - 1\n  - 2026-01-01\n",
            "Yes: key\n",
            "time: 2026-11-25 10:00:00\n",
            "kind: drill\noptions:\n  - refused: \"Refused: nothing listens\"\n  - dropped: timed out\nevidence:\n  - \"timed out|no response\"\n",
            "options:\n  - port: 80\n  - open: yes\n  - empty:\n",
            "items:\n  - network-connectivity.en\n  - drill-new-api-port.en\n",
            "tags:\n- a\n  - b\n",
            "tags:\n  - a\n - b\n",
            "title: a\u3000\nold: 1500-01-01\n",
            "title: tab\there\n");

    @Test
    void simpleFrontMatterReadsExactlyAsSnakeYamlReadsIt() {
        int simple = 0;
        for (String yaml : SAMPLES) {
            String block = "---\n" + yaml + "---\n";
            List<String> warnings = new ArrayList<>();
            FrontMatter read = FrontMatterReader.read(block, warnings);
            FrontMatter snake = FrontMatterReader.readWithSnakeYaml(block, new ArrayList<>());
            assertThat(read).as(yaml).isEqualTo(snake);
            if (FrontMatterReader.simple(yaml) != null) {
                simple++;
            }
        }
        assertThat(simple).as("the samples the fast path reads itself").isEqualTo(5);
    }

    @Test
    void frontMatterIsFoundAsFlexmarkFoundIt() {
        assertThat(FrontMatterReader.find("\n---\ntitle: a\n---\n# Body\n"))
                .isEqualTo(new FrontMatterReader.Found("---\ntitle: a\n---\n", 18));
        assertThat(FrontMatterReader.find("--- \ntitle: a\n...\nbody"))
                .extracting(FrontMatterReader.Found::bodyStart)
                .isEqualTo(18);
        assertThat(FrontMatterReader.find("----\ntitle: a\n---\n")).isNull();
        assertThat(FrontMatterReader.find("# Title\n---\n")).isNull();
        assertThat(FrontMatterReader.find("---\ntitle: never closed\n"))
                .extracting(FrontMatterReader.Found::bodyStart)
                .isEqualTo(24);
    }

    @Test
    void aRunbooksLinesCountFromTheTopOfTheFileAfterFrontMatter() throws Exception {
        Runbook r = new MarkdownParser().parse("---\ntitle: T\n---\n\n# H\n\n```\nping 127.0.0.1\n```\n", "f");
        assertThat(r.title()).isEqualTo("T");
        assertThat(r.codeBlocks()).singleElement().extracting(CodeBlock::line).isEqualTo(7);
        assertThat(r.parts().getFirst()).isEqualTo(new Heading(5, 1, "H", "h"));
    }
}
