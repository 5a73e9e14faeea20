package mn.sanal.platform.deployment;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Registers the {@link DeploymentGuard} as the engine's first deployer: what a process owner may and may not
 * deploy (README, "Security").
 */
@Component
class DeploymentGuardPlugin extends AbstractProcessEnginePlugin {

    private final ListableBeanFactory beans;

    DeploymentGuardPlugin(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreDeployers());
        ModelBeans modelBeans = new ModelBeans(beans);
        deployers.add(0, new DeploymentGuard(new ModelRules(modelBeans, () -> dmnDefaultsAreFeel(configuration)),
                modelBeans));
        configuration.setCustomPreDeployers(deployers);
    }

    /** Whether the DMN engine reads a cell without expressionLanguage as FEEL (not so in FEEL legacy mode). */
    static boolean dmnDefaultsAreFeel(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
        if (dmn == null) {
            return false;
        }
        return ModelRules.isFeel(String.valueOf(dmn.getDefaultInputExpressionExpressionLanguage()))
                && ModelRules.isFeel(String.valueOf(dmn.getDefaultInputEntryExpressionLanguage()))
                && ModelRules.isFeel(String.valueOf(dmn.getDefaultOutputEntryExpressionLanguage()))
                && ModelRules.isFeel(String.valueOf(dmn.getDefaultLiteralExpressionLanguage()));
    }
}
