package mn.sanal.platform.tasks;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * What a person may write into a process: the fields of the form of the task they complete, nothing else. Installed
 * in the engine, so it holds for every user task of every process, ours and those process owners deploy later:
 * <ul>
 * <li>every user task gets {@link FormFieldGuard} as a built-in {@code complete} listener (it runs before the model's
 * own listeners): what the completion wrote must be the task form's input fields, of their type, within the form's
 * own validation rules;</li>
 * <li>{@link VariableWriteGuard} refuses any other variable write by a logged-in user who is not an administrator
 * (task and process variables set directly, resolve, BPMN errors and escalations thrown from a task, ...);</li>
 * <li>a user task whose model names {@link FormValues} (extension property {@value FormValues#PROPERTY}) gets them
 * through Camunda's form API ({@link FormValuesHandler});</li>
 * <li>the candidates and assignee of a task get Camunda's {@code TASK_WORK} permission on it (claim, complete) instead
 * of the default {@code UPDATE} (which also lets them set its variables, delegate and reassign it).</li>
 * </ul>
 */
@Component
class TaskGuardPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        FormFieldGuard guard = new FormFieldGuard(new TaskForms());
        BpmnParseListener userTasks = new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    TaskDefinition task = userTask.getTaskDefinition();
                    task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, guard);
                    String formValues = FormValuesHandler.property(element);
                    if (formValues != null) {
                        task.setTaskFormHandler(FormValuesHandler.wrapping(task.getTaskFormHandler(),
                                configuration.getExpressionManager().createExpression(formValues)));
                    }
                }
            }
        };
        configuration.setCustomPostBPMNParseListeners(with(configuration.getCustomPostBPMNParseListeners(),
                userTasks));
        configuration.setCustomPostCommandInterceptorsTxRequired(
                with(configuration.getCustomPostCommandInterceptorsTxRequired(), new VariableWriteGuard()));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(
                with(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new VariableWriteGuard()));
        configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
    }

    private static <T> List<T> with(List<T> list, T added) {
        List<T> out = list == null ? new ArrayList<>() : new ArrayList<>(list);
        out.add(added);
        return out;
    }
}
