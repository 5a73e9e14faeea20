package mn.sanal.petitions.process;

import java.time.OffsetDateTime;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import mn.sanal.calendar.CalendarChanged;
import mn.sanal.calendar.WorkingDays;
import mn.sanal.petitions.PetitionHandlingProcess;
import mn.sanal.petitions.PetitionHandlingProcess.Elements;
import mn.sanal.petitions.PetitionHandlingProcess.Vars;
import mn.sanal.petitions.PetitionService;
import mn.sanal.platform.Clocks;

/**
 * When the administrator changes the calendar, the running cases whose policy moves due dates off days off
 * ({@code dueOnWorkingDay}, PetitionDeadlines.dmn) get their due date recomputed from the law's date
 * ({@code calendarDueDate}): the variables, the open tasks that carried the old date, the deadline and reminder timers
 * ({@code setJobDuedate}, never restarted from now), the petition row, and a line in the case's history saying
 * why. In the transaction of the change. A case whose deadline has already fired is left as it is.
 */
@Component
class CalendarDueDates {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final PetitionService petitions;
    private final WorkingDays calendar;

    CalendarDueDates(ProcessEngine engine, PetitionService petitions, WorkingDays calendar) {
        this.runtime = engine.getRuntimeService();
        this.tasks = engine.getTaskService();
        this.management = engine.getManagementService();
        this.petitions = petitions;
        this.calendar = calendar;
    }

    @EventListener
    void recompute(CalendarChanged change) {
        for (ProcessInstance pi : runtime.createProcessInstanceQuery()
                .processDefinitionKey(PetitionHandlingProcess.KEY).variableValueEquals(Vars.DUE_ON_WORKING_DAY, true)
                .active().list()) {
            recompute(pi.getId(), change);
        }
    }

    private void recompute(String pi, CalendarChanged change) {
        Job deadline = timer(pi, Elements.DEADLINE_START);
        Date law = (Date) runtime.getVariable(pi, Vars.CALENDAR_DUE_DATE);
        Date current = (Date) runtime.getVariable(pi, Vars.PETITION_DUE_DATE);
        if (deadline == null || law == null || current == null) {
            return;
        }
        OffsetDateTime due = calendar.onOrNextWorkingDay(Clocks.fromDate(law));
        if (due.toInstant().equals(current.toInstant())) {
            return;
        }
        Date oldReminder = (Date) runtime.getVariable(pi, Vars.REMINDER_DATE);
        OffsetDateTime reminder = due.minusDays(((Number) runtime.getVariable(pi, Vars.REMINDER_DAYS)).intValue());
        boolean reminded = timer(pi, Elements.REMINDER_START) == null;
        runtime.setVariable(pi, Vars.PETITION_DUE_DATE, Clocks.toDate(due));
        if (!reminded) {
            OffsetDateTime at = reminder.isBefore(Clocks.now()) ? Clocks.now() : reminder;
            runtime.setVariable(pi, Vars.REMINDER_DATE, Clocks.toDate(at));
            management.setJobDuedate(timer(pi, Elements.REMINDER_START).getId(), Clocks.toDate(at));
        }
        management.setJobDuedate(deadline.getId(), Clocks.toDate(due));
        for (Task task : tasks.createTaskQuery().processInstanceId(pi).list()) {
            boolean changed = false;
            if (task.getDueDate() != null && task.getDueDate().getTime() == current.getTime()) {
                task.setDueDate(Clocks.toDate(due));
                changed = true;
            }
            if (!reminded && oldReminder != null && task.getFollowUpDate() != null
                    && task.getFollowUpDate().getTime() == oldReminder.getTime()) {
                task.setFollowUpDate((Date) runtime.getVariable(pi, Vars.REMINDER_DATE));
                changed = true;
            }
            if (changed) {
                tasks.saveTask(task);
            }
        }
        long petition = ((Number) runtime.getVariable(pi, Vars.PETITION_ID)).longValue();
        petitions.setDueDate(petition, due);
        petitions.note(petition, change.changedBy(), "Ажлын өдрийн хуанли өөрчлөгдсөн (" + change.date() + ": "
                + change.reason() + "): шийдвэрлэх хугацаа " + Clocks.formatDate(Clocks.fromDate(current)) + " -> "
                + Clocks.formatDate(due));
    }

    private Job timer(String pi, String activityId) {
        return management.createJobQuery().processInstanceId(pi).activityId(activityId).timers().singleResult();
    }
}
