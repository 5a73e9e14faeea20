package mn.sanal.citizens;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import mn.sanal.organisations.OrgUnit;
import mn.sanal.organisations.OrganisationService;

/**
 * Demo bag governors (багийн Засаг дарга), one per bag of every demo soum: user {@code <soum>.bag<n>} (password
 * "demo") in group {@code bag-governors-<bag code>}, with Tasklist. They approve phones enrolled by SMS
 * (PhoneEnrolment). Idempotent; default and postgres profiles (and the test profile's demo organisation).
 */
@Component
@ConditionalOnProperty(name = "sanal.demo.enabled", havingValue = "true")
class DemoBagGovernors {

    private final OrganisationService organisations;
    private final IdentityService identity;
    private final AuthorizationService authorizations;

    DemoBagGovernors(OrganisationService organisations, IdentityService identity,
                     AuthorizationService authorizations) {
        this.organisations = organisations;
        this.identity = identity;
        this.authorizations = authorizations;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(6)
    @Transactional
    void load() {
        for (OrgUnit bag : organisations.units()) {
            if (bag.level() != OrgUnit.Level.BAG) {
                continue;
            }
            String soumShort = bag.parentCode().substring(bag.parentCode().indexOf('.') + 1);
            String number = bag.code().substring(bag.code().lastIndexOf('.') + 1);
            String group = PhoneEnrolmentProcess.bagGovernors(bag.code());
            String user = soumShort + ".bag" + number;
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                Group g = identity.newGroup(group);
                g.setName(organisations.describe(null, bag.parentCode(), bag.code()) + " багийн Засаг дарга");
                g.setType("WORKFLOW");
                identity.saveGroup(g);
                grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
                grant(group, Resources.PROCESS_DEFINITION, PhoneEnrolmentProcess.KEY, Permissions.READ);
            }
            if (identity.createUserQuery().userId(user).count() == 0) {
                User u = identity.newUser(user);
                u.setFirstName(bag.nameMn());
                u.setLastName("Багийн Засаг дарга");
                u.setEmail(user + "@sanal.example");
                u.setPassword("demo");
                identity.saveUser(u);
                identity.createMembership(user, group);
            }
        }
    }

    private void grant(String group, org.camunda.bpm.engine.authorization.Resource resource, String id,
                       org.camunda.bpm.engine.authorization.Permission permission) {
        Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        a.setGroupId(group);
        a.setResource(resource);
        a.setResourceId(id);
        a.addPermission(permission);
        authorizations.saveAuthorization(a);
    }
}
