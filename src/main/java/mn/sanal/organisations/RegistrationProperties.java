package mn.sanal.organisations;

import java.util.Collection;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may register a petition a citizen brings in person or tells by phone (process PetitionRegistration): the
 * Camunda groups listed in {@code sanal.registration.groups}. An entry ending in {@code *} names every group with that
 * prefix ({@code body-*}: the officials of every body). Nobody else, the admin and the process owners included.
 */
@ConfigurationProperties("sanal.registration")
public record RegistrationProperties(
        @DefaultValue({Groups.CLERKS, Groups.CALL_CENTRE, Groups.MOBILE_HALL_PREFIX + "*", Groups.BODY_PREFIX + "*"})
        List<String> groups) {

    public boolean allows(String groupId) {
        return groupId != null && groups.stream().map(String::strip).anyMatch(g -> g.endsWith("*")
                ? groupId.startsWith(g.substring(0, g.length() - 1)) : groupId.equals(g));
    }

    public boolean allowsAny(Collection<String> groupIds) {
        return groupIds != null && groupIds.stream().anyMatch(this::allows);
    }
}
