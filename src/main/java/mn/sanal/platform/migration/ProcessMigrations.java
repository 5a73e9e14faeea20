package mn.sanal.platform.migration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running cases of a process from version N to N+1 (README "Moving running cases to a new version").
 * <p>
 * The plan maps every activity that has the same id in both versions ({@code mapEqualActivities}) and, on purpose,
 * never {@code updateEventTrigger}: a mapped timer job keeps its due date, a mapped user task keeps its due date, so
 * the law's clock (30 days from receipt, the reminder, the citizen's reply and rating waits) runs on from where it
 * was instead of restarting at the migration time. Activities the new version adds are simply there for the next
 * case or the next time a migrated case reaches them.
 * <p>
 * One thing Camunda's migration does that the law's clock must not: a timer start event of an event subprocess that
 * has already fired (the deadline of an overdue case, a reminder already sent) is armed again in the migrated scope,
 * as a trigger the new version "adds" ({@code PetitionMigrationProcessTest} caught it: the overdue case would be marked
 * overdue and reviewed twice). So the migration runs in chunks of {@value #CHUNK} cases, each in one transaction:
 * the clock of each case (its timer jobs and tasks with their dates) is read, the chunk migrated with Camunda's
 * migration, timers re-armed for activities that exist in version N but had no job before are deleted, and the clock
 * is compared with what it was; any difference rolls the chunk back (then each of its cases is tried alone, and those
 * that fail stay on version N, listed with the reason). A chunk is the batch; Camunda's asynchronous Batch would run
 * the migration without the check (see the README).
 * <p>
 * A dry run tries each case the same way in a transaction that is rolled back and lists those that would not move,
 * with the engine's reason; nothing changes.
 */
@Service
public class ProcessMigrations {

    static final int CHUNK = 50;

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;
    private final TransactionTemplate ownTransaction;

    public ProcessMigrations(ProcessEngine engine, PlatformTransactionManager transactions) {
        this.repository = engine.getRepositoryService();
        this.runtime = engine.getRuntimeService();
        this.management = engine.getManagementService();
        this.tasks = engine.getTaskService();
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** One mapping of the plan: activity in version N to activity in version N+1. */
    public record Instruction(String source, String target) {
    }

    /** A case that would not (or did not) migrate, and why, in the engine's words. */
    public record NotMigrating(String processInstanceId, String businessKey, String reason) {
    }

    /**
     * The plan for one key and source version: {@code instances} running on the source version, {@code migrated} of
     * them moved (0 in a dry run), {@code notMigrating} refused with the reason, {@code firedTimersKeptOff} timers that
     * had fired before and that the migration would have armed again ("instance activity"), {@code planProblems}
     * when no plan could be built, {@code unmappedActivities} activities of version N that the plan does not map.
     */
    public record Report(String processKey, int fromVersion, int toVersion, boolean dryRun,
            List<Instruction> instructions, List<String> unmappedActivities, List<String> planProblems,
            int instances, int migrated, List<NotMigrating> notMigrating, List<String> firedTimersKeptOff) {
    }

    /** What a migration from {@code fromVersion} to the next version would do; changes nothing. */
    public Report dryRun(String processKey, int fromVersion) {
        return run(processKey, fromVersion, true);
    }

    /** Moves every case running on {@code fromVersion} to the next version, chunk by chunk. */
    public Report migrate(String processKey, int fromVersion) {
        return run(processKey, fromVersion, false);
    }

    private Report run(String processKey, int fromVersion, boolean dryRun) {
        Definitions d = definitions(processKey, fromVersion);
        List<String> ids = instanceIds(d.source());
        MigrationPlan plan;
        try {
            plan = plan(d);
        } catch (MigrationPlanValidationException e) {
            return new Report(processKey, fromVersion, fromVersion + 1, dryRun, List.of(), List.of(), problems(e),
                    ids.size(), 0, List.of(), List.of());
        }
        Set<String> sourceActivities = activities(d.source());
        List<NotMigrating> refused = new ArrayList<>();
        List<String> keptOff = new ArrayList<>();
        int migrated = 0;
        List<List<String>> chunks = new ArrayList<>();
        if (dryRun) {
            ids.forEach(id -> chunks.add(List.of(id)));
        } else {
            for (int i = 0; i < ids.size(); i += CHUNK) {
                chunks.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
            }
        }
        for (List<String> chunk : chunks) {
            Attempt attempt = attempt(plan, chunk, sourceActivities, dryRun);
            if (attempt.failure() == null) {
                keptOff.addAll(attempt.keptOff());
                migrated += dryRun ? 0 : chunk.size();
                continue;
            }
            if (chunk.size() == 1) {
                refused.add(notMigrating(chunk.get(0), attempt.failure()));
                continue;
            }
            for (String id : chunk) { // find the case that broke the chunk; move the others
                Attempt one = attempt(plan, List.of(id), sourceActivities, false);
                if (one.failure() == null) {
                    keptOff.addAll(one.keptOff());
                    migrated++;
                } else {
                    refused.add(notMigrating(id, one.failure()));
                }
            }
        }
        return report(processKey, fromVersion, dryRun, d, plan, sourceActivities, ids.size(), migrated, refused,
                keptOff);
    }

    private record Attempt(List<String> keptOff, String failure) {
    }

    /** One chunk in its own transaction: migrate, keep fired timers off, check the clock; roll back when asked. */
    private Attempt attempt(MigrationPlan plan, List<String> ids, Set<String> sourceActivities, boolean rollBack) {
        List<String> keptOff = new ArrayList<>();
        try {
            String failure = ownTransaction.execute(status -> {
                Map<String, Clock> before = new HashMap<>();
                ids.forEach(id -> before.put(id, clock(id)));
                try {
                    runtime.newMigration(plan).processInstanceIds(ids).execute();
                } catch (RuntimeException e) {
                    status.setRollbackOnly();
                    return e.getMessage();
                }
                for (String id : ids) {
                    Set<String> armedBefore = before.get(id).timers().keySet();
                    for (Job job : management.createJobQuery().processInstanceId(id).timers().list()) {
                        String activity = activityOf(job);
                        if (!armedBefore.contains(activity) && sourceActivities.contains(activity)) {
                            management.deleteJob(job.getId());
                            keptOff.add(id + " " + activity);
                        }
                    }
                    Clock after = clock(id);
                    if (!after.equals(before.get(id))) {
                        status.setRollbackOnly();
                        keptOff.clear();
                        return "Хугацаа өөрчлөгдөх байсан тул шилжүүлсэнгүй: " + id + " өмнө " + before.get(id)
                                + ", дараа " + after;
                    }
                }
                if (rollBack) {
                    status.setRollbackOnly();
                }
                return null;
            });
            return new Attempt(keptOff, failure);
        } catch (RuntimeException e) {
            return new Attempt(List.of(), e.getMessage());
        }
    }

    /** A case's legal clock: its timers (activity to due dates) and its tasks (id to definition and dates). */
    record Clock(Map<String, List<Long>> timers, Map<String, String> tasks) {
    }

    private Clock clock(String processInstanceId) {
        Map<String, List<Long>> timers = new TreeMap<>();
        for (Job job : management.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
            timers.computeIfAbsent(activityOf(job), a -> new ArrayList<>()).add(job.getDuedate() == null ? null
                    : job.getDuedate().getTime());
        }
        timers.values().forEach(dates -> dates.sort(Comparator.nullsFirst(Comparator.naturalOrder())));
        Map<String, String> open = new TreeMap<>();
        for (Task t : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
            open.put(t.getId(), t.getTaskDefinitionKey() + " due " + t.getDueDate() + " follow-up "
                    + t.getFollowUpDate());
        }
        return new Clock(timers, open);
    }

    private String activityOf(Job job) {
        return management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
                .getActivityId();
    }

    private NotMigrating notMigrating(String id, String reason) {
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
        return new NotMigrating(id, pi == null ? null : pi.getBusinessKey(), reason);
    }

    private Set<String> activities(ProcessDefinition definition) {
        Set<String> ids = new HashSet<>();
        repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class)
                .forEach(n -> ids.add(n.getId()));
        return ids;
    }

    /** The plan: equal ids mapped, timers and due dates kept (no updateEventTrigger). */
    MigrationPlan plan(Definitions d) {
        return runtime.createMigrationPlan(d.source().getId(), d.target().getId()).mapEqualActivities().build();
    }

    record Definitions(ProcessDefinition source, ProcessDefinition target) {
    }

    Definitions definitions(String processKey, int fromVersion) {
        ProcessDefinition source = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .processDefinitionVersion(fromVersion).singleResult();
        ProcessDefinition target = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .processDefinitionVersion(fromVersion + 1).singleResult();
        if (source == null || target == null) {
            throw new IllegalArgumentException("Процесс " + processKey + "-ийн " + fromVersion + " ба "
                    + (fromVersion + 1) + " дугаар хувилбар хоёулаа байх ёстой.");
        }
        return new Definitions(source, target);
    }

    private List<String> instanceIds(ProcessDefinition source) {
        return runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).orderByProcessInstanceId()
                .asc().list().stream().map(ProcessInstance::getId).toList();
    }

    private Report report(String key, int from, boolean dryRun, Definitions d, MigrationPlan plan,
            Set<String> sourceActivities, int instances, int migrated, List<NotMigrating> refused,
            List<String> keptOff) {
        List<Instruction> instructions = new ArrayList<>();
        Set<String> mapped = new HashSet<>();
        for (MigrationInstruction i : plan.getInstructions()) {
            instructions.add(new Instruction(i.getSourceActivityId(), i.getTargetActivityId()));
            mapped.add(i.getSourceActivityId());
        }
        List<String> unmapped = sourceActivities.stream().filter(a -> !mapped.contains(a)).sorted().toList();
        return new Report(key, from, d.target().getVersion(), dryRun, instructions, unmapped, List.of(), instances,
                migrated, refused, keptOff);
    }

    private static List<String> problems(MigrationPlanValidationException e) {
        List<String> problems = new ArrayList<>();
        e.getValidationReport().getInstructionReports().forEach(r -> r.getFailures().forEach(f -> problems.add(
                r.getMigrationInstruction().getSourceActivityId() + " -> " + r.getMigrationInstruction()
                        .getTargetActivityId() + ": " + f)));
        e.getValidationReport().getVariableReports().forEach((name, r) -> r.getFailures().forEach(f -> problems
                .add(name + ": " + f)));
        if (problems.isEmpty()) {
            problems.add(e.getMessage());
        }
        return problems;
    }
}
