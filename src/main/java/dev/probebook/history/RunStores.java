package dev.probebook.history;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.probebook.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Opens the run history: the database {@code spring.datasource.url} names (PostgreSQL for a team), or else an
 * embedded H2 file in the data directory ({@code DATA_DIR/history.mv.db}); then brings its schema up to date with the
 * Flyway migrations in {@code db/migration}, the same on both. Used by the web app and by the CLI's {@code --record},
 * without Spring.
 *
 * <p>H2 rather than SQLite for the embedded default: pure Java (no native library to load on an unusual machine),
 * many concurrent readers and writers inside the one JVM, and SQL close enough to PostgreSQL that one schema and one
 * set of queries serve both. Its file is locked by the process that opens it: the CLI can record only while the web
 * app is not running on the same data directory (or both use PostgreSQL).
 */
public final class RunStores {

    private RunStores() {}

    /** An open history and the pool behind it; closing it closes the pool. */
    public record Opened(RunStore store, HikariDataSource pool) implements AutoCloseable {
        @Override
        public void close() {
            pool.close();
        }
    }

    /**
     * @param url      a JDBC URL, or null/blank for the embedded H2 file under {@code dataDir}
     * @param user     database user (ignored for H2)
     * @param password database password (ignored for H2)
     */
    public static Opened open(String url, String user, String password, Path dataDir) throws StoreException {
        boolean embedded = url == null || url.isBlank();
        HikariConfig config = new HikariConfig();
        String description;
        if (embedded) {
            Path file = dataDir.toAbsolutePath().normalize().resolve("history");
            try {
                PrivateFiles.directory(file.getParent());
            } catch (IOException e) {
                throw new StoreException(
                        "cannot create the data directory " + file.getParent() + ": " + e.getMessage(), e);
            }
            config.setJdbcUrl("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000");
            config.setUsername("sa");
            config.setPassword("");
            description = "H2 file " + file + ".mv.db";
        } else {
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
            description = (url.startsWith("jdbc:postgresql:") ? "PostgreSQL at " : "") + described(url);
            if (url.startsWith("jdbc:postgresql:")) {
                // a database that hangs rather than refuses must not hold a run: bounded connect and reads
                config.addDataSourceProperty("connectTimeout", "5");
                config.addDataSourceProperty("socketTimeout", "30");
            }
        }
        config.setPoolName("probebook-history");
        config.setMaximumPoolSize(8);
        config.setConnectionTimeout(3_000);
        config.setInitializationFailTimeout(-1); // start without the database; calls fail (and say so) until it is up
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            pool.close();
            throw new StoreException("cannot prepare the run history (" + description + "): " + e.getMessage(), e);
        }
        if (embedded) {
            narrow(dataDir);
        }
        return new Opened(new JdbcRunStore(pool, description), pool);
    }

    /** H2 creates its files with the umask's rights: the data directory's files are private. */
    private static void narrow(Path dataDir) {
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("history."))
                    .toList()) {
                PrivateFiles.file(f);
            }
        } catch (IOException e) {
            // the folder itself is private; the files' own rights are a second fence
        }
    }

    /**
     * A JDBC URL fit for messages every user may read: no query string (it may hold {@code password=}) and no user
     * or password before the host.
     */
    public static String described(String url) {
        String plain = url.replaceFirst("\\?.*$", "").replaceFirst(";.*$", "");
        return plain.replaceFirst("//[^/@]*@", "//");
    }
}
