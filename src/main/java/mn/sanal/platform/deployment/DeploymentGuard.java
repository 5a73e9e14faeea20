package mn.sanal.platform.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

import mn.sanal.platform.deployment.ModelRules.Findings;
import mn.sanal.platform.deployment.ModelRules.Key;
import mn.sanal.platform.deployment.Refusal.Rule;

/**
 * Runs before the engine's own deployers on every new deployment, inside the deployment's transaction: whatever
 * route it came by (REST {@code deployment/create} or {@code redeploy}, Cockpit's redeploy, the Java API), it holds
 * every resource, including those copied from earlier deployments. A deployment by an authenticated user who is
 * not a Camunda admin ({@code camunda-admin} or the engine's admin users) must keep {@link ModelRules} and must not
 * define a key {@link AdminModels reserved} by the admin's models, and must keep the {@link HouseRules} (forms bound
 * by deployment and present, the law's due dates, declared variables...); else {@link DeploymentRefused} rolls it
 * back.
 * A deployment without authentication is the application's own (auto-deployment at start, our code) and passes.
 */
final class DeploymentGuard implements Deployer {

    private final ModelRules rules;
    private final AdminModels adminModels;
    private final HouseRules houseRules;

    DeploymentGuard(ModelRules rules, ModelBeans beans) {
        this.rules = rules;
        this.adminModels = new AdminModels(rules);
        this.houseRules = new HouseRules(beans, new ProcessClasses(DeploymentGuard.class.getClassLoader()),
                (key, version) -> Context.getCommandContext().getCamundaFormDefinitionManager()
                        .findDefinitionByKeyVersionAndTenantId(key, version, null) != null);
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return; // an existing deployment loaded into the cache again
        }
        CommandContext context = Context.getCommandContext();
        Authentication user = context.getAuthentication();
        if (user == null || context.getAuthorizationManager().isCamundaAdmin(user)) {
            return;
        }
        List<Refusal> refusals = new ArrayList<>();
        Map<String, Findings> findings = new LinkedHashMap<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            Findings f = rules.check(resource.getName(), resource.getBytes());
            findings.put(resource.getName(), f);
            refusals.addAll(f.refusals());
        }
        if (refusals.isEmpty()) {
            Map<Key, String> reserved = adminModels.reservedKeys(context);
            findings.forEach((resource, f) -> f.defines().stream().filter(reserved::containsKey)
                    .forEach(key -> refusals.add(new Refusal(Rule.ADMIN_MODEL, resource, key.key(),
                            key.kind() + ", deployment " + reserved.get(key)))));
        }
        // the house rules come after the admin's keys: those are judged by the code rules alone (AdminModels)
        Map<String, byte[]> resources = new LinkedHashMap<>();
        deployment.getResources().values().forEach(r -> resources.put(r.getName(), r.getBytes()));
        refusals.addAll(houseRules.check(resources));
        if (!refusals.isEmpty()) {
            throw new DeploymentRefused(refusals);
        }
    }
}
