package mn.sanal.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Limits on those who try passwords: {@code sanal.security.*}. */
@ConfigurationProperties("sanal.security")
public record SecurityProperties(@DefaultValue FailedLogins failedLogins) {

    /**
     * Failed logins one client address may have: {@code perClient} at once, earning one back every
     * {@code window / perClient} (a token bucket). A client over the limit gets 429 with Retry-After and its
     * passwords are not checked, so it can neither guess on nor prolong the engine's login delay of the users it
     * tries.
     */
    public record FailedLogins(@DefaultValue("5") int perClient, @DefaultValue("PT15M") Duration window) {
    }
}
