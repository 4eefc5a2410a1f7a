package dev.probebook.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class TargetRuleTest {

    @Test
    void addressRulesWithPortsAndRanges() throws Exception {
        TargetRule v4 = TargetRule.parse("127.0.0.0/8:80-90");
        assertThat(v4.matchesAddress(InetAddress.getByName("127.1.2.3"), 85)).isTrue();
        assertThat(v4.matchesAddress(InetAddress.getByName("127.1.2.3"), 91)).isFalse();
        TargetRule v6 = TargetRule.parse("[::1]:53");
        assertThat(v6.matchesAddress(InetAddress.getByName("::1"), 53)).isTrue();
        assertThat(v6.matchesAddress(InetAddress.getByName("::1"), 54)).isFalse();
        TargetRule bare = TargetRule.parse("::1");
        assertThat(bare.matchesAddress(InetAddress.getByName("::1"), 1)).isTrue();
        assertThat(TargetRule.parse("*:22").matchesHost("anything", 22)).isTrue();
    }

    @Test
    void brokenRulesAreRefused() {
        assertThatThrownBy(() -> TargetRule.parse("[::1")).hasMessage("bad target rule '[::1'");
        assertThatThrownBy(() -> TargetRule.parse("[::1]:")).hasMessage("bad port in target rule '[::1]:'");
        assertThatThrownBy(() -> TargetRule.parse("10.0.0.1:x")).hasMessage("bad port in target rule '10.0.0.1:x'");
    }
}
