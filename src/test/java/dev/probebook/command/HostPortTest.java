package dev.probebook.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostPortTest {

    @Test
    void splitsHostAndOptionalPort() {
        assertThat(HostPort.split("10.0.0.2")).isEqualTo(new HostPort("10.0.0.2", null, false));
        assertThat(HostPort.split("127.0.0.1:5353")).isEqualTo(new HostPort("127.0.0.1", "5353", false));
        assertThat(HostPort.split("example.com:")).isEqualTo(new HostPort("example.com", "", false));
        assertThat(HostPort.split("[::1]:53")).isEqualTo(new HostPort("::1", "53", true));
        assertThat(HostPort.split("[::1]")).isEqualTo(new HostPort("::1", null, true));
    }

    @Test
    void twoOrMoreColonsWithoutBracketsAreAllHost() {
        assertThat(HostPort.split("::1")).isEqualTo(new HostPort("::1", null, false));
        assertThat(HostPort.split("2001:db8::53")).isEqualTo(new HostPort("2001:db8::53", null, false));
    }

    @Test
    void portDefaultsAndParses() {
        assertThat(HostPort.split("[::1]").portOr(53)).isEqualTo(53);
        assertThat(HostPort.split("127.0.0.1:5353").portOr(53)).isEqualTo(5353);
        assertThatThrownBy(() -> HostPort.split("127.0.0.1:x").portOr(53)).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void refusesBrokenBrackets() {
        assertThatThrownBy(() -> HostPort.split("[::1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no ']'");
        assertThatThrownBy(() -> HostPort.split("[::1]53"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("':port'");
    }
}
