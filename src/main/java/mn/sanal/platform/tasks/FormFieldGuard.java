package mn.sanal.platform.tasks;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A user task's first {@code complete} listener (built in, before the model's own): the variables this command wrote
 * into the task's process instance, by {@code complete} or {@code submit-form}, must be input fields of the task's
 * form and pass its rules ({@link TaskForm}); otherwise the completion is refused with a Mongolian message and
 * nothing of it is kept. Transient variables, which the task's listeners would read but the database never sees,
 * count as written.
 */
final class FormFieldGuard implements TaskListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TaskForms forms;

    FormFieldGuard(TaskForms forms) {
        this.forms = forms;
    }

    @Override
    public void notify(DelegateTask delegateTask) {
        TaskEntity task = (TaskEntity) delegateTask;
        CommandContext context = Context.getCommandContext();
        List<TaskForm.Written> written = new ArrayList<>();
        for (VariableInstanceEntity v : WrittenVariables.of(context, task.getProcessInstanceId())) {
            written.add(new TaskForm.Written(v.getName(),
                    WrittenVariables.isRemoved(context, v) ? null : plain(v.getTypedValue(false))));
        }
        for (String name : task.getVariableNames()) {
            TypedValue value = task.getVariableTyped(name, false);
            if (value != null && value.isTransient()) {
                written.add(new TaskForm.Written(name, plain(value)));
            }
        }
        forms.of(task, context).check(written, new TaskScope(task));
        VariableWriteGuard.formChecked(context);
    }

    /** A variable's value as the form sees it: JSON (what Tasklist submits for lists) read into lists and maps. */
    static Object plain(TypedValue value) {
        if (value == null) {
            return null;
        }
        if (value instanceof SerializableValue s && !s.isDeserialized()) {
            try {
                return s.getValueSerialized() == null ? null : JSON.readValue(s.getValueSerialized(), Object.class);
            } catch (JsonProcessingException e) {
                return s.getValueSerialized();
            }
        }
        return value.getValue();
    }

    /** The task's variables and form values, and FEEL over them as form-js evaluates its expressions over the form's data. */
    private static final class TaskScope implements TaskForm.Scope {

        private final TaskEntity task;
        private Map<String, TypedValue> shown;
        private Map<String, Object> data;

        TaskScope(TaskEntity task) {
            this.task = task;
        }

        @Override
        public Object value(String name) {
            // as Camunda's form API answers: a form value before a variable of the same name
            TypedValue shownValue = shown().get(name);
            return plain(shownValue != null ? shownValue : task.getVariableTyped(name, false));
        }

        /** What the form shows besides the variables ({@link FormValues}), read once per check. */
        private Map<String, TypedValue> shown() {
            if (shown == null) {
                shown = FormValuesHandler.of(task);
            }
            return shown;
        }

        @Override
        public Object evaluate(String expression) {
            if (data == null) {
                data = new HashMap<>();
                Set<String> names = new HashSet<>(shown().keySet());
                names.addAll(task.getVariableNames());
                for (String name : names) {
                    Object v = value(name);
                    if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean
                            || v instanceof Date || v instanceof List || v instanceof Map) {
                        data.put(name, v);
                    }
                }
            }
            try {
                return Context.getProcessEngineConfiguration().getDmnEngineConfiguration().getFeelEngine()
                        .evaluateSimpleExpression(expression, Variables.fromMap(data).asVariableContext());
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
