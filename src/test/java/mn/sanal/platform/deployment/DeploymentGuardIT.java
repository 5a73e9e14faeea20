package mn.sanal.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import mn.sanal.support.Http;
import mn.sanal.support.IntegrationTest;
import mn.sanal.support.OwnerModels;

/**
 * Item 2 of issue 7, tried as the process owner would: {@code owner} (group process-owners, password "demo") deploys
 * models that run code on the server through {@code POST /engine-rest/deployment/create} (what Camunda Modeler
 * calls), redeploys the admin's deployment through REST and through Cockpit's own API, and deploys keys the admin's
 * models resolve. Each exploit would create a file; each is refused with 400 and a message naming the rule and the
 * element, nothing is deployed, nothing runs. The admin ({@code demo}) may still deploy code; the owner may still
 * deploy the shipped models, unchanged and with a changed rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeploymentGuardIT extends IntegrationTest {

    private static final String CREATE = "/engine-rest/deployment/create";
    private static final String BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                id="Definitions_%1$s" targetNamespace="https://sanal.mn/it">
              <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
                %2$s
              </bpmn:process>
            </bpmn:definitions>
            """;
    private static final String DMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_%1$s" name="%1$s"
                namespace="https://sanal.mn/it">
              <decision id="%1$s" name="%1$s">
                <variable id="Variable_%1$s" name="result" />
                %2$s
              </decision>
            </definitions>
            """;

    private final Path markers = createMarkerDirectory();

    @Autowired
    private DecisionService decisions;

    // ---------------------------------------------------------------- BPMN: code in expressions, scripts, classes

    @Test
    void aServiceTaskExpressionCallingRuntimeExecIsRefused() {
        Path marker = marker("runtime-exec");
        String exploit = "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)"
                + ".exec('touch " + marker + "')}";
        refused("ItRuntimeExec", between("<bpmn:serviceTask id=\"Task_Exploit\" camunda:expression=\"" + exploit
                + "\" />"), "Илэрхийлэлд зөвхөн", "Task_Exploit");
        assertThat(marker).doesNotExist();
    }

    @Test
    void aServiceTaskExpressionCreatingAFileIsRefused() {
        Path marker = marker("service-task");
        refused("ItServiceTaskFile", between("<bpmn:serviceTask id=\"Task_Exploit\" camunda:expression=\""
                + createFile(marker) + "\" />"), "Илэрхийлэлд зөвхөн", "Task_Exploit");
        assertThat(marker).doesNotExist();
    }

    @Test
    void readingASpringBeanSuchAsTheDatabasePasswordIsRefused() {
        refused("ItBeanLeak", between("""
                <bpmn:serviceTask id="Task_Exploit" camunda:resultVariable="leak"
                    camunda:expression="${environment.getProperty('spring.datasource.password')}" />"""),
                "Илэрхийлэлд зөвхөн", "Task_Exploit");
        refused("ItBeanLeakMapping", between("""
                <bpmn:userTask id="Task_Exploit"><bpmn:extensionElements><camunda:inputOutput>
                  <camunda:inputParameter name="leak">${dataSource.password}</camunda:inputParameter>
                </camunda:inputOutput></bpmn:extensionElements></bpmn:userTask>"""),
                "'dataSource' объектын шинжийг уншихгүй", "Task_Exploit");
    }

    @Test
    void aDelegateExpressionNamingAnyOtherBeanIsRefused() {
        refused("ItOtherBean", between("<bpmn:serviceTask id=\"Task_Exploit\" "
                + "camunda:delegateExpression=\"${processEngine}\" />"), "Зөвхөн Саналын делегатыг", "processEngine");
    }

    /** Fields would be set on our delegate, a singleton: every process, the admin's too, would run the changed one. */
    @Test
    void fieldInjectionIntoOurDelegatesIsRefused() {
        refused("ItFieldInjection", between("""
                <bpmn:userTask id="Task_Exploit"><bpmn:extensionElements>
                  <camunda:taskListener event="create" delegateExpression="${taskCompletion}">
                    <camunda:field name="petitions"><camunda:string>x</camunda:string></camunda:field>
                  </camunda:taskListener>
                </bpmn:extensionElements></bpmn:userTask>"""), "Делегатын талбарт утга (camunda:field) оноох эрхгүй",
                "Task_Exploit");
    }

    @Test
    void aJavaClassIsRefused() {
        refused("ItJavaClass", between("<bpmn:serviceTask id=\"Task_Exploit\" "
                + "camunda:class=\"mn.sanal.petitions.process.ClosePetition\" />"), "Загварт Java класс заах эрхгүй",
                "Task_Exploit");
        refused("ItListenerClass", between("""
                <bpmn:userTask id="Task_Exploit"><bpmn:extensionElements>
                  <camunda:taskListener event="create" class="mn.sanal.petitions.process.ClosePetition" />
                </bpmn:extensionElements></bpmn:userTask>"""), "Загварт Java класс заах эрхгүй", "Task_Exploit");
    }

    @Test
    void aJuelScriptTaskIsRefused() {
        Path marker = marker("juel-script");
        refused("ItJuelScript", between("<bpmn:scriptTask id=\"Task_Exploit\" scriptFormat=\"juel\"><bpmn:script>"
                + createFile(marker) + "</bpmn:script></bpmn:scriptTask>"), "Загварт скрипт ашиглах эрхгүй: "
                + "Task_Exploit (scriptTask)", "Task_Exploit");
        assertThat(marker).doesNotExist();
    }

    @Test
    void javascriptAndGroovyScriptTasksAreRefused() {
        refused("ItJavascript", between("<bpmn:scriptTask id=\"Task_Exploit\" scriptFormat=\"javascript\">"
                + "<bpmn:script>java.lang.Runtime.getRuntime().exec('id')</bpmn:script></bpmn:scriptTask>"),
                "Загварт скрипт ашиглах эрхгүй", "Task_Exploit");
        refused("ItGroovy", between("<bpmn:scriptTask id=\"Task_Exploit\" scriptFormat=\"groovy\">"
                + "<bpmn:script>'id'.execute()</bpmn:script></bpmn:scriptTask>"), "Загварт скрипт ашиглах эрхгүй",
                "Task_Exploit");
    }

    @Test
    void executionAndTaskListenerScriptsAreRefused() {
        Path marker = marker("listener");
        refused("ItExecutionListener", between("<bpmn:userTask id=\"Task_Exploit\"><bpmn:extensionElements>"
                + "<camunda:executionListener event=\"start\"><camunda:script scriptFormat=\"juel\">"
                + createFile(marker) + "</camunda:script></camunda:executionListener>"
                + "</bpmn:extensionElements></bpmn:userTask>"), "Загварт скрипт ашиглах эрхгүй", "Task_Exploit");
        refused("ItTaskListener", between("<bpmn:userTask id=\"Task_Exploit\"><bpmn:extensionElements>"
                + "<camunda:taskListener event=\"create\"><camunda:script scriptFormat=\"juel\">"
                + createFile(marker) + "</camunda:script></camunda:taskListener>"
                + "</bpmn:extensionElements></bpmn:userTask>"), "Загварт скрипт ашиглах эрхгүй", "Task_Exploit");
        assertThat(marker).doesNotExist();
    }

    @Test
    void anInputOutputMappingScriptIsRefused() {
        Path marker = marker("io-mapping");
        refused("ItMappingScript", between("<bpmn:userTask id=\"Task_Exploit\"><bpmn:extensionElements>"
                + "<camunda:inputOutput><camunda:inputParameter name=\"x\"><camunda:script scriptFormat=\"juel\">"
                + createFile(marker) + "</camunda:script></camunda:inputParameter></camunda:inputOutput>"
                + "</bpmn:extensionElements></bpmn:userTask>"), "Загварт скрипт ашиглах эрхгүй", "Task_Exploit");
        assertThat(marker).doesNotExist();
    }

    @Test
    void aConditionScriptIsRefused() {
        Path marker = marker("condition");
        refused("ItConditionScript", """
                <bpmn:startEvent id="StartEvent_1" />
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Gateway_1" />
                <bpmn:exclusiveGateway id="Gateway_1" default="Flow_Default" />
                <bpmn:sequenceFlow id="Flow_Exploit" sourceRef="Gateway_1" targetRef="EndEvent_1">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="juel">%s</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="Flow_Default" sourceRef="Gateway_1" targetRef="EndEvent_1" />
                <bpmn:endEvent id="EndEvent_1" />""".formatted(createFile(marker)), "Загварт скрипт ашиглах эрхгүй",
                "Flow_Exploit");
        assertThat(marker).doesNotExist();
    }

    /** A timer start event's expression is evaluated when the model is deployed: deploying alone would run it. */
    @Test
    void aTimerExpressionWithAMethodCallIsRefused() {
        Path marker = marker("timer");
        refused("ItTimer", """
                <bpmn:startEvent id="StartEvent_Exploit"><bpmn:timerEventDefinition id="Timer_Exploit">
                  <bpmn:timeDate xsi:type="bpmn:tFormalExpression">%s</bpmn:timeDate>
                </bpmn:timerEventDefinition></bpmn:startEvent>""".formatted(createFile(marker)
                .replace("}", " ? '2099-01-01T00:00:00' : '2099-01-01T00:00:00'}")), "Илэрхийлэлд зөвхөн",
                "Timer_Exploit");
        assertThat(marker).doesNotExist();
    }

    @Test
    void anExternalScriptResourceIsRefused() {
        Path marker = marker("external-script");
        MultiValueMap<String, Object> parts = parts("ItExternalScript", Map.of(
                "ItExternalScript.bpmn", bpmn("ItExternalScript", between("<bpmn:scriptTask id=\"Task_Exploit\" "
                        + "scriptFormat=\"juel\" camunda:resource=\"deployment://exploit.juel\" />")),
                "exploit.juel", createFile(marker)));
        JsonNode answer = refused("ItExternalScript", parts, "Загварт скрипт ашиглах эрхгүй", "Task_Exploit");
        assertThat(answer.get("message").asText()).contains("Энэ төрлийн файлыг байршуулах эрхгүй", "exploit.juel");
        assertThat(marker).doesNotExist();
    }

    // ---------------------------------------------------------------- DMN, CMMN, other files

    @Test
    void aDecisionInAnotherLanguageThanFeelIsRefused() {
        Path marker = marker("dmn-juel");
        refused("ItDmnJuel", dmn("ItDmnJuel", """
                <decisionTable id="Table_1"><input id="Input_1">
                  <inputExpression id="InputExpression_Exploit" typeRef="string" expressionLanguage="juel">
                    <text>%s</text></inputExpression></input>
                  <output id="Output_1" name="result" typeRef="string" />
                  <rule id="Rule_1"><inputEntry id="InputEntry_1"><text>-</text></inputEntry>
                    <outputEntry id="OutputEntry_1"><text>"x"</text></outputEntry></rule>
                </decisionTable>""".formatted(createFile(marker))), "Шийдвэрийн хүснэгтэд зөвхөн FEEL",
                "InputExpression_Exploit");
        refused("ItDmnJavascript", dmn("ItDmnJavascript", """
                <literalExpression id="Literal_Exploit" expressionLanguage="javascript">
                  <text>java.lang.Runtime.getRuntime().exec('id')</text></literalExpression>"""),
                "Шийдвэрийн хүснэгтэд зөвхөн FEEL", "Literal_Exploit");
        assertThat(marker).doesNotExist();
    }

    @Test
    void feelExternalFunctionsAndMethodCallsAreRefused() {
        refused("ItFeelExternal", dmn("ItFeelExternal", """
                <literalExpression id="Literal_Exploit"><text>{ f: function(a, b) external { java: {
                  class: "java.lang.Math", method signature: "max(int, int)" } }, r: f(1, 2) }.r</text>
                </literalExpression>"""), "FEEL илэрхийлэлд Java функц", "Literal_Exploit");
        refused("ItFeelMethod", dmn("ItFeelMethod", """
                <literalExpression id="Literal_Exploit"><text>x.getClass()</text></literalExpression>"""),
                "FEEL илэрхийлэлд Java функц", "Literal_Exploit");
    }

    /**
     * Camunda's FEEL engine is built with external functions off: even the admin's decision cannot call Java (the
     * REST API hides the cause, so the decision is evaluated through the Java API).
     */
    @Test
    void feelExternalFunctionsAreDisabledInTheEngine() {
        String key = "ItFeelExternalAdmin";
        Http.Response deployed = as("demo").postMultipart(CREATE, parts(key, Map.of(key + ".dmn", dmn(key, """
                <literalExpression id="Literal_External"><text>{ f: function(a, b) external { java: {
                  class: "java.lang.Math", method signature: "max(int, int)" } }, r: f(1, 2) }.r</text>
                </literalExpression>"""))));
        assertThat(deployed.status()).as("%s", deployed).isEqualTo(200);
        try {
            assertThatThrownBy(() -> decisions.evaluateDecisionByKey(key).evaluate()).rootCause()
                    .hasMessageContaining("External functions are disabled");
        } finally {
            delete(deployed);
        }
    }

    @Test
    void cmmnAndScriptFilesAreRefused() {
        String cmmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <cmmn:definitions xmlns:cmmn="http://www.omg.org/spec/CMMN/20151109/MODEL" id="Definitions_ItCase"
                    targetNamespace="https://sanal.mn/it">
                  <cmmn:case id="ItCase"><cmmn:casePlanModel id="CasePlanModel_1" /></cmmn:case>
                </cmmn:definitions>""";
        JsonNode answer = refused("ItCase", parts("ItCase", Map.of("ItCase.cmmn", cmmn,
                "exploit.js", "java.lang.Runtime.getRuntime().exec('id')",
                "exploit.groovy", "'id'.execute()")), "Энэ төрлийн файлыг байршуулах эрхгүй: ItCase.cmmn (.cmmn)",
                "ItCase.cmmn");
        assertThat(answer.get("message").asText()).contains("exploit.js", "exploit.groovy");
        assertThat(answer.get("details").has("exploit.js")).isTrue();
    }

    // ---------------------------------------------------------------- the admin's models

    /**
     * The admin deploys a model with a script that calls a process and a decision by key. The owner may neither
     * bring it back (redeploy, through REST or Cockpit's own API) nor deploy those keys.
     */
    @Test
    void theAdminsModelsCannotBeRedeployedOrChangedByTheOwner() throws Exception {
        String key = "ItAdminScripted";
        Http.Response adminDeployed = as("demo").postMultipart(CREATE, parts(key, Map.of(key + ".bpmn", bpmn(key, """
                <bpmn:startEvent id="StartEvent_1" />
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_Script" />
                <bpmn:scriptTask id="Task_Script" scriptFormat="juel"><bpmn:script>${1 + 1}</bpmn:script></bpmn:scriptTask>
                <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Script" targetRef="Task_Decide" />
                <bpmn:businessRuleTask id="Task_Decide" camunda:decisionRef="ItAdminDecision" />
                <bpmn:sequenceFlow id="Flow_3" sourceRef="Task_Decide" targetRef="Task_Call" />
                <bpmn:callActivity id="Task_Call" calledElement="ItAdminCalled" />
                <bpmn:sequenceFlow id="Flow_4" sourceRef="Task_Call" targetRef="EndEvent_1" />
                <bpmn:endEvent id="EndEvent_1" />"""))));
        assertThat(adminDeployed.status()).as("%s", adminDeployed).isEqualTo(200);
        String adminDeployment = adminDeployed.json().get("id").asText();
        try {
            long before = deployments();
            Http.Response rest = as("owner").postJson("/engine-rest/deployment/{id}/redeploy", Map.of(),
                    adminDeployment);
            assertRefused(rest, "Загварт скрипт ашиглах эрхгүй: Task_Script (scriptTask)", "Task_Script");

            HttpResponse<String> cockpit = Cockpit.login(port, "owner")
                    .post("/camunda/api/engine/engine/default/deployment/" + adminDeployment + "/redeploy", "{}");
            assertRefused(new Http.Response(cockpit.statusCode(), cockpit.body(), null),
                    "Загварт скрипт ашиглах эрхгүй: Task_Script (scriptTask)", "Task_Script");

            refused(key, between("<bpmn:userTask id=\"Task_Plain\" />"), "Админы загварт хамаарах", key);
            refused("ItAdminCalled", between("<bpmn:userTask id=\"Task_Plain\" />"), "Админы загварт хамаарах",
                    "ItAdminCalled");
            refused("ItAdminDecision", dmn("ItAdminDecision", """
                    <literalExpression id="Literal_1"><text>"owner's"</text></literalExpression>"""),
                    "Админы загварт хамаарах", "ItAdminDecision");
            assertThat(deployments()).isEqualTo(before);
            assertThat(as("demo").get("/engine-rest/process-definition/count?key={key}", key).json().get("count")
                    .asLong()).isEqualTo(1);

            // a key no admin model uses stays the owner's
            Http.Response own = as("owner").postMultipart(CREATE, parts("ItOwnersOwn", Map.of("ItOwnersOwn.bpmn",
                    OwnerModels.startToEnd("ItOwnersOwn"))));
            assertThat(own.status()).as("%s", own).isEqualTo(200);
            delete(own);
        } finally {
            assertThat(as("demo").delete("/engine-rest/deployment/{id}?cascade=true", adminDeployment).status())
                    .isEqualTo(204);
        }
    }

    @Test
    void theAdminMayDeployAJavaClass() {
        String key = "ItAdminClass";
        Http.Response deployed = as("demo").postMultipart(CREATE, parts(key, Map.of(key + ".bpmn", bpmn(key,
                between("<bpmn:serviceTask id=\"Task_Class\" "
                        + "camunda:class=\"mn.sanal.petitions.process.ClosePetition\" />")))));
        assertThat(deployed.status()).as("%s", deployed).isEqualTo(200);
        delete(deployed);
    }

    // ---------------------------------------------------------------- what the owner may do

    /** The shipped processes, decisions and forms: unchanged, and with a policy value changed (5 to 3 days). */
    @Test
    void theOwnerDeploysTheShippedModelsUnchangedAndWithAChangedRule() throws IOException {
        Map<String, String> shipped = new LinkedHashMap<>();
        for (Path dir : new Path[] {Path.of("processes/petitions"), Path.of("forms/petitions")}) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    shipped.put(f.getFileName().toString(), Files.readString(f));
                }
            }
        }
        assertThat(shipped).containsKeys("PetitionHandling.bpmn", "PetitionDeadlines.dmn", "PetitionRouting.dmn");

        Http.Response unchanged = as("owner").postMultipart(CREATE, parts("ItShipped", shipped));
        assertThat(unchanged.status()).as("%s", unchanged).isEqualTo(200);
        assertThat(unchanged.json().get("deployedProcessDefinitions").size())
                .isEqualTo(shipped.keySet().stream().filter(f -> f.endsWith(".bpmn")).count());

        String deadlines = shipped.get("PetitionDeadlines.dmn");
        String changedRule = deadlines.replaceFirst(
                "(<outputEntry id=\"OutputEntry_Complaint_reminderDaysBefore\">\\s*<text>)5(</text>)", "$13$2");
        assertThat(changedRule).isNotEqualTo(deadlines);
        Http.Response changed = as("owner").postMultipart(CREATE, parts("ItChangedRule",
                Map.of("PetitionDeadlines.dmn", changedRule)));
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        try {
            JsonNode result = as("owner").postJson("/engine-rest/decision-definition/key/PetitionDeadlines/evaluate",
                    Map.of("variables", Map.of("petitionType", Map.of("value", "COMPLAINT", "type", "String"))))
                    .json();
            assertThat(result.get(0).get("reminderDaysBefore").get("value").asInt()).isEqualTo(3);
        } finally {
            delete(changed);
            delete(unchanged);
        }
    }

    /**
     * Issue 13: the house rules hold the owner's deployment. The shipped PetitionHandling with its forms, broken in
     * three ways a Modeler user might: a form bound by latest, the law's due date dropped from the resolve task, a
     * condition reading a variable PetitionHandlingProcess does not declare. 400, each rule and element named, nothing
     * deployed; the shipped files alone still deploy (the other test).
     */
    @Test
    void theOwnersModelBreakingTheHouseRulesIsRefusedNamingRuleAndElement() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("PetitionHandling.bpmn", Files.readString(Path.of("processes/petitions/PetitionHandling.bpmn"))
                .replace("camunda:formRef=\"TriagePetition\" camunda:formRefBinding=\"deployment\"",
                        "camunda:formRef=\"TriagePetition\" camunda:formRefBinding=\"latest\"")
                .replace(" camunda:dueDate=\"${petitionDueDate}\" camunda:followUpDate", " camunda:followUpDate")
                .replace("${resolveAction == 'TRANSFER'}", "${resolveAction == 'TRANSFER' || urgent}"));
        try (Stream<Path> forms = Files.list(Path.of("forms/petitions"))) {
            for (Path f : forms.toList()) {
                files.put(f.getFileName().toString(), Files.readString(f));
            }
        }
        JsonNode answer = refused("PetitionHandling", parts("ItBrokenHandling", files),
                "Хэрэглэгчийн ажлын маягтыг formRefBinding=\"deployment\"-аар холбож", "UserTask_TriagePetition");
        assertThat(answer.get("message").asText()).contains(
                "Хуулиар тогтсон хугацааг загвараас хасах, өөрчлөх эрхгүй: UserTask_ResolvePetition",
                "Загварын уншдаг хувьсагч процессын тогтмолын ангид зарлагдаагүй: Flow_Transfer (urgent "
                        + "(PetitionHandlingProcess.Vars))", "PetitionHandling.bpmn");
        assertThat(answer.get("details").get("PetitionHandling.bpmn").get("errors")).hasSize(3);
    }

    @AfterAll
    void removeMarkers() {
        FileSystemUtils.deleteRecursively(markers.toFile());
    }

    // ---------------------------------------------------------------- helpers

    /** Deploys as the owner, expects the refusal, and checks that nothing was deployed or can be started. */
    private JsonNode refused(String key, String processContent, String rule, String elementId) {
        String resource = processContent.contains("<decision") ? key + ".dmn" : key + ".bpmn";
        String xml = resource.endsWith(".dmn") ? processContent : bpmn(key, processContent);
        return refused(key, parts(key, Map.of(resource, xml)), rule, elementId);
    }

    private JsonNode refused(String key, MultiValueMap<String, Object> parts, String rule, String elementId) {
        long before = deployments();
        long definitionsBefore = definitions(key);
        Http.Response answer = as("owner").postMultipart(CREATE, parts);
        JsonNode json = assertRefused(answer, rule, elementId);
        assertThat(deployments()).isEqualTo(before);
        assertThat(definitions(key)).isEqualTo(definitionsBefore);
        if (definitionsBefore == 0) {
            Http owner = as("owner");
            assertThat(owner.postJson("/engine-rest/process-definition/key/{key}/start", Map.of(), key).status())
                    .isEqualTo(404);
            assertThat(owner.postJson("/engine-rest/decision-definition/key/{key}/evaluate",
                    Map.of("variables", Map.of()), key).status()).isEqualTo(404);
        }
        return json;
    }

    /** Process and decision definitions of the key, all versions. */
    private long definitions(String key) {
        Http admin = as("demo");
        return admin.get("/engine-rest/process-definition/count?key={key}", key).json().get("count").asLong()
                + admin.get("/engine-rest/decision-definition/count?key={key}", key).json().get("count").asLong();
    }

    private static JsonNode assertRefused(Http.Response answer, String rule, String elementId) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        JsonNode json = answer.json();
        assertThat(json.get("type").asText()).isEqualTo("ParseException");
        assertThat(json.get("message").asText()).contains(rule, elementId);
        return json;
    }

    private String dmn(String key, String content) {
        return DMN.formatted(key, content);
    }

    private static String bpmn(String key, String content) {
        return BPMN.formatted(key, content);
    }

    /** Start, the element with id Task_Exploit (or whatever the caller gives), end. */
    private static String between(String element) {
        String id = element.replaceFirst("(?s).*?id=\"([^\"]+)\".*", "$1");
        return """
                <bpmn:startEvent id="StartEvent_1" />
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="%1$s" />
                %2$s
                <bpmn:sequenceFlow id="Flow_2" sourceRef="%1$s" targetRef="EndEvent_1" />
                <bpmn:endEvent id="EndEvent_1" />""".formatted(id, element);
    }

    /** A JUEL expression that creates the file: proof that a model ran code in the server's JVM. */
    private static String createFile(Path marker) {
        return "${''.getClass().forName('java.io.File').getConstructor(''.getClass()).newInstance('" + marker
                + "').createNewFile()}";
    }

    private Path marker(String name) {
        return markers.resolve(name);
    }

    private static Path createMarkerDirectory() {
        try {
            return Files.createTempDirectory("sanal-deploy-guard");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long deployments() {
        return as("demo").get("/engine-rest/deployment/count").json().get("count").asLong();
    }

    private void delete(Http.Response deployed) {
        assertThat(as("demo").delete("/engine-rest/deployment/{id}?cascade=true", deployed.json().get("id").asText())
                .status()).isEqualTo(204);
    }

    private static MultiValueMap<String, Object> parts(String name, Map<String, String> resources) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", name);
        parts.add("deployment-source", "DeploymentGuardIT");
        resources.forEach((file, content) -> parts.add(file, new ByteArrayResource(
                content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return file;
            }
        }));
        return parts;
    }

    /** A browser logged in to Cockpit: its session cookie and the CSRF token the webapp asks for. */
    private record Cockpit(HttpClient client, CookieManager cookies, int port) {

        static Cockpit login(int port, String user) throws Exception {
            CookieManager cookies = new CookieManager();
            Cockpit c = new Cockpit(HttpClient.newBuilder().cookieHandler(cookies).build(), cookies, port);
            c.client.send(HttpRequest.newBuilder(c.uri("/camunda/app/cockpit/default/")).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
            HttpResponse<String> login = c.client.send(HttpRequest.newBuilder(
                            c.uri("/camunda/api/admin/auth/user/default/login/cockpit"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", c.csrf())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            // as Cockpit does after login; the answer carries the CSRF token of the new session
            c.client.send(HttpRequest.newBuilder(c.uri("/camunda/api/admin/auth/user/default")).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return c;
        }

        HttpResponse<String> post(String path, String json) throws Exception {
            return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .header("Accept", "application/json").header("X-XSRF-TOKEN", csrf())
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private String csrf() {
            return cookies.getCookieStore().getCookies().stream().filter(k -> k.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).reduce((a, b) -> b).orElse("");
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}
