package dev.probebook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.probe.http.HttpDetails;
import org.junit.jupiter.api.Test;

class TimingPhaseTest {

    @Test
    void aConnectThatNeverEndedIsAnUnfinishedConnectNotATransfer() {
        var phases = TimingPhase.of(new HttpDetails.Timings(0, 0, 0, 0, 30_000), false);
        assertThat(phases).containsExactly(new TimingPhase(1, "connect", 30_000, true));
    }

    @Test
    void aServerThatNeverAnsweredWaitsForTheFirstByte() {
        var phases = TimingPhase.of(new HttpDetails.Timings(2, 3, 10, 0, 5_000), true);
        assertThat(phases).extracting(TimingPhase::key).containsExactly("dns", "connect", "tls", "first-byte");
        assertThat(phases.get(3).unfinished()).isTrue();
        assertThat(phases.get(3).ms()).isEqualTo(4_990);
    }

    @Test
    void aCompleteExchangeHasEveryPhaseAndNoTlsOverPlainHttp() {
        var phases = TimingPhase.of(new HttpDetails.Timings(0, 1, 0, 4, 6), false);
        assertThat(phases).extracting(TimingPhase::key).containsExactly("connect", "first-byte", "transfer");
        assertThat(phases).noneMatch(TimingPhase::unfinished);
        assertThat(phases).extracting(TimingPhase::ms).containsExactly(1.0, 3.0, 2.0);
    }
}
