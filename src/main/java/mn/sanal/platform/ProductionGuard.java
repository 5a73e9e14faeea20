package mn.sanal.platform;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;

/** In production, Sanal refuses to start with demo data, the demo admin, or an admin password that is not set. */
@Component
@Profile("prod")
class ProductionGuard {

    private final boolean demoEnabled;
    private final String adminId;
    private final String adminPassword;
    private final IdentityService identity;

    ProductionGuard(@Value("${sanal.demo.enabled}") boolean demoEnabled,
                    @Value("${camunda.bpm.admin-user.id}") String adminId,
                    @Value("${camunda.bpm.admin-user.password}") String adminPassword, IdentityService identity) {
        this.demoEnabled = demoEnabled;
        this.adminId = adminId;
        this.adminPassword = adminPassword;
        this.identity = identity;
    }

    @PostConstruct
    void checkConfiguration() {
        if (demoEnabled) {
            throw new IllegalStateException("Profile prod: sanal.demo.enabled must be false");
        }
        if ("demo".equals(adminId) || adminPassword.isBlank() || "demo".equals(adminPassword)
                || adminPassword.length() < 12) {
            throw new IllegalStateException(
                    "Profile prod: set SANAL_ADMIN_PASSWORD (12+ characters) and an admin user other than 'demo'");
        }
    }

    @EventListener(ApplicationStartedEvent.class)
    void checkNoDemoUsers() {
        if (identity.createUserQuery().userId("demo").count() > 0) {
            throw new IllegalStateException("Profile prod: the database holds the demo user 'demo'; remove demo "
                    + "users before running in production");
        }
    }
}
