package mn.sanal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The grants Camunda gives a task's candidate groups, candidate users and assignee are the same with the lookup of
 * an existing grant skipped for a task created in the same command ({@link CreatorAuthorizations}): one grant per
 * group or user, on the task and on its history, permissions added to the same grant in the same command and in a
 * later one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskGrantsTest {

    private static final String KEY = "TaskGrantsProbe";

    @Autowired
    ProcessEngine engine;

    @BeforeAll
    void deploy() {
        engine.getRepositoryService().createDeployment().addModelInstance(KEY + ".bpmn",
                Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(30).startEvent()
                        // the assignee is also a candidate user: two grants for one user in the creating command
                        .userTask("Task_Probe").camundaCandidateGroups("probe-a, probe-b")
                        .camundaCandidateUsers("probe-user").camundaAssignee("probe-user")
                        .endEvent().done()).deploy();
    }

    @Test
    void aNewTaskGetsOneGrantPerGroupAndUserOnTheTaskAndItsHistory() {
        String task = newTask();
        for (String group : List.of("probe-a", "probe-b")) {
            Authorization onTask = onlyGrant(Resources.TASK, task, group, null);
            assertThat(onTask.isPermissionGranted(Permissions.READ)).isTrue();
            assertThat(onTask.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
            assertThat(onTask.isPermissionGranted(Permissions.UPDATE)).as("TASK_WORK, not UPDATE").isFalse();
            assertThat(onlyGrant(Resources.HISTORIC_TASK, task, group, null)
                    .isPermissionGranted(HistoricTaskPermissions.READ)).isTrue();
        }
        Authorization user = onlyGrant(Resources.TASK, task, null, "probe-user");
        assertThat(user.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
        assertThat(onlyGrant(Resources.HISTORIC_TASK, task, null, "probe-user")
                .isPermissionGranted(HistoricTaskPermissions.READ)).isTrue();
    }

    @Test
    void aLaterCommandAddsToTheExistingGrant() {
        String task = newTask();
        TaskService tasks = engine.getTaskService();
        String grantId = onlyGrant(Resources.TASK, task, "probe-a", null).getId();
        tasks.addCandidateGroup(task, "probe-a");
        tasks.addCandidateGroup(task, "probe-c");
        tasks.setAssignee(task, "probe-other");

        assertThat(onlyGrant(Resources.TASK, task, "probe-a", null).getId()).isEqualTo(grantId);
        assertThat(onlyGrant(Resources.TASK, task, "probe-c", null).isPermissionGranted(TaskPermissions.TASK_WORK))
                .isTrue();
        assertThat(onlyGrant(Resources.TASK, task, null, "probe-other")
                .isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
        assertThat(onlyGrant(Resources.HISTORIC_TASK, task, "probe-c", null)
                .isPermissionGranted(HistoricTaskPermissions.READ)).isTrue();
    }

    @Test
    void onlyATaskInsertedByTheRunningCommandCountsAsNew() {
        String existing = newTask();
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        List<Boolean> seen = configuration.getCommandExecutorTxRequired().execute((Command<List<Boolean>>) c -> {
            TaskEntity fresh = new TaskEntity();
            fresh.insert();
            boolean freshTask = CreatorAuthorizations.Provider.taskOfThisCommand(Resources.TASK, fresh.getId());
            boolean freshHistory =
                    CreatorAuthorizations.Provider.taskOfThisCommand(Resources.HISTORIC_TASK, fresh.getId());
            boolean loaded = c.getTaskManager().findTaskById(existing) != null
                    && CreatorAuthorizations.Provider.taskOfThisCommand(Resources.TASK, existing);
            boolean otherResource =
                    CreatorAuthorizations.Provider.taskOfThisCommand(Resources.PROCESS_INSTANCE, fresh.getId());
            c.getTaskManager().delete(fresh);
            return List.of(freshTask, freshHistory, loaded, otherResource);
        });
        assertThat(seen).containsExactly(true, true, false, false);
    }

    private String newTask() {
        String instance = engine.getRuntimeService().startProcessInstanceByKey(KEY).getId();
        return engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
    }

    private Authorization onlyGrant(Resources resource, String resourceId, String group, String user) {
        AuthorizationService authorizations = engine.getAuthorizationService();
        var query = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceType(resource).resourceId(resourceId);
        if (group != null) {
            query.groupIdIn(group);
        } else {
            query.userIdIn(user);
        }
        List<Authorization> found = query.list();
        assertThat(found).as("%s grants on %s %s", group != null ? group : user, resource, resourceId).hasSize(1);
        return found.get(0);
    }
}
