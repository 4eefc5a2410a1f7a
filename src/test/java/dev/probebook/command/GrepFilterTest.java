package dev.probebook.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GrepFilterTest {

    @Test
    void basicRegexTreatsPlusAndPipeLiterally() throws Exception {
        GrepFilter bre = GrepFilter.parse("grep", List.of("a|b"));
        assertThat(bre.matches("x a|b y")).isTrue();
        assertThat(bre.matches("a")).isFalse();
        GrepFilter ere = GrepFilter.parse("grep", List.of("-E", "8080|443"));
        assertThat(ere.matches(":443")).isTrue();
        assertThat(GrepFilter.parse("egrep", List.of("8080|443")).matches(":8080"))
                .isTrue();
    }

    @Test
    void flags() throws Exception {
        assertThat(GrepFilter.parse("grep", List.of("-iv", "listen")).matches("LISTEN"))
                .isFalse();
        assertThat(GrepFilter.parse("grep", List.of("-w", "80")).matches(":8080"))
                .isFalse();
        assertThat(GrepFilter.parse("grep", List.of("-w", "80")).matches(":80 "))
                .isTrue();
        assertThat(GrepFilter.parse("grep", List.of("-F", "a.b")).matches("axb"))
                .isFalse();
        assertThat(GrepFilter.parse("grep", List.of("-e", "x", "-e", "y")).matches("y"))
                .isTrue();
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> GrepFilter.parse("grep", List.of())).hasMessageContaining("missing pattern");
        assertThatThrownBy(() -> GrepFilter.parse("grep", List.of("-z", "x")))
                .hasMessageContaining("unsupported option -z");
        assertThatThrownBy(() -> GrepFilter.parse("grep", List.of("-E", "("))).hasMessageContaining("bad pattern");
        assertThatThrownBy(() -> GrepFilter.parse("grep", List.of("x", "/etc/passwd")))
                .hasMessageContaining("file operands");
    }
}
