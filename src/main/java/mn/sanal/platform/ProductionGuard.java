package mn.sanal.platform;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * In production, Sanal refuses to start with demo data, the demo admin, or an admin password that is not set. The
 * configuration is checked as soon as the environment is read ({@link ConfigurationCheck}, before any bean exists and
 * before the database is touched); the users in the database once the engine is up.
 */
@Component
@Profile("prod")
class ProductionGuard {

    static final String PROFILE = "prod";

    private final IdentityService identity;

    ProductionGuard(IdentityService identity) {
        this.identity = identity;
    }

    /**
     * The rules for the configuration; {@code adminPassword} is null when it is not set at all. Throws with every
     * problem found, in words an operator can act on.
     */
    static void checkConfiguration(boolean demoEnabled, String adminId, String adminPassword) {
        List<String> problems = new ArrayList<>();
        if (demoEnabled) {
            problems.add("sanal.demo.enabled must be false");
        }
        if ("demo".equals(adminId) || adminPassword == null || "demo".equals(adminPassword)
                || adminPassword.isBlank() || adminPassword.length() < 12) {
            problems.add("set SANAL_ADMIN_PASSWORD (12+ characters) and an admin user other than 'demo'");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Profile prod: " + String.join("; ", problems));
        }
    }

    @EventListener(ApplicationStartedEvent.class)
    void checkNoDemoUsers() {
        if (identity.createUserQuery().userId("demo").count() > 0) {
            throw new IllegalStateException("Profile prod: the database holds the demo user 'demo'; remove demo "
                    + "users before running in production");
        }
    }

    /**
     * Runs after the configuration files are read (listed in {@code META-INF/spring.factories}): with profile prod,
     * a missing or weak setting stops the start with the guard's message instead of a placeholder error after the
     * engine created its schema.
     */
    static class ConfigurationCheck implements EnvironmentPostProcessor {

        @Override
        public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
            if (environment.acceptsProfiles(Profiles.of(PROFILE))) {
                checkConfiguration(environment.getProperty("sanal.demo.enabled", Boolean.class, false),
                        orNull(environment, "camunda.bpm.admin-user.id"),
                        orNull(environment, "camunda.bpm.admin-user.password"));
            }
        }

        /** The value, or null where it is missing or refers to an environment variable that is not set. */
        private static String orNull(ConfigurableEnvironment environment, String key) {
            try {
                return environment.getProperty(key);
            } catch (IllegalArgumentException unresolvable) {
                return null;
            }
        }
    }
}
