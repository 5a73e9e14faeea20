package mn.sanal.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.core.env.StandardEnvironment;

import mn.sanal.platform.deployment.Refusal.Rule;

/**
 * The house rules ({@code notes/house-rules.md}) over every file in {@code processes/} and {@code forms/}, as one
 * deployment (the application deploys them so), and each rule broken once in a copy of a shipped model, so that every
 * rule is seen to refuse. The same {@link HouseRules} hold a process owner's deployment ({@code DeploymentGuardIT}).
 */
class HouseRulesTest {

    private static final HouseRules RULES = new HouseRules(beans(), new ProcessClasses(
            HouseRulesTest.class.getClassLoader()), (key, version) -> false);
    private static final String HANDLING = "processes/petitions/PetitionHandling.bpmn";

    @Test
    void everyShippedModelKeepsTheHouseRules() throws IOException {
        Map<String, byte[]> shipped = shipped();
        assertThat(shipped.keySet()).anyMatch(f -> f.endsWith(".bpmn")).anyMatch(f -> f.endsWith(".dmn"))
                .anyMatch(f -> f.endsWith(".form"));
        assertThat(RULES.check(shipped)).isEmpty();
    }

    @Test
    void aFormBoundByLatestOrMissingFromTheDeploymentIsRefused() throws IOException {
        assertThat(broken(HANDLING, s -> s.replaceFirst("(formRef=\"ResolvePetition\" camunda:formRefBinding=\")"
                + "deployment", "$1latest"))).extracting(Refusal::rule, Refusal::elementId)
                .containsExactly(tuple(Rule.FORM, "UserTask_ResolvePetition"));

        Map<String, byte[]> withoutForm = shipped();
        withoutForm.remove("forms/petitions/ResolvePetition.form");
        assertThat(RULES.check(withoutForm)).extracting(Refusal::rule, Refusal::elementId)
                .containsExactly(tuple(Rule.FORM, "UserTask_ResolvePetition"));
    }

    @Test
    void aUserTaskWithoutCandidateGroupsOrAssigneeIsRefused() throws IOException {
        assertThat(broken(HANDLING, s -> s.replace(" camunda:candidateGroups=\"${triageGroup}\"", "")))
                .extracting(Refusal::rule, Refusal::elementId)
                .containsExactly(tuple(Rule.CANDIDATES, "UserTask_TriagePetition"));
    }

    @Test
    void theLawsDueDateCannotBeDroppedOrChanged() throws IOException {
        assertThat(broken(HANDLING, s -> s.replace(" camunda:dueDate=\"${petitionDueDate}\" camunda:followUpDate",
                " camunda:followUpDate"))).extracting(Refusal::rule, Refusal::elementId)
                .containsExactly(tuple(Rule.LEGAL_DEADLINE, "UserTask_ResolvePetition"));
        assertThat(broken(HANDLING, s -> s.replace(
                "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">${petitionDueDate}</bpmn:timeDate>",
                "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P60D</bpmn:timeDuration>")))
                .extracting(Refusal::rule, Refusal::elementId)
                .containsExactly(tuple(Rule.LEGAL_DEADLINE, "StartEvent_DeadlineReached"));
    }

    @Test
    void generatedIdsMissingAttributesAndMissingLayoutAreRefused() throws IOException {
        assertThat(broken(HANDLING, s -> s.replace("Gateway_JoinClose", "Gateway_0gh3t1q")))
                .extracting(Refusal::rule).containsOnly(Rule.GENERATED_ID).isNotEmpty();
        assertThat(broken(HANDLING, s -> s.replace(" camunda:versionTag=\"1.1\"", "")
                .replace(" camunda:historyTimeToLive=\"P1095D\"", "")))
                .extracting(Refusal::rule, Refusal::detail).containsExactlyInAnyOrder(
                        tuple(Rule.PROCESS_ATTRIBUTE, "camunda:versionTag"),
                        tuple(Rule.PROCESS_ATTRIBUTE, "camunda:historyTimeToLive"));
        assertThat(broken(HANDLING, s -> s.replaceFirst("<bpmndi:BPMNEdge id=\"Flow_Closed_di\"[^\\n]*\\n", "")
                .replaceFirst("(?s)<bpmndi:BPMNShape id=\"Task_ClosePetition_di\".*?</bpmndi:BPMNShape>", "")))
                .extracting(Refusal::rule, Refusal::elementId).containsExactlyInAnyOrder(
                        tuple(Rule.LAYOUT, "Flow_Closed"), tuple(Rule.LAYOUT, "Task_ClosePetition"));
    }

    @Test
    void aVariableTheProcessClassDoesNotDeclareIsRefused() throws IOException {
        assertThat(broken(HANDLING, s -> s.replace("${resolveAction == 'EXTEND'}",
                "${resolveAction == 'EXTEND' &amp;&amp; urgentCase}")))
                .extracting(Refusal::rule, Refusal::elementId, Refusal::detail)
                .containsExactly(tuple(Rule.UNDECLARED_VARIABLE, "Flow_Extend",
                        "urgentCase (PetitionHandlingProcess.Vars)"));
        assertThat(broken("processes/petitions/PetitionRouting.dmn", s -> s.replace("<text>soum</text>",
                "<text>district</text>"))).extracting(Refusal::rule, Refusal::elementId)
                .containsExactly(tuple(Rule.UNDECLARED_VARIABLE, "InputExpression_Soum"));
    }

    @Test
    void beansAndTheEnginesObjectsAreNoVariables() {
        assertThat(RULES.readVariables("${describePetition.triageGroup(execution)}")).isEmpty();
        assertThat(RULES.readVariables("${deadlines.resolveDays > 0 && lowRating}"))
                .containsExactly("deadlines", "lowRating");
        assertThat(HouseRules.feelNames("if petitionType = \"THANKS\" then a.b else date(\"2026-01-01\")"))
                .containsExactly("petitionType", "a");
    }

    @Test
    void aDecisionWithoutHitPolicyOrRowsNotMarkedLawOrPolicyIsRefused() throws IOException {
        assertThat(broken("processes/petitions/PetitionRouting.dmn", s -> s.replace(" hitPolicy=\"FIRST\"", "")
                .replace("policy: Эрүүл мэнд", "Эрүүл мэнд")))
                .extracting(Refusal::rule, Refusal::elementId).containsExactlyInAnyOrder(
                        tuple(Rule.HIT_POLICY, "DecisionTable_PetitionRouting"),
                        tuple(Rule.RULE_ANNOTATION, "Rule_Health"));
    }

    @Test
    void refusalsNameTheRuleTheElementAndTheFileInMongolian() {
        assertThat(new Refusal(Rule.FORM, "X.bpmn", "UserTask_X", "camunda:formRefBinding=\"latest\"").message())
                .isEqualTo("Хэрэглэгчийн ажлын маягтыг formRefBinding=\"deployment\"-аар холбож, маягтыг хамт "
                        + "байршуулна: UserTask_X (camunda:formRefBinding=\"latest\") — X.bpmn");
    }

    /** The shipped files with one of them changed: the refusals that the change alone causes. */
    private static List<Refusal> broken(String file, java.util.function.UnaryOperator<String> change)
            throws IOException {
        Map<String, byte[]> files = shipped();
        String before = new String(files.get(file), StandardCharsets.UTF_8);
        String after = change.apply(before);
        assertThat(after).as("the change applies").isNotEqualTo(before);
        files.put(file, after.getBytes(StandardCharsets.UTF_8));
        return RULES.check(files);
    }

    private static Map<String, byte[]> shipped() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> all = Stream.concat(Files.walk(Path.of("processes")), Files.walk(Path.of("forms")))) {
            for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                files.put(p.toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static ModelBeans beans() {
        DefaultListableBeanFactory factory = new DefaultListableBeanFactory();
        new ClassPathBeanDefinitionScanner(factory).scan("mn.sanal");
        factory.registerSingleton("environment", new StandardEnvironment());
        return new ModelBeans(factory);
    }
}
