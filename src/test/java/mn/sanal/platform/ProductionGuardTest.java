package mn.sanal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.util.FileSystemUtils;

import mn.sanal.SanalApplication;

/** The identity service is a mock where the test is about the guard's rules, not about Camunda's user store. */
class ProductionGuardTest {

    private final IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);

    @Test
    void refusesDemoData() {
        assertThatThrownBy(() -> ProductionGuard.checkConfiguration(true, "admin", "a-long-secret-1"))
                .hasMessageContaining("sanal.demo.enabled");
    }

    @Test
    void refusesTheDemoAdminAndWeakPasswords() {
        assertThatThrownBy(() -> ProductionGuard.checkConfiguration(false, "demo", "a-long-secret-1"))
                .hasMessageContaining("SANAL_ADMIN_PASSWORD");
        assertThatThrownBy(() -> ProductionGuard.checkConfiguration(false, "admin", "demo"))
                .hasMessageContaining("SANAL_ADMIN_PASSWORD");
        assertThatThrownBy(() -> ProductionGuard.checkConfiguration(false, "admin", ""))
                .hasMessageContaining("SANAL_ADMIN_PASSWORD");
        assertThatThrownBy(() -> ProductionGuard.checkConfiguration(false, "admin", null))
                .hasMessageContaining("SANAL_ADMIN_PASSWORD");
    }

    @Test
    void refusesADatabaseThatHoldsDemoUsers() {
        when(identity.createUserQuery().userId("demo").count()).thenReturn(1L);
        assertThatThrownBy(() -> new ProductionGuard(identity).checkNoDemoUsers()).hasMessageContaining("demo");
    }

    @Test
    void acceptsAProperConfiguration() {
        when(identity.createUserQuery().userId("demo").count()).thenReturn(0L);
        assertThatCode(() -> {
            ProductionGuard.checkConfiguration(false, "admin", "a-long-secret-1");
            new ProductionGuard(identity).checkNoDemoUsers();
        }).doesNotThrowAnyException();
    }

    /**
     * The operator's mistake as it happens: profile prod and no SANAL_ADMIN_PASSWORD. The start stops with the
     * guard's message, and the database (an H2 file here) was never opened: no schema, not even the file.
     */
    @Test
    void prodWithoutAnAdminPasswordStopsWithTheGuardsMessageBeforeTouchingTheDatabase() throws Exception {
        assumeThat(System.getenv("SANAL_ADMIN_PASSWORD")).as("SANAL_ADMIN_PASSWORD set in this shell").isNull();
        Path dir = Path.of("target/production-guard-test");
        FileSystemUtils.deleteRecursively(dir);

        assertThatThrownBy(() -> new SpringApplicationBuilder(SanalApplication.class)
                .web(WebApplicationType.NONE).profiles("prod")
                .properties("spring.datasource.url=jdbc:h2:file:./" + dir + "/sanal",
                        "sanal.mail.enabled=false", "sanal.sms.enabled=false")
                .run().close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Profile prod: set SANAL_ADMIN_PASSWORD (12+ characters) and an admin user other than "
                        + "'demo'");
        assertThat(dir).doesNotExist();
        assertThat(Files.exists(dir.resolve("sanal.mv.db"))).isFalse();
    }
}
