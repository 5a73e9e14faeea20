package mn.sanal.platform;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.stereotype.Component;

/**
 * Camunda gives whoever deploys ALL permissions on their deployment, so a process owner could delete it with cascade
 * and end every running case of that version. Here the deployer may read their deployment; deleting one is the
 * admin's. Everything else is Camunda's default.
 */
@Component
class CreatorAuthorizations extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new DefaultAuthorizationProvider() {
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
        });
    }
}
