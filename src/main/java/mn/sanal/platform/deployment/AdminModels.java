package mn.sanal.platform.deployment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.DeploymentQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.Deployment;

import mn.sanal.platform.deployment.ModelRules.Key;

/**
 * The admin's models: every deployment that a process owner could not have made, because something in it breaks
 * the rules (a script, a Java class, a bean call...), whoever deployed it. Such a deployment reserves the keys it
 * defines and the keys its models resolve at run time by latest version or version tag (a called process, a
 * decision, a form): a process owner's deployment of such a key would change what the admin's model runs, and is
 * refused. Deployments never change, so each one is judged once per run and the verdict kept.
 */
final class AdminModels {

    private final ModelRules rules;
    private final Map<String, Set<Key>> reservedByDeployment = new ConcurrentHashMap<>();

    AdminModels(ModelRules rules) {
        this.rules = rules;
    }

    /** The keys the admin's deployments reserve, each with one deployment that reserves it. */
    Map<Key, String> reservedKeys(CommandContext context) {
        Map<Key, String> reserved = new HashMap<>();
        List<Deployment> deployments = context.getDeploymentManager()
                .findDeploymentsByQueryCriteria(new DeploymentQueryImpl(), null);
        for (Deployment deployment : deployments) {
            Set<Key> keys = reservedByDeployment.computeIfAbsent(deployment.getId(), id -> judge(context, id));
            keys.forEach(key -> reserved.putIfAbsent(key, deployment.getId()));
        }
        return reserved;
    }

    private Set<Key> judge(CommandContext context, String deploymentId) {
        List<ModelRules.Findings> findings = new ArrayList<>();
        for (ResourceEntity resource : context.getResourceManager().findResourcesByDeploymentId(deploymentId)) {
            findings.add(rules.check(resource.getName(), resource.getBytes()));
        }
        if (findings.stream().allMatch(f -> f.refusals().isEmpty())) {
            return Set.of();
        }
        Set<Key> keys = new HashSet<>();
        findings.forEach(f -> {
            keys.addAll(f.defines());
            keys.addAll(f.refersTo());
        });
        return Set.copyOf(keys);
    }
}
