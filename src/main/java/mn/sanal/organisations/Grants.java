package mn.sanal.organisations;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Component;

/**
 * Adds permissions to a group's or a user's grant on a resource, creating the grant when there is none. Features
 * (polls, the fund, the register) add what they need at every start; other features' permissions on the same
 * resource stay. {@link BodyAccess} instead holds its grants to exact sets.
 */
@Component
public class Grants {

    private final AuthorizationService authorizations;

    Grants(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    public void toGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
        add(groupId, null, resource, resourceId, permissions);
    }

    public void toUser(String userId, Resource resource, String resourceId, Permission... permissions) {
        add(null, userId, resource, resourceId, permissions);
    }

    private void add(String groupId, String userId, Resource resource, String resourceId, Permission... permissions) {
        var query = authorizations.createAuthorizationQuery().resourceType(resource).resourceId(resourceId)
                .authorizationType(Authorization.AUTH_TYPE_GRANT);
        Authorization a = (groupId != null ? query.groupIdIn(groupId) : query.userIdIn(userId)).list().stream()
                .findFirst().orElse(null);
        if (a == null) {
            a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            a.setGroupId(groupId);
            a.setUserId(userId);
            a.setResource(resource);
            a.setResourceId(resourceId);
        }
        for (Permission p : permissions) {
            a.addPermission(p);
        }
        authorizations.saveAuthorization(a);
    }
}
