package mn.sanal.organisations;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Who may see a case: Camunda authorizations on the one process instance, for the body that holds it and the
 * supervisors of its aimag, and on its history (historic instance permissions are on): Tasklist reads a task's
 * comments, where intake shows what the citizen added to the case, through the task's history. Tasks need none of
 * this: the engine grants a task's candidate groups and assignee.
 */
@Component
public class CaseAccess {

    /** The case at run time and its history (its tasks' comments among it). */
    private static final Resources[] CASE = {Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE};

    private final AuthorizationService authorizations;

    CaseAccess(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    public void grantGroup(String processInstanceId, String groupId) {
        if (groupId == null || exists(processInstanceId, groupId, null)) {
            return;
        }
        for (Resources r : CASE) {
            Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            a.setResource(r);
            a.setResourceId(processInstanceId);
            a.setGroupId(groupId);
            a.addPermission(read(r));
            authorizations.saveAuthorization(a);
        }
    }

    public void grantUser(String processInstanceId, String userId) {
        if (userId == null || exists(processInstanceId, null, userId)) {
            return;
        }
        for (Resources r : CASE) {
            Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            a.setResource(r);
            a.setResourceId(processInstanceId);
            a.setUserId(userId);
            a.addPermission(read(r));
            authorizations.saveAuthorization(a);
        }
    }

    public void revokeGroup(String processInstanceId, String groupId) {
        for (Resources r : CASE) {
            authorizations.createAuthorizationQuery().resourceType(r)
                    .resourceId(processInstanceId).groupIdIn(groupId).list()
                    .forEach(a -> authorizations.deleteAuthorization(a.getId()));
        }
    }

    private static Permission read(Resources r) {
        return r == Resources.HISTORIC_PROCESS_INSTANCE ? HistoricProcessInstancePermissions.READ : Permissions.READ;
    }

    private boolean exists(String processInstanceId, String groupId, String userId) {
        var q = authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(processInstanceId);
        return (groupId != null ? q.groupIdIn(groupId) : q.userIdIn(userId)).count() > 0;
    }
}
