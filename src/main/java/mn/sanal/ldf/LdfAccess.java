package mn.sanal.ldf;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import mn.sanal.ldf.LocalDevelopmentFundProcess.Elements;
import mn.sanal.organisations.Body;
import mn.sanal.organisations.Grants;
import mn.sanal.organisations.Groups;
import mn.sanal.organisations.OrgUnit;
import mn.sanal.organisations.OrganisationService;

/**
 * The fund's groups and what they may do, at every start after the organisation is loaded: per bag the bag Governor
 * and the Khural representatives elected there, per soum the working group and the acceptance commission; all of them
 * and the soum's Governor's office and Khural use Tasklist and read the fund's process definition (names, forms).
 * The Governor's offices may start the cycle (the first step checks it is their own soum). The Tasklist filter
 * "Миний хянах төслүүд" lists the oversight reviews of the representative's groups.
 */
@Component
class LdfAccess {

    static final String MY_REVIEWS_FILTER = "Миний хянах төслүүд";
    private static final Logger log = LoggerFactory.getLogger(LdfAccess.class);

    private final OrganisationService organisations;
    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final Grants grants;

    LdfAccess(OrganisationService organisations, IdentityService identity, AuthorizationService authorizations,
              FilterService filters, TaskService tasks, Grants grants) {
        this.organisations = organisations;
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.grants = grants;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    @Transactional
    public void setUp() {
        List<OrgUnit> units = organisations.units();
        int groups = 0;
        for (OrgUnit soum : units) {
            if (soum.level() != OrgUnit.Level.SOUM) {
                continue;
            }
            for (OrgUnit bag : units) {
                if (bag.level() == OrgUnit.Level.BAG && soum.code().equals(bag.parentCode())) {
                    official(LdfGroups.bagGovernors(bag.code()), soum.nameMn() + " сумын " + bag.nameMn()
                            + "ийн Засаг дарга");
                    official(LdfGroups.khuralReps(bag.code()), soum.nameMn() + " сумын ИТХ-ын " + bag.nameMn()
                            + "аас сонгогдсон төлөөлөгчид");
                    groups += 2;
                }
            }
            official(LdfGroups.workingGroup(soum.code()), soum.nameMn() + " сумын ОНХС-ийн ажлын хэсэг");
            official(LdfGroups.commission(soum.code()), soum.nameMn() + " сумын ОНХС-ийн хүлээн авах комисс");
            groups += 2;
            organisations.findBody(Body.Kind.KHURAL, soum.code(), null).ifPresent(b -> readDefinition(b.groupId()));
            organisations.findBody(Body.Kind.GOVERNOR_OFFICE, soum.code(), null).ifPresent(b -> {
                grant(b.groupId(), Resources.PROCESS_DEFINITION, LocalDevelopmentFundProcess.KEY, Permissions.READ,
                        Permissions.CREATE_INSTANCE);
                grant(b.groupId(), Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
            });
        }
        // Heads (soum Governors, Khural chairs) act on tasks assigned to them by name: the Khural's approval, poor
        // reviews. They read the definition as every other participant does (Tasklist, the process coverage listener).
        readDefinition(Groups.HEADS);
        myReviewsFilter();
        log.info("Local Development Fund: {} groups ready", groups);
    }

    private void official(String groupId, String name) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group g = identity.newGroup(groupId);
            g.setName(name);
            g.setType("WORKFLOW");
            identity.saveGroup(g);
        }
        grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        readDefinition(groupId);
    }

    private void readDefinition(String groupId) {
        grant(groupId, Resources.PROCESS_DEFINITION, LocalDevelopmentFundProcess.KEY, Permissions.READ);
    }

    private void myReviewsFilter() {
        if (filters.createFilterQuery().filterName(MY_REVIEWS_FILTER).count() > 0) {
            return;
        }
        Filter f = filters.newTaskFilter(MY_REVIEWS_FILTER).setQuery(tasks.createTaskQuery()
                        .processDefinitionKey(LocalDevelopmentFundProcess.KEY)
                        .taskDefinitionKeyIn(Elements.OVERSIGHT_REVIEW, Elements.FINAL_REVIEW)
                        .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                        .orderByDueDate().asc())
                .setProperties(Map.of("priority", 1, "description",
                        "ОНХС-ийн төслүүдийн миний хийх хяналт (ИТХ-ын төлөөлөгч)", "refresh", true));
        filters.saveFilter(f);
        Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        read.setResource(Resources.FILTER);
        read.setResourceId(f.getId());
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        grants.toGroup(group, resource, resourceId, permissions);
    }
}
