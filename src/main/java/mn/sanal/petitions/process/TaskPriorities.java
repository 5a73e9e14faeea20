package mn.sanal.petitions.process;

import org.camunda.bpm.engine.TaskService;

import mn.sanal.petitions.PetitionHandlingProcess.Elements;

final class TaskPriorities {

    private TaskPriorities() {
    }

    /** Raises the priority of the case's open work tasks (never lowers it). */
    static void raise(TaskService tasks, String processInstanceId, int priority) {
        tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKeyIn(Elements.RESOLVE, Elements.REQUEST_EXTENSION, Elements.APPROVE_EXTENSION)
                .list().stream()
                .filter(t -> t.getPriority() < priority)
                .forEach(t -> {
                    t.setPriority(priority);
                    tasks.saveTask(t);
                });
    }
}
