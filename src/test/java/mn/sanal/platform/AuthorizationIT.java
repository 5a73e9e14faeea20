package mn.sanal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import mn.sanal.petitions.PetitionHandlingProcess.Elements;
import mn.sanal.support.Citizen;
import mn.sanal.support.Http;
import mn.sanal.support.IntegrationTest;
import mn.sanal.support.OwnerModels;

/**
 * Who may do what through the engine REST API (what Tasklist and Cockpit call): HTTP Basic against the identity
 * service, then the engine's authorizations for the demo organisation. One Sumber health complaint is the case.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationIT extends IntegrationTest {

    private static final String TASKS_OF_CASE = "/engine-rest/task?processInstanceBusinessKey={code}";
    private static final String INSTANCES_OF_CASE = "/engine-rest/process-instance?businessKey={code}";

    @Autowired
    private ProcessEngine engine;
    @Autowired
    private JdbcClient jdbc;

    private String code;
    private String taskId;
    private String processInstanceId;

    @BeforeAll
    void aSumberHealthComplaintWaitsForItsOfficial() {
        code = new Citizen(http()).fileHealthComplaint("Эмнэлгийн хүлээлгийн танхим хүйтэн байна.");
        Http admin = as("demo");
        eventually().untilAsserted(() -> assertThat(admin.get(TASKS_OF_CASE, code).json()).hasSize(1));
        JsonNode task = admin.get(TASKS_OF_CASE, code).json().get(0);
        assertThat(task.get("taskDefinitionKey").asText()).isEqualTo(Elements.RESOLVE);
        taskId = task.get("id").asText();
        processInstanceId = task.get("processInstanceId").asText();
    }

    @Test
    void engineRestRequiresValidCredentials() {
        Http.Response anonymous = http().get("/engine-rest/task");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertThat(http().as("nobody", "demo").get("/engine-rest/task").status()).isEqualTo(401);
        Http.Response admin = as("demo").get("/engine-rest/task");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.json().isArray()).isTrue();
    }

    /**
     * A wrong password is refused, and delays the user's next login by 3 s (the engine's login delay, on its clock;
     * LoginLockoutIT tests it in full). The right password works once the delay is over. Uses {@code clerk}, whom no
     * other test logs in as.
     */
    @Test
    void aWrongPasswordIsRefused() {
        assertThat(http().as("clerk", "wrong").get("/engine-rest/task").status()).isEqualTo(401);
        try {
            ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 4000));
            assertThat(as("clerk").get("/engine-rest/task").status()).isEqualTo(200);
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void theTaskIsInTheHoldingBodysListOnly() {
        assertThat(as("sumber.health").get(TASKS_OF_CASE, code).json()).singleElement()
                .satisfies(t -> assertThat(t.get("id").asText()).isEqualTo(taskId));
        // same aimag, other body; other aimag, same kind of body
        assertThat(as("sumber.land").get(TASKS_OF_CASE, code).json()).isEmpty();
        assertThat(as("jargalant.health").get(TASKS_OF_CASE, code).json()).isEmpty();
        // fetched by id, the task is as absent as in a list: the API does not even confirm the case exists
        assertThat(as("jargalant.health").get("/engine-rest/task/{id}", taskId).status()).isEqualTo(404);
        assertThat(as("jargalant.health").get("/engine-rest/task/count").json().get("count").asLong()).isZero();
    }

    @Test
    void theCaseIsVisibleToItsBodyAndItsAimagsSupervisorsOnly() {
        assertThat(as("govisumber.supervisor").get(INSTANCES_OF_CASE, code).json()).singleElement()
                .satisfies(pi -> assertThat(pi.get("id").asText()).isEqualTo(processInstanceId));
        assertThat(as("sumber.health").get(INSTANCES_OF_CASE, code).json()).hasSize(1);
        assertThat(as("khovd.supervisor").get(INSTANCES_OF_CASE, code).json()).isEmpty();
        assertThat(as("jargalant.health").get(INSTANCES_OF_CASE, code).json()).isEmpty();
        assertThat(as("khovd.supervisor").get("/engine-rest/process-instance/{id}", processInstanceId).status())
                .isEqualTo(404);
    }

    @Test
    void anotherBodysOfficialCannotClaimOrCompleteTheTask() {
        Http other = as("jargalant.health");
        Http.Response claim = other.postJson("/engine-rest/task/{id}/claim", Map.of("userId", "jargalant.health"),
                taskId);
        assertThat(claim.status()).as("%s", claim).isEqualTo(403);
        Http.Response complete = other.postJson("/engine-rest/task/{id}/complete", Map.of("variables", Map.of(
                "resolveAction", Map.of("value", "ANSWER", "type", "String"),
                "answerText", Map.of("value", "Миний хариу биш", "type", "String"),
                "outcome", Map.of("value", "RESOLVED", "type", "String"))), taskId);
        assertThat(complete.status()).as("%s", complete).isEqualTo(403);
        assertThat(complete.json().get("type").asText()).isEqualTo("AuthorizationException");

        JsonNode stillOpen = as("sumber.health").get("/engine-rest/task/{id}", taskId).json();
        assertThat(stillOpen.get("id").asText()).isEqualTo(taskId);
        assertThat(stillOpen.get("assignee").isNull()).isTrue();
    }

    @Test
    void processOwnersDeployModelsOfficialsDoNot() {
        String key = "ItTrivialProcess";
        Http.Response refused = as("sumber.health").postMultipart("/engine-rest/deployment/create",
                deployment(key));
        assertThat(refused.status()).as("%s", refused).isEqualTo(403);

        Http owner = as("owner");
        Http.Response deployed = owner.postMultipart("/engine-rest/deployment/create", deployment(key));
        assertThat(deployed.status()).as("%s", deployed).isEqualTo(200);
        String deploymentId = deployed.json().get("id").asText();
        try {
            JsonNode definitions = deployed.json().get("deployedProcessDefinitions");
            assertThat(definitions).hasSize(1);
            assertThat(definitions.elements().next().get("key").asText()).isEqualTo(key);
            assertThat(as("demo").get("/engine-rest/deployment?id={id}", deploymentId).json()).hasSize(1);
            assertThat(as("sumber.health").get("/engine-rest/deployment?id={id}", deploymentId).json()).isEmpty();
            // the owner changes models, not running cases: no deleting deployments (a cascade ends cases)...
            Http.Response ownerDelete = owner.delete("/engine-rest/deployment/{id}?cascade=true", deploymentId);
            assertThat(ownerDelete.status()).as("%s", ownerDelete).isEqualTo(403);
            assertThat(as("demo").get("/engine-rest/deployment?id={id}", deploymentId).json()).hasSize(1);
        } finally {
            Http.Response adminDelete = as("demo").delete("/engine-rest/deployment/{id}?cascade=true", deploymentId);
            assertThat(adminDelete.status()).as("%s", adminDelete).isEqualTo(204);
        }
    }

    @Test
    void processOwnersNeitherStartNorChangeRunningCases() {
        Http owner = as("owner");
        // ...no petition started with chosen variables, bypassing intake
        Http.Response start = owner.postJson("/engine-rest/process-definition/key/PetitionHandling/start",
                Map.of("variables", Map.of("petitionId", Map.of("value", 1, "type", "Long"))));
        assertThat(start.status()).as("%s", start).isEqualTo(403);
        // ...no variables set on a case, no token moved
        Http.Response variable = owner.putJson("/engine-rest/process-instance/{id}/variables/petitionDueDate",
                Map.of("value", "2099-01-01T00:00:00.000+0800", "type", "Date"), processInstanceId);
        assertThat(variable.status()).as("%s", variable).isIn(403, 404);
        Http.Response modify = owner.postJson("/engine-rest/process-instance/{id}/modification",
                Map.of("instructions", java.util.List.of(Map.of("type", "startBeforeActivity",
                        "activityId", "Task_AnswerCitizen"))), processInstanceId);
        assertThat(modify.status()).as("%s", modify).isIn(403, 404);
        // ...but they read the definitions in Cockpit
        assertThat(owner.get("/engine-rest/process-definition?key=PetitionHandling").json()).isNotEmpty();
    }

    @Test
    void theAdministratorSeesEverything() {
        Http admin = as("demo");
        assertThat(admin.get(TASKS_OF_CASE, code).json()).hasSize(1);
        assertThat(admin.get(INSTANCES_OF_CASE, code).json()).hasSize(1);
        assertThat(admin.get("/engine-rest/process-instance/{id}", processInstanceId).status()).isEqualTo(200);
        assertThat(admin.get("/engine-rest/history/process-instance?processInstanceBusinessKey={code}", code).json())
                .hasSize(1);
        assertThat(admin.get("/engine-rest/user?id={id}", "sumber.health").json()).hasSize(1);
        assertThat(admin.get("/engine-rest/authorization/count").json().get("count").asLong()).isPositive();
    }

    /**
     * The engine's authorization SQL as {@link AuthorizationQueries} tunes it (README "Supervision at scale"): the
     * user's groups are used as they are, without reading every authorized group of the table in each command, and
     * PostgreSQL has the statistics and cost setting that make it look grants up by index. Nobody sees more for it:
     * a group without any authorization, given to an official of another body and to the holding body's official,
     * changes neither what they see nor what they may do.
     */
    /**
     * The engine's own SQL for an official's task list and count (what Tasklist asks) is sent unprepared, so that
     * PostgreSQL plans it with its values; the job executor's statements and the engine's look-up of single grants
     * keep the driver's prepared statements and PostgreSQL's plan cache (AuthorizedQueryPlans).
     */
    @Test
    void anOfficialsTaskQueryIsPlannedWithItsValuesAndBackgroundWorkFromTheCache() throws Exception {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        org.apache.ibatis.session.Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        engine.getIdentityService().setAuthentication("sumber.health", java.util.List.of("sumber-health"));
        java.util.List<String> sql;
        try {
            sql = configuration.getCommandExecutorTxRequired().execute(context -> {
                org.camunda.bpm.engine.impl.TaskQueryImpl query = new org.camunda.bpm.engine.impl.TaskQueryImpl();
                query.taskCandidateGroup("sumber-health");
                context.getAuthorizationManager().configureTaskQuery(query);
                assertThat(query.getAuthCheck().isAuthorizationCheckEnabled()).isTrue();
                return java.util.stream.Stream.of("selectTaskByQueryCriteria", "selectTaskCountByQueryCriteria")
                        .map(id -> mybatis.getMappedStatement(configuration.getDbSqlSessionFactory().mapStatement(id))
                                .getBoundSql(query).getSql())
                        .toList();
            });
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        String acquisition = configuration.getCommandExecutorTxRequired().execute(context -> mybatis
                .getMappedStatement(configuration.getDbSqlSessionFactory().mapStatement("selectNextJobsToExecute"))
                .getBoundSql(new org.camunda.bpm.engine.impl.db.ListQueryParameterObject(
                        Map.of("now", new Date(), "alwaysSetDueDate", false, "deploymentAware", false,
                                "applyOrdering", false), 0, 3)).getSql());

        javax.sql.DataSource pool = configuration.getDataSource();
        try (java.sql.Connection c = pool.getConnection()) {
            for (String query : sql) {
                assertThat(query).containsIgnoringCase("ACT_RU_AUTHORIZATION");
                assertThat(threshold(c, query)).as(query).isZero();
            }
            assertThat(threshold(c, acquisition)).isEqualTo(5);
            assertThat(threshold(c, "SELECT * FROM ACT_RU_AUTHORIZATION WHERE TYPE_ = ? AND GROUP_ID_ = ? "
                    + "AND RESOURCE_TYPE_ = ? AND RESOURCE_ID_ = ?")).isEqualTo(5);
            assertThat(threshold(c, "insert into ACT_RU_AUTHORIZATION (ID_, TYPE_) values (?, ?)")).isEqualTo(5);
        }
    }

    private static int threshold(java.sql.Connection c, String sql) throws java.sql.SQLException {
        try (java.sql.PreparedStatement statement = c.prepareStatement(sql)) {
            return statement.unwrap(org.postgresql.PGStatement.class).getPrepareThreshold();
        }
    }

    @Test
    void theTunedAuthorizationChecksGrantNothingMore() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        AuthorizationManager manager = configuration.getCommandExecutorTxRequired()
                .execute(context -> context.getAuthorizationManager());
        assertThat(manager).isInstanceOf(AuthorizationQueries.GroupsAsTheyAre.class);
        assertThat(manager.filterAuthenticatedGroupIds(java.util.List.of("body-a", "body-b", "body-a")))
                .containsExactly("body-a", "body-b");
        assertThat(manager.filterAuthenticatedGroupIds(null)).isEmpty();

        assertThat(jdbc.sql("SELECT count(*) FROM pg_statistic_ext WHERE stxname = 'act_ru_authorization_grants'")
                .query(Integer.class).single()).isOne();
        assertThat(jdbc.sql("SHOW random_page_cost").query(String.class).single()).isEqualTo("1.1");
        // PostgreSQL's plan cache for everything but the reads with an authorization check (AuthorizedQueryPlans)
        assertThat(jdbc.sql("SHOW plan_cache_mode").query(String.class).single()).isEqualTo("auto");

        IdentityService identity = engine.getIdentityService();
        identity.saveGroup(identity.newGroup("it-no-grants"));
        identity.createMembership("jargalant.health", "it-no-grants");
        identity.createMembership("sumber.health", "it-no-grants");
        try {
            assertThat(as("sumber.health").get(TASKS_OF_CASE, code).json()).singleElement()
                    .satisfies(t -> assertThat(t.get("id").asText()).isEqualTo(taskId));
            Http other = as("jargalant.health");
            assertThat(other.get(TASKS_OF_CASE, code).json()).isEmpty();
            assertThat(other.get("/engine-rest/task/{id}", taskId).status()).isEqualTo(404);
            assertThat(other.get(INSTANCES_OF_CASE, code).json()).isEmpty();
            assertThat(other.get("/engine-rest/history/process-instance?processInstanceBusinessKey={code}", code)
                    .json()).isEmpty();
            Http.Response claim = other.postJson("/engine-rest/task/{id}/claim", Map.of("userId", "jargalant.health"),
                    taskId);
            assertThat(claim.status()).as("%s", claim).isIn(403, 404);
        } finally {
            identity.deleteGroup("it-no-grants");
        }
    }

    private static MultiValueMap<String, Object> deployment(String processKey) {
        String bpmn = OwnerModels.startToEnd(processKey); // what the house rules let an owner deploy
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "it-" + processKey);
        parts.add("deployment-source", "AuthorizationIT");
        parts.add("data", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return processKey + ".bpmn";
            }
        });
        return parts;
    }
}
