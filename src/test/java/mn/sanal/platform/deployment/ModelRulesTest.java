package mn.sanal.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.core.env.StandardEnvironment;

import mn.sanal.platform.deployment.ModelRules.Findings;
import mn.sanal.platform.deployment.ModelRules.Key;
import mn.sanal.platform.deployment.Refusal.Rule;

/**
 * The deployment rules without an engine: every model and form we ship passes them as a process owner's deployment
 * would (so a process owner can deploy them, changed or not), and the expression rules on the edge cases. The
 * delegates are found as at run time, from the bean definitions of package {@code mn.sanal} (nothing instantiated).
 * The routes themselves are tried in {@link DeploymentGuardIT}.
 */
class ModelRulesTest {

    private static final ModelBeans BEANS = beans();
    private static final ModelRules RULES = new ModelRules(BEANS, () -> true);
    private static final ExpressionRules EXPRESSIONS = new ExpressionRules(BEANS);

    @Test
    void theDelegatesAreFoundByTheirType() {
        assertThat(BEANS.delegateNames()).contains("assignBody", "taskCompletion", "taskDetails",
                "describePetition");
        assertThat(BEANS.isDelegate("environment")).isFalse();
        assertThat(BEANS.isBean("environment")).isTrue();
        assertThat(BEANS.mayCall("describePetition", "triageGroup", 1)).isTrue();
        assertThat(BEANS.mayCall("describePetition", "getClass", 0)).isFalse();
        assertThat(BEANS.mayCall("describePetition", "triageGroup", 2)).isFalse();
    }

    @Test
    void everyShippedModelAndFormPassesTheRules() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Stream.concat(Files.walk(Path.of("processes")), Files.walk(Path.of("forms")))) {
            files = all.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            Findings findings = RULES.check(file.getFileName().toString(), Files.readAllBytes(file));
            assertThat(findings.refusals()).as("%s", file).isEmpty();
            assertThat(findings.defines()).as("%s", file).isNotEmpty();
        }
    }

    @Test
    void theKeysAModelResolvesLateAreFound() throws IOException {
        Findings handling = RULES.check("PetitionHandling.bpmn",
                Files.readAllBytes(Path.of("processes/petitions/PetitionHandling.bpmn")));
        assertThat(handling.defines()).containsExactly(new Key(Key.PROCESS, "PetitionHandling"));
        assertThat(handling.refersTo()).contains(new Key(Key.DECISION, "PetitionRouting"),
                new Key(Key.DECISION, "PetitionDeadlines"));
        // forms are bound by deployment (house rule 4): a later deployment of a form changes no running case
        assertThat(handling.refersTo()).doesNotContain(new Key(Key.FORM, "ResolvePetition"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain text", "${petitionDueDate}", "${resolveAction == 'ANSWER'}",
            "${citizenRating <= 2 && !empty bodyGroup}", "${routedBody != null ? routedBody : 'x'}",
            "${deadlines.resolveDays}", "${deadlines['resolveDays']}", "${items[0]}", "${now()}",
            "${describePetition.triageGroup(execution)}", "P${days}D", "#{bodyHead}", "\\${escaped.getClass()}",
            "${authenticatedUserId}"})
    void plainExpressionsAndOurDelegatesMethodsAreAllowed(String expression) {
        assertThat(EXPRESSIONS.check(expression)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"${''.getClass().forName('java.lang.Runtime')}", "${x.toString()}",
            "${environment.getProperty('spring.datasource.password')}", "${environment}", "${dataSource.password}",
            "${execution}", "${execution.processEngineServices}", "${task.execution.variables}",
            "${describePetition.getClass()}", "${describePetition.triageGroup(execution).bytes}",
            "${describePetition.triageGroup(execution, 1)}", "${describePetition.organisations}",
            "${describePetition.triageGroup(environment)}", "${x.class}", "${x['class']}", "${x[key]}",
            "${x.declaringClass.name}", "${S(x)}", "${dateTime().plusDays(1)}", "${f:f()}", "${a",
            "a ${ok} b ${x.y()}", "#{x.getClass()}"})
    void everythingElseIsRefused(String expression) {
        assertThat(EXPRESSIONS.check(expression)).as(expression).isNotNull();
    }

    @Test
    void aDelegateIsOneOfOursByName() {
        assertThat(EXPRESSIONS.checkDelegate("${assignBody}")).isNull();
        assertThat(EXPRESSIONS.checkDelegate("${environment}")).contains("'environment' нь Саналын делегат биш");
        assertThat(EXPRESSIONS.checkDelegate("${someVariable}")).isNotNull();
        assertThat(EXPRESSIONS.checkDelegate("assignBody")).isNotNull();
        assertThat(EXPRESSIONS.checkDelegate("${describePetition.getClass()}")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"COMPLAINT\"", "-", "[1..5]", "< 3", "\"A\",\"B\"", "petitionType",
            "date(\"2026-01-01\") + duration(\"P1D\")", "if x > 2 then \"a\" else \"b\"", "{a: 1}.a",
            "count([1, 2])", "not(\"x\")"})
    void feelWithoutJavaIsAllowed(String feel) {
        assertThat(new FeelRules().check(feel)).as(feel).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"x.getClass()", "x.set(7)", "{c: x.getClass(), r: c.forName(\"java.lang.Runtime\")}.r",
            "{ f: function(a) external { java: { class: \"java.lang.Math\", method signature: \"abs(int)\" } } }",
            "x.class", "[x.class.name]", "((((\""})
    void feelCallingJavaIsRefused(String feel) {
        assertThat(new FeelRules().check(feel)).as(feel).isNotNull();
    }

    @Test
    void aDecisionWithoutExpressionLanguageIsRefusedWhenTheEngineDefaultIsNotFeel() throws IOException {
        byte[] deadlines = Files.readAllBytes(Path.of("processes/petitions/PetitionDeadlines.dmn"));
        assertThat(new ModelRules(BEANS, () -> false).check("PetitionDeadlines.dmn", deadlines).refusals())
                .isNotEmpty().allMatch(r -> r.rule() == Rule.DMN_LANGUAGE);
    }

    /** The engine still reads camunda: attributes in the old activiti: namespace; the rules go by local name. */
    @Test
    void theOldActivitiNamespaceAndCharacterReferencesDoNotHideAnything() {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:a="http://activiti.org/bpmn"
                    id="Definitions_X" targetNamespace="x">
                  <process id="X" isExecutable="true">
                    <serviceTask id="Task_Class" a:class="java.lang.Object" />
                    <serviceTask id="Task_Expression" a:expression="&#36;{x.getClass()}" />
                  </process>
                </definitions>""";
        List<Refusal> refusals = RULES.check("x.bpmn", bpmn.getBytes(StandardCharsets.UTF_8))
                .refusals();
        assertThat(refusals).extracting(Refusal::rule, Refusal::elementId).containsExactlyInAnyOrder(
                tuple(Rule.JAVA_CLASS, "Task_Class"),
                tuple(Rule.EXPRESSION, "Task_Expression"));
    }

    /** A user task's form values bean (extension property formValues) is a delegate position; other properties not. */
    @Test
    void aFormValuesPropertyNamesOneOfOurDelegates() {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_X" targetNamespace="x">
                  <process id="X" isExecutable="true">
                    <userTask id="Task_Ours"><extensionElements><camunda:properties>
                      <camunda:property name="formValues" value="${taskDetails}" /></camunda:properties></extensionElements>
                    </userTask>
                    <userTask id="Task_Environment"><extensionElements><camunda:properties>
                      <camunda:property name="formValues" value="${environment}" /></camunda:properties></extensionElements>
                    </userTask>
                    <userTask id="Task_OtherProperty"><extensionElements><camunda:properties>
                      <camunda:property name="shown" value="${taskDetails}" /></camunda:properties></extensionElements>
                    </userTask>
                  </process>
                </definitions>""";
        assertThat(RULES.check("x.bpmn", bpmn.getBytes(StandardCharsets.UTF_8)).refusals())
                .extracting(Refusal::rule, Refusal::elementId).containsExactlyInAnyOrder(
                        tuple(Rule.DELEGATE, "Task_Environment"),
                        tuple(Rule.EXPRESSION, "Task_OtherProperty"));
    }

    @Test
    void aDoctypeIsRefused() {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE definitions [<!ENTITY e "&#36;{x.getClass()}">]>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_X" targetNamespace="x">
                  <process id="X" isExecutable="true"><serviceTask id="Task_1" name="&e;" /></process>
                </definitions>""";
        assertThat(RULES.check("x.bpmn", bpmn.getBytes(StandardCharsets.UTF_8)).refusals())
                .isNotEmpty().allMatch(r -> r.rule() == Rule.UNREADABLE);
    }

    @Test
    void theMessageNamesRuleElementAndResource() {
        assertThat(new Refusal(Rule.SCRIPT, "exploit.bpmn", "Task_X", "scriptTask").message())
                .isEqualTo("Загварт скрипт ашиглах эрхгүй: Task_X (scriptTask) — exploit.bpmn");
        assertThat(new Refusal(Rule.RESOURCE_TYPE, "exploit.js", null, ".js").message())
                .isEqualTo("Энэ төрлийн файлыг байршуулах эрхгүй: exploit.js (.js)");
    }

    private static ModelBeans beans() {
        DefaultListableBeanFactory factory = new DefaultListableBeanFactory();
        new ClassPathBeanDefinitionScanner(factory).scan("mn.sanal");
        factory.registerSingleton("environment", new StandardEnvironment());
        factory.registerSingleton("dataSource", new Object());
        return new ModelBeans(factory);
    }
}
