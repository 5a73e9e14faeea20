package mn.sanal.platform.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cmd.AbstractGetFormVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.FormDataImpl;
import org.camunda.bpm.engine.impl.form.FormFieldImpl;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A user task's form handler when its model names {@link FormValues}: Camunda's own handler (form key, Camunda Form
 * reference, generated form fields), plus one read-only form field per value, so that Camunda's form API returns
 * them with the task's variables. The fields, and the reading of the values, are there only while Camunda reads
 * the form's variables ({@code form-variables}): asked for the form itself ({@code GET /task/{id}/form}), Camunda's
 * handler answers alone (with fields but no key, the REST API would take it for a generated form).
 */
final class FormValuesHandler implements TaskFormHandler {

    private final TaskFormHandler camundas;
    private final Expression bean;

    private FormValuesHandler(TaskFormHandler camundas, Expression bean) {
        this.camundas = camundas;
        this.bean = bean;
    }

    /** The expression of the user task's {@value FormValues#PROPERTY} extension property, or null. */
    static String property(Element userTask) {
        Map<String, String> properties = BpmnParseUtil.parseCamundaExtensionProperties(userTask);
        return properties == null ? null : properties.get(FormValues.PROPERTY);
    }

    static FormValuesHandler wrapping(TaskFormHandler camundas, Expression bean) {
        return new FormValuesHandler(camundas, bean);
    }

    /** The form values of a task whose model names them; empty for any other task. */
    static Map<String, TypedValue> of(TaskEntity task) {
        if (task.getTaskDefinition() != null
                && task.getTaskDefinition().getTaskFormHandler() instanceof FormValuesHandler handler) {
            return handler.values(task);
        }
        return Map.of();
    }

    Map<String, TypedValue> values(TaskEntity task) {
        Object provider = bean.getValue(task);
        if (!(provider instanceof FormValues values)) {
            throw new IllegalStateException("«" + bean.getExpressionText() + "» of task " + task.getTaskDefinitionKey()
                    + " is no form values bean (" + FormValues.class.getName() + ")");
        }
        return values.of(task);
    }

    @Override
    public TaskFormData createTaskForm(TaskEntity task) {
        TaskFormData data = camundas.createTaskForm(task);
        // only for the form's variables: the REST API's GET /task/{id}/form takes a form without a key but with
        // fields for a generated form and would send Tasklist to /rendered-form instead of the Camunda Form
        CommandInvocationContext invocation = Context.getCommandInvocationContext();
        boolean readingVariables = invocation != null
                && invocation.getCommand() instanceof AbstractGetFormVariablesCmd;
        if (readingVariables && data instanceof FormDataImpl form) {
            List<FormField> fields = form.getFormFields() == null ? new ArrayList<>()
                    : new ArrayList<>(form.getFormFields());
            values(task).forEach((name, value) -> {
                FormFieldImpl field = new FormFieldImpl();
                field.setId(name);
                field.setValue(value);
                fields.add(field);
            });
            form.setFormFields(fields);
        }
        return data;
    }

    @Override
    public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
                                   ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
        camundas.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
    }

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
        camundas.submitFormVariables(properties, variableScope);
    }
}
