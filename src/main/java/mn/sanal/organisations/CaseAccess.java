package mn.sanal.organisations;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Who may see a case: Camunda authorizations on the one process instance, for the body that holds it and the
 * supervisors of its aimag. Tasks need none of this: the engine grants a task's candidate groups and assignee.
 */
@Component
public class CaseAccess {

    private final AuthorizationService authorizations;

    CaseAccess(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    public void grantGroup(String processInstanceId, String groupId) {
        if (groupId == null || exists(processInstanceId, groupId, null)) {
            return;
        }
        Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        a.setResource(Resources.PROCESS_INSTANCE);
        a.setResourceId(processInstanceId);
        a.setGroupId(groupId);
        a.addPermission(Permissions.READ);
        authorizations.saveAuthorization(a);
    }

    public void grantUser(String processInstanceId, String userId) {
        if (userId == null || exists(processInstanceId, null, userId)) {
            return;
        }
        Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        a.setResource(Resources.PROCESS_INSTANCE);
        a.setResourceId(processInstanceId);
        a.setUserId(userId);
        a.addPermission(Permissions.READ);
        authorizations.saveAuthorization(a);
    }

    public void revokeGroup(String processInstanceId, String groupId) {
        authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(processInstanceId).groupIdIn(groupId).list()
                .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    }

    private boolean exists(String processInstanceId, String groupId, String userId) {
        var q = authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(processInstanceId);
        return (groupId != null ? q.groupIdIn(groupId) : q.userIdIn(userId)).count() > 0;
    }
}
