package dev.probebook.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.probe.tcp.TcpSettings;
import dev.probebook.registry.ProbeRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsLoaderTest {

    @Test
    void defaultsAndUnits() {
        Settings s = SettingsLoader.load(Map.of(
                "probebook.dns.timeout",
                "750ms",
                "probebook.runbook.max-bytes",
                "3MB",
                "probebook.dns.servers",
                "127.0.0.1:5353, [::1]:53,10.0.0.2"));
        assertThat(s.dns().timeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(s.runbookMaxBytes()).isEqualTo(3L << 20);
        assertThat(s.dns().servers()).containsExactly("127.0.0.1:5353", "[::1]:53", "10.0.0.2");
        assertThat(s.policy().deny()).contains("169.254.0.0/16");
        assertThat(s.hostsFile().toString()).isEqualTo("/etc/hosts");
    }

    @Test
    void badValuesAreRefusedAtLoadWithTheKeyNamed() {
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("probebook.dns.servers", "[::1")))
                .hasMessageContaining("probebook.dns.servers");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("probebook.dns.servers", "127.0.0.1:abc")))
                .hasMessageContaining("not an address");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("probebook.dns.servers", "dns.example")))
                .hasMessageContaining("not an address");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("probebook.output.max-lines", "-1")))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("probebook.output.max-bytes", "9999999999GB")))
                .hasMessageContaining("too large");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("probebook.probe-timeout", "soon")))
                .hasMessageContaining("not a duration");
    }

    @Test
    void aProbesSectionIsReadFromTheSameProperties() {
        Settings s = SettingsLoader.load(Map.of("probebook.tcp.connect-timeout", "1500ms"));
        assertThat(s.section(TcpSettings.SECTION).connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(s.section(TcpSettings.SECTION).tcpingTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.section(TcpSettings.SECTION)).isSameAs(s.section(TcpSettings.SECTION));
    }

    @Test
    void aBadValueInAProbesSectionStopsTheLoadThatWasGivenTheSection() {
        Map<String, String> props = Map.of("probebook.capture.max-packets", "lots");
        assertThatThrownBy(() ->
                        SettingsLoader.load(props, ProbeRegistry.standard().settingsSections()))
                .hasMessageContaining("probebook.capture.max-packets");
    }

    @Test
    void misspeltKeysAreNamedWithTheNearestKnownOne() {
        assertThat(SettingsLoader.unknownKeys(
                        Map.of(
                                "probebook.tcp.connect-timout",
                                "1s",
                                "probebook.bogus",
                                "1",
                                "probebook.tcp.connect-timeout",
                                "1s",
                                "probebook.users.ada.roles",
                                "admin",
                                "probebook.runbooks-dir",
                                "x",
                                "server.port",
                                "80"),
                        ProbeRegistry.standard().settingsSections()))
                .containsExactly(
                        "probebook.bogus",
                        "probebook.tcp.connect-timout (did you mean probebook.tcp.connect-timeout?)");
    }
}
