package mn.sanal.platform.tasks;

import java.util.List;
import java.util.TreeSet;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * Runs around every outermost command, inside its command context (before the flush). For a logged-in user who
 * works tasks (an official, a supervisor, a clerk), that is neither a Camunda administrator nor allowed to deploy
 * (whoever deploys writes the process itself; process owners also keep Cockpit's repairs, such as instance
 * modification and deletion, whose delegates and cancelled tasks write variables):
 * <ul>
 * <li>a BPMN error or escalation thrown from a task is refused: it would move the case past its form (an error no
 * boundary event catches ends the task's path);</li>
 * <li>a command that wrote variables is refused unless {@link FormFieldGuard} checked what a task completion wrote
 * (or it started a process, which needs Camunda's create permission): this is what stops variables set directly on a
 * task, a process instance or an execution, resolving a delegated task with variables, message correlation or
 * instance modification with variables, whatever the authorizations would allow.</li>
 * </ul>
 * Jobs and the application's own calls run without a user and are not affected. For everyone, a task completion
 * refused by a listener (the form guard's {@link FormFieldValidationException}, a {@link BadUserRequestException} of
 * the process's own checks) comes out as a {@link FormFieldValidationException} instead of the {@code ENGINE-03051}
 * exception the engine wraps it in, so the REST API answers 400 with the message instead of 500.
 */
final class VariableWriteGuard extends CommandInterceptor {

    /** The command context whose outermost command this thread is running. */
    private static final ThreadLocal<CommandContext> OUTER = new ThreadLocal<>();
    /** The command context in which {@link FormFieldGuard} checked a task completion. */
    private static final ThreadLocal<CommandContext> FORM_CHECKED = new ThreadLocal<>();

    /** Called by {@link FormFieldGuard} once what a completion wrote passed its form. */
    static void formChecked(CommandContext context) {
        FORM_CHECKED.set(context);
    }

    @Override
    public <T> T execute(Command<T> command) {
        CommandContext context = Context.getCommandContext();
        CommandContext outer = OUTER.get();
        if (context == null || context == outer) {
            return next.execute(command);
        }
        CommandContext checked = FORM_CHECKED.get();
        OUTER.set(context);
        FORM_CHECKED.remove();
        try {
            String user = nonAdministrator(context);
            if (user != null && (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd)
                    && !mayDeploy(context)) {
                throw new AuthorizationException("Даалгаврыг зөвхөн маягтаар нь гүйцэтгэнэ (" + user
                        + " BPMN алдаа, escalation илгээх эрхгүй).");
            }
            T result = next.execute(command);
            if (user != null && FORM_CHECKED.get() != context && !startsAProcess(command)) {
                List<VariableInstanceEntity> written = WrittenVariables.of(context, null);
                if (!written.isEmpty() && !mayDeploy(context)) {
                    TreeSet<String> names = new TreeSet<>();
                    written.forEach(v -> names.add(v.getName()));
                    throw new AuthorizationException("Процессын хувьсагчийг шууд өөрчлөх эрхгүй: "
                            + String.join(", ", names) + ". Даалгаврыг маягтаар нь гүйцэтгэнэ үү.");
                }
            }
            return result;
        } catch (ProcessEngineException e) {
            throw unwrapped(e, command);
        } finally {
            restore(OUTER, outer);
            restore(FORM_CHECKED, checked);
        }
    }

    /**
     * A refusal out of the plain ProcessEngineExceptions the engine wraps a task listener's exception in. A task
     * completion's refusal is a {@link FormFieldValidationException}, which the REST API answers with 400.
     */
    private static ProcessEngineException unwrapped(ProcessEngineException e, Command<?> command) {
        Throwable t = e;
        while (t != null && t.getClass() == ProcessEngineException.class) {
            t = t.getCause();
        }
        if (t instanceof FormFieldValidationException refused) {
            return refused;
        }
        if (t instanceof BadUserRequestException refused) {
            return command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd
                    ? new FormFieldValidationException(null, refused.getMessage(), refused) : refused;
        }
        return e;
    }

    /** The logged-in user of this command, unless there is none or it is a Camunda administrator. */
    private static String nonAdministrator(CommandContext context) {
        Authentication authentication = context.getAuthentication();
        if (authentication == null || authentication.getUserId() == null
                || context.getAuthorizationManager().isCamundaAdmin(authentication)) {
            return null;
        }
        return authentication.getUserId();
    }

    private static boolean mayDeploy(CommandContext context) {
        return context.getAuthorizationManager().isAuthorized(Permissions.CREATE, Resources.DEPLOYMENT,
                Authorization.ANY);
    }

    private static boolean startsAProcess(Command<?> command) {
        return command instanceof StartProcessInstanceCmd || command instanceof SubmitStartFormCmd;
    }

    private static void restore(ThreadLocal<CommandContext> local, CommandContext value) {
        if (value == null) {
            local.remove();
        } else {
            local.set(value);
        }
    }
}
