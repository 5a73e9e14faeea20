package mn.sanal.support;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole app on a random port with the real configuration (profile
 * {@code postgres}) on its own fresh database in the embedded PostgreSQL, plus {@code application-it.yaml}. Flyway
 * and Camunda create their schemas on PostgreSQL; demo data loads at start; the job executor runs.
 * <p>
 * Each test class gets its own context, closed after the class ({@link DirtiesContext}): with a cached context
 * alive next to another one (two engines named "default" in one JVM), closing the second left the first one's
 * async jobs unexecuted (seen in the full run: the start job of a new petition never ran). One engine at a time
 * also keeps two job executors from competing for the build machine's two cores.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "it"})
@DirtiesContext
public abstract class IntegrationTest {

    /** Every demo user's password (organisations.DemoData). */
    protected static final String DEMO_PASSWORD = "demo";

    @LocalServerPort
    protected int port;

    /**
     * Called once per Spring context that is built (cached contexts are reused), so each context gets one fresh
     * database.
     */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = EmbeddedPostgresServer.createDatabase("sanal_it");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> EmbeddedPostgresServer.USER);
        registry.add("spring.datasource.password", () -> EmbeddedPostgresServer.PASSWORD);
    }

    protected Http http() {
        return Http.to(port);
    }

    protected Http as(String user) {
        return http().as(user, DEMO_PASSWORD);
    }

    /** Waits for what the job executor does asynchronously. */
    protected static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions();
    }
}
