package dev.probebook.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.testing.ManualClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An outage costs one connection timeout, not one per run: after a failure to reach the database, calls fail fast. */
class ReconnectingRunStoreTest {

    @TempDir
    Path dir;

    @Test
    void afterTheDatabaseIsLostCallsFailAtOnceUntilTheRetryTime() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-01T00:00:00Z"));
        AtomicBoolean down = new AtomicBoolean();
        AtomicInteger reached = new AtomicInteger();
        RunStores.Opened real = RunStores.open(null, null, null, dir);
        // the real store, except that listing runs fails as an unreachable database does while "down"
        RunStore flaky = (RunStore) Proxy.newProxyInstance(
                RunStore.class.getClassLoader(), new Class<?>[] {RunStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("runs")) {
                        reached.incrementAndGet();
                        if (down.get()) {
                            throw new StoreException(
                                    "cannot list runs",
                                    new SQLTransientConnectionException("Connection is not available"));
                        }
                    }
                    try {
                        return method.invoke(real.store(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        ReconnectingRunStore store =
                new ReconnectingRunStore(() -> new RunStores.Opened(flaky, real.pool()), "test", clock);
        try (real) {
            assertThat(store.runs(RunQuery.latest(1))).isEmpty();
            down.set(true);
            assertThatThrownBy(() -> store.runs(RunQuery.latest(1))).isInstanceOf(StoreException.class);
            assertThatThrownBy(() -> store.runs(RunQuery.latest(1))).hasMessageContaining("cannot list runs");
            assertThat(reached)
                    .as("the second call did not wait for the database")
                    .hasValue(2);

            down.set(false);
            clock.advance(ReconnectingRunStore.RETRY.plus(Duration.ofSeconds(1)));
            assertThat(store.runs(RunQuery.latest(1))).isEmpty();
            assertThat(reached).hasValue(3);
        }
    }

    @Test
    void aQueryTheDatabaseRefusedDoesNotCountAsAnOutage() {
        assertThat(ReconnectingRunStore.unreachable(new StoreException("x", new java.sql.SQLException("bad", "42601"))))
                .isFalse();
        assertThat(ReconnectingRunStore.unreachable(
                        new StoreException("x", new java.sql.SQLException("gone", "08006"))))
                .isTrue();
    }

    @Test
    void messagesNeverShowTheDatabasePassword() {
        assertThat(RunStores.described("jdbc:postgresql://db.internal:5432/pb?user=pb&password=s3cret"))
                .isEqualTo("jdbc:postgresql://db.internal:5432/pb");
        assertThat(RunStores.described("jdbc:postgresql://pb:s3cret@db.internal/pb"))
                .isEqualTo("jdbc:postgresql://db.internal/pb");
    }
}
