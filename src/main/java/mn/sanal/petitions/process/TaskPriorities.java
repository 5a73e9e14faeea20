package mn.sanal.petitions.process;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;

import mn.sanal.petitions.PetitionHandlingProcess.Elements;

final class TaskPriorities {

    /** The case's work tasks; one of them is open at a time (the resolution subprocess is a sequence). */
    static final Set<String> WORK = Set.of(Elements.RESOLVE, Elements.REQUEST_EXTENSION, Elements.APPROVE_EXTENSION);

    private TaskPriorities() {
    }

    /** Raises the priority of the case's open work tasks (never lowers it). */
    static void raise(TaskService tasks, String processInstanceId, int priority) {
        List<? extends Task> open = heldByCommand(processInstanceId);
        if (open.isEmpty()) {
            open = tasks.createTaskQuery().processInstanceId(processInstanceId)
                    .taskDefinitionKeyIn(WORK.toArray(String[]::new)).list();
        }
        open.stream()
                .filter(t -> t.getPriority() < priority)
                .forEach(t -> {
                    t.setPriority(priority);
                    tasks.saveTask(t);
                });
    }

    /**
     * The case's work tasks the running command already holds. A timer that starts an event subprocess beside the
     * work task moves that task to a new execution, which loads it: the deadline storm's 10,000 overdue marks then
     * need no task query (issue 14). Empty when the command holds none (then the caller asks the database).
     */
    static List<TaskEntity> heldByCommand(String processInstanceId) {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            return List.of();
        }
        DbEntityCache cache = command.getDbEntityManager().getDbEntityCache();
        return cache.getEntitiesByType(TaskEntity.class).stream()
                .filter(t -> processInstanceId.equals(t.getProcessInstanceId()))
                .filter(t -> WORK.contains(t.getTaskDefinitionKey()))
                .filter(t -> !cache.isDeleted(t))
                .toList();
    }
}
