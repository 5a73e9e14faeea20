package mn.sanal.platform.tasks;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What a user task's form shows that is not a variable of the process: read from our tables each time the form is
 * opened, never stored. A model names the bean on the user task as the extension property
 * {@value #PROPERTY} (Camunda Modeler: Extension properties), for example
 * {@code <camunda:property name="formValues" value="${taskDetails}" />}.
 * <p>
 * Camunda's form API returns the values with the task's variables ({@code GET /task/{id}/form-variables}, which is
 * what Tasklist's Camunda Forms load, and {@code FormService#getTaskFormVariables}); the platform's form guard reads
 * them where a form rule refers to them (a select's {@code valuesKey}, a {@code hide} expression). They are
 * display values: a form shows them in {@code disabled} fields, and a completion that writes one is refused like any
 * write of a field that is not an input.
 * <p>
 * Why not task-local variables set by a {@code create} listener (Camunda's usual way): those are written with every
 * task (15 rows for a petition task, with history), moved row by row when a non-interrupting event splits the
 * task's execution, and show the case as it was when the task was created. Read when shown, the form shows the
 * case as it is, and a deadline that creates 10,000 tasks in a minute writes none of it (README "The deadline storm").
 */
public interface FormValues {

    /** The name of the user task's extension property whose value is an expression for the bean. */
    String PROPERTY = "formValues";

    /**
     * The values, by name, for this task as its form is opened (called inside the engine's command, with the
     * user's authorization to read the task's variables already checked).
     */
    Map<String, TypedValue> of(DelegateTask task);
}
