package dev.probebook.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NearestWordTest {

    private final ProbeRegistry registry = ProbeRegistry.standard();

    @Test
    void aSwappedOrMissingLetterSuggestsTheCommandMeant() {
        assertThat(registry.nearestWord("tcpnig")).contains("tcping");
        assertThat(registry.nearestWord("pnig")).contains("ping");
        assertThat(registry.nearestWord("nslokup")).contains("nslookup");
        assertThat(registry.nearestWord("culr")).contains("curl");
        assertThat(registry.unknownWord("tcpnig"))
                .isEqualTo("'tcpnig' is not a command Probebook knows: did you mean 'tcping'?");
    }

    @Test
    void knownFarOrShortWordsSuggestNothing() {
        assertThat(registry.nearestWord("ping")).isEmpty();
        assertThat(registry.nearestWord("kubectl")).isEmpty();
        assertThat(registry.nearestWord("ls")).isEmpty();
        assertThat(registry.nearestWord("Trying")).isEmpty();
        assertThat(registry.unknownWord("kubectl")).endsWith("; run it in a shell");
    }

    @Test
    void editDistanceCountsASwapAsOneEdit() {
        assertThat(EditDistance.between("tcpnig", "tcping")).isEqualTo(1);
        assertThat(EditDistance.between("abc", "abc")).isZero();
        assertThat(EditDistance.between("", "dig")).isEqualTo(3);
        assertThat(EditDistance.between("kitten", "sitting")).isEqualTo(3);
    }
}
