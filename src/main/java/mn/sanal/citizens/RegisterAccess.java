package mn.sanal.citizens;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import mn.sanal.organisations.Body;
import mn.sanal.organisations.OrgUnit;
import mn.sanal.organisations.OrganisationService;

/**
 * Who may read or change which part of the register. An official sees the register of the soums of their bodies
 * (any body whose group they are in; a body of an aimag: every soum of the aimag). Only the soum Governor's office
 * imports that soum's lists. Nobody else, the administrator included: the register is personal data.
 */
@Component
public class RegisterAccess {

    private final OrganisationService organisations;

    RegisterAccess(OrganisationService organisations) {
        this.organisations = organisations;
    }

    /** The soums whose register these groups may read. */
    public Set<String> readableSoums(Collection<String> groups) {
        Set<String> soums = new LinkedHashSet<>();
        for (Body b : organisations.bodies()) {
            if (groups.contains(b.groupId())) {
                soumsOf(b.unitCode(), soums);
            }
        }
        return soums;
    }

    /** The soums whose lists these groups may import: the soums of the Governor's offices they belong to. */
    public Set<String> importableSoums(Collection<String> groups) {
        Set<String> soums = new LinkedHashSet<>();
        for (Body b : organisations.bodies()) {
            if (b.kind() == Body.Kind.GOVERNOR_OFFICE && groups.contains(b.groupId())) {
                organisations.unit(b.unitCode()).filter(u -> u.level() == OrgUnit.Level.SOUM)
                        .ifPresent(u -> soums.add(u.code()));
            }
        }
        return soums;
    }

    private void soumsOf(String unitCode, Set<String> soums) {
        organisations.unit(unitCode).ifPresent(u -> {
            if (u.level() == OrgUnit.Level.SOUM) {
                soums.add(u.code());
            } else if (u.level() == OrgUnit.Level.AIMAG) {
                organisations.units().stream()
                        .filter(s -> s.level() == OrgUnit.Level.SOUM && u.code().equals(s.parentCode()))
                        .forEach(s -> soums.add(s.code()));
            }
        });
    }
}
