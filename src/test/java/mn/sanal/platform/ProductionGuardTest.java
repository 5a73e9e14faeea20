package mn.sanal.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;

/** The identity service is a mock: this test is about the guard's rules, not about Camunda's user store. */
class ProductionGuardTest {

    private final IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);

    @Test
    void refusesDemoData() {
        assertThatThrownBy(() -> new ProductionGuard(true, "admin", "a-long-secret-1", identity).checkConfiguration())
                .hasMessageContaining("sanal.demo.enabled");
    }

    @Test
    void refusesTheDemoAdminAndWeakPasswords() {
        assertThatThrownBy(() -> new ProductionGuard(false, "demo", "a-long-secret-1", identity).checkConfiguration())
                .hasMessageContaining("SANAL_ADMIN_PASSWORD");
        assertThatThrownBy(() -> new ProductionGuard(false, "admin", "demo", identity).checkConfiguration())
                .hasMessageContaining("SANAL_ADMIN_PASSWORD");
        assertThatThrownBy(() -> new ProductionGuard(false, "admin", "", identity).checkConfiguration())
                .hasMessageContaining("SANAL_ADMIN_PASSWORD");
    }

    @Test
    void refusesADatabaseThatHoldsDemoUsers() {
        when(identity.createUserQuery().userId("demo").count()).thenReturn(1L);
        assertThatThrownBy(() -> new ProductionGuard(false, "admin", "a-long-secret-1", identity).checkNoDemoUsers())
                .hasMessageContaining("demo");
    }

    @Test
    void acceptsAProperConfiguration() {
        when(identity.createUserQuery().userId("demo").count()).thenReturn(0L);
        ProductionGuard guard = new ProductionGuard(false, "admin", "a-long-secret-1", identity);
        assertThatCode(() -> {
            guard.checkConfiguration();
            guard.checkNoDemoUsers();
        }).doesNotThrowAnyException();
    }
}
