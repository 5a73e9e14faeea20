package mn.sanal.platform.tasks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;

/**
 * The form Tasklist shows for a task, as the engine resolves it ({@code camunda:formRef} with its binding, or a
 * {@code camunda-forms:deployment:} form key, or generated {@code camunda:formData}). A deployed form never changes,
 * so each is parsed once and kept by its definition id (or deployment and resource name).
 */
final class TaskForms {

    private static final String DEPLOYED_CAMUNDA_FORM = "camunda-forms:deployment:";

    private final Map<String, TaskForm> parsed = new ConcurrentHashMap<>();

    TaskForm of(TaskEntity task, CommandContext context) {
        TaskDefinition definition = task.getTaskDefinition();
        if (definition == null || definition.getTaskFormHandler() == null) {
            return TaskForm.NONE;
        }
        TaskFormData data = definition.getTaskFormHandler().createTaskForm(task);
        CamundaFormRef ref = data.getCamundaFormRef();
        if (ref != null && ref.getKey() != null) {
            CamundaFormDefinition form = context.runWithoutAuthorization(
                    new GetCamundaFormDefinitionCmd(ref, data.getDeploymentId()));
            if (form == null) {
                throw new BadUserRequestException("Даалгаврын маягт (" + ref.getKey() + ") олдсонгүй.");
            }
            return parsed.computeIfAbsent(form.getId(),
                    id -> TaskForm.parse(resource(context, form.getDeploymentId(), form.getResourceName())));
        }
        String key = data.getFormKey();
        if (key != null && key.startsWith(DEPLOYED_CAMUNDA_FORM)) {
            String name = key.substring(DEPLOYED_CAMUNDA_FORM.length());
            return parsed.computeIfAbsent(data.getDeploymentId() + "/" + name,
                    id -> TaskForm.parse(resource(context, data.getDeploymentId(), name)));
        }
        if (key == null && data.getFormFields() != null && !data.getFormFields().isEmpty()) {
            return TaskForm.generated(task.getTaskDefinitionKey(), data.getFormFields());
        }
        return TaskForm.NONE;
    }

    private static byte[] resource(CommandContext context, String deploymentId, String name) {
        ResourceEntity resource = context.getResourceManager().findResourceByDeploymentIdAndResourceName(deploymentId,
                name);
        if (resource == null) {
            throw new BadUserRequestException("Даалгаврын маягт (" + name + ") олдсонгүй.");
        }
        return resource.getBytes();
    }
}
