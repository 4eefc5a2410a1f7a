package dev.probebook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class NotebookTextsTest {

    private final NotebookTexts texts = new NotebookTexts();

    @Test
    void everyTextExistsInBothLanguages() {
        NotebookTexts.all().forEach((key, pair) -> {
            assertThat(pair).as(key).hasSize(2);
            assertThat(pair[0]).as(key).isNotBlank();
            assertThat(pair[1]).as(key).isNotBlank();
        });
    }

    @Test
    void picksTheLanguageAndFormatsArguments() {
        assertThat(texts.getTranslation("library.steps", Locale.ENGLISH, 3)).isEqualTo("3 runnable steps");
        assertThat(texts.getTranslation("library.steps", Locale.KOREA, 3)).isEqualTo("실행 가능한 단계 3개");
        assertThat(texts.getTranslation("runbook.progress", Locale.US, 1, 4)).isEqualTo("1 of 4");
        assertThat(texts.getTranslation("no.such.key", Locale.ENGLISH)).isEqualTo("no.such.key");
    }
}
