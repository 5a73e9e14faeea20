package mn.sanal.platform;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.stereotype.Component;

/**
 * Camunda's default authorizations, with two changes.
 * <ul>
 * <li>Camunda gives whoever deploys ALL permissions on their deployment, so a process owner could delete it with
 * cascade and end every running case of that version. Here the deployer may read their deployment; deleting one is
 * the admin's.</li>
 * <li>For a task's candidate group, assignee or owner Camunda first looks up an existing grant on the task (and on its
 * history) to add the permissions to. A task created in the same command has none in the database (its id is new),
 * so the two lookups are skipped for it; grants made earlier in the command are still found in the command's cache,
 * as Camunda does. Every user task's creation is two statements shorter: a deadline storm's review tasks (issue 14).
 * </li>
 * </ul>
 */
@Component
class CreatorAuthorizations extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new Provider());
    }

    static final class Provider extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] newDeployment(Deployment deployment) {
            AuthorizationEntity[] granted = super.newDeployment(deployment);
            if (granted == null) {
                return null; // no one logged in: the start-up deployment
            }
            for (AuthorizationEntity a : granted) {
                a.removePermission(Permissions.ALL);
                a.addPermission(Permissions.READ);
            }
            return granted;
        }

        @Override
        protected AuthorizationEntity getGrantAuthorizationByGroupId(String groupId, Resource resource,
                                                                     String resourceId) {
            return taskOfThisCommand(resource, resourceId) ? null
                    : super.getGrantAuthorizationByGroupId(groupId, resource, resourceId);
        }

        @Override
        protected AuthorizationEntity getGrantAuthorizationByUserId(String userId, Resource resource,
                                                                    String resourceId) {
            return taskOfThisCommand(resource, resourceId) ? null
                    : super.getGrantAuthorizationByUserId(userId, resource, resourceId);
        }

        /** Whether the resource is a task (or its history) inserted by the running command, not yet in the database. */
        static boolean taskOfThisCommand(Resource resource, String resourceId) {
            if (resourceId == null || (resource.resourceType() != Resources.TASK.resourceType()
                    && resource.resourceType() != Resources.HISTORIC_TASK.resourceType())) {
                return false;
            }
            CommandContext command = Context.getCommandContext();
            if (command == null) {
                return false;
            }
            DbEntityCache cache = command.getDbEntityManager().getDbEntityCache();
            TaskEntity task = cache.get(TaskEntity.class, resourceId);
            return task != null && cache.isTransient(task);
        }
    }
}
