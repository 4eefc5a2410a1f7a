package dev.probebook.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedHostsTest {

    @Test
    void byDefaultLoopbackNamesAndTheBoundAddress() {
        AllowedHosts hosts = AllowedHosts.of(List.of(), "127.0.0.1");
        assertThat(hosts.test("localhost")).isTrue();
        assertThat(hosts.test("127.0.0.1")).isTrue();
        assertThat(hosts.test("[::1]")).isTrue();
        assertThat(hosts.test("LOCALHOST.")).isTrue();
        assertThat(hosts.test("evil.example")).isFalse();
        assertThat(hosts.test("127.0.0.2")).isFalse();
        assertThat(hosts.test(null)).isFalse();
    }

    @Test
    void boundToEveryInterfaceTheInterfacesAddressesToo() {
        AllowedHosts hosts = AllowedHosts.of(List.of(), "0.0.0.0");
        assertThat(hosts.names()).contains("127.0.0.1");
        assertThat(hosts.test("evil.example")).isFalse();
    }

    @Test
    void aConfiguredListReplacesTheDefaults() {
        AllowedHosts hosts = AllowedHosts.of(List.of("notebook.corp.example", "[2001:db8::5]"), "0.0.0.0");
        assertThat(hosts.test("notebook.corp.example")).isTrue();
        assertThat(hosts.test("2001:db8::5")).isTrue();
        assertThat(hosts.test("localhost")).isFalse();
    }
}
