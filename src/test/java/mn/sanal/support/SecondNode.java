package mn.sanal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;

/**
 * Another app node in a process of its own, on the test's database: the test's own Spring context is node A, this
 * is node B. It runs {@code mn.sanal.SanalApplication} on the test JVM's class path (test resources included, so the
 * {@code it} profile applies), on a free port; its output goes to {@code target/cluster-it/<name>.log}.
 * {@link #kill()} is {@code kill -9}: no shutdown hook, no released lock, no last heartbeat.
 */
public final class SecondNode implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;

    private SecondNode(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
    }

    /** Starts node {@code name} on the database at {@code jdbcUrl} and waits until it answers health. */
    public static SecondNode start(String name, String jdbcUrl, String... args) {
        int port = freePort();
        Path log = Path.of("target", "cluster-it", name + ".log");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-Duser.timezone=Asia/Ulaanbaatar", "-Dfile.encoding=UTF-8",
                "-cp", classPath(),
                "mn.sanal.SanalApplication",
                "--spring.profiles.active=postgres,it",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + EmbeddedPostgresServer.USER,
                "--spring.datasource.password=" + EmbeddedPostgresServer.PASSWORD,
                "--server.port=" + port,
                "--sanal.cluster.node-id=" + name));
        cmd.addAll(List.of(args));
        try {
            Files.createDirectories(log.getParent());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            SecondNode node = new SecondNode(name, p, port);
            // the build machine is shared: a second app may take minutes to start there
            try {
                Awaitility.await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1))
                        .ignoreExceptions().failFast(name + " exited; see " + log, () -> !p.isAlive())
                        .until(() -> node.healthStatus() == 200);
            } catch (RuntimeException | Error notStarted) {
                p.destroyForcibly();
                throw notStarted;
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String name() {
        return name;
    }

    public Http http() {
        return Http.to(port);
    }

    int healthStatus() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** kill -9. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /**
     * The test JVM's class path without empty entries: failsafe's ends in ":", which is the working directory, the
     * project root, whose processes/ folder would then be deployed twice.
     */
    private static String classPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.isBlank()).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
