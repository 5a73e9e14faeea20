package mn.sanal.platform.deployment;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.dmn.deployer.DecisionDefinitionDeployer;
import org.camunda.bpm.engine.impl.form.deployer.CamundaFormDefinitionDeployer;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import mn.sanal.platform.deployment.ProcessClasses.Constants;
import mn.sanal.platform.deployment.Refusal.Rule;

/**
 * The house rules for models ({@code notes/house-rules.md}, README "For process owners"), checked on a set of resources
 * deployed together: the repository's {@code processes/} and {@code forms/} in {@code HouseRulesTest}, a process
 * owner's deployment in {@link DeploymentGuard}. Unlike {@link ModelRules} (what may run code), these keep models
 * maintainable and cases lawful: ids on purpose, versionTag and historyTimeToLive, full layout, forms bound by
 * deployment and present, candidate groups, the law's due dates, declared variables, explicit hit policies and rows
 * marked law or policy.
 */
final class HouseRules {

    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    static final String MODELER = "http://camunda.org/schema/modeler/1.0";
    private static final String DMN_DI = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
    /** What Camunda Modeler generates: Activity_0x7f3k2, Flow_1abc2de, Gateway_0gh3t1q. */
    static final Pattern GENERATED_ID = Pattern.compile("_[0-9a-z]{7}$");
    private static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "caseExecution", "externalTask");
    private static final Set<String> FEEL_WORDS = Set.of("true", "false", "null", "and", "or", "not", "if", "then",
            "else", "for", "in", "return", "some", "every", "satisfies", "between", "instance", "of", "function",
            "external");
    private static final Pattern FEEL_NAME = Pattern.compile("(?<![\\w.])([A-Za-z_][A-Za-z0-9_]*+)(?!\\s*\\()");
    private static final Pattern FEEL_STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelBeans beans;
    private final ProcessClasses classes;
    /** Whether a form of that key and version is deployed (for {@code formRefBinding="version"}). */
    private final BiPredicate<String, Integer> deployedForm;

    HouseRules(ModelBeans beans, ProcessClasses classes, BiPredicate<String, Integer> deployedForm) {
        this.beans = beans;
        this.classes = classes;
        this.deployedForm = deployedForm;
    }

    /** The resources deployed together, by file name (a path is fine): what breaks the house rules. */
    List<Refusal> check(Map<String, byte[]> resources) {
        List<Refusal> refusals = new ArrayList<>();
        Set<String> forms = new HashSet<>();
        resources.forEach((name, bytes) -> {
            if (endsWith(name, CamundaFormDefinitionDeployer.FORM_RESOURCE_SUFFIXES)) {
                try {
                    JsonNode id = JSON.readTree(bytes).path("id");
                    if (id.isTextual()) {
                        forms.add(id.asText());
                    }
                } catch (Exception e) {
                    // ModelRules refuses an unreadable form
                }
            }
        });
        resources.forEach((name, bytes) -> {
            try {
                if (endsWith(name, BpmnDeployer.BPMN_RESOURCE_SUFFIXES)) {
                    bpmn(name, Bpmn.readModelFromStream(new ByteArrayInputStream(bytes)), forms, refusals);
                } else if (endsWith(name, DecisionDefinitionDeployer.DMN_RESOURCE_SUFFIXES)) {
                    dmn(name, Dmn.readModelFromStream(new ByteArrayInputStream(bytes)), refusals);
                }
            } catch (Exception e) {
                refusals.add(new Refusal(Rule.UNREADABLE, name, null, e.getMessage()));
            }
        });
        return refusals;
    }

    // ---------------------------------------------------------------- BPMN

    private void bpmn(String resource, BpmnModelInstance model, Set<String> forms, List<Refusal> refusals) {
        Document dom = (Document) model.getDocument().getDomSource().getNode();
        Element definitions = dom.getDocumentElement();
        ids(resource, definitions, refusals);
        if (!"Camunda Platform".equals(definitions.getAttributeNS(MODELER, "executionPlatform"))) {
            refusals.add(new Refusal(Rule.PROCESS_ATTRIBUTE, resource, definitions.getAttribute("id"),
                    "modeler:executionPlatform=\"Camunda Platform\""));
        }

        Set<String> shapes = new HashSet<>();
        model.getModelElementsByType(BpmnShape.class).forEach(s -> {
            if (s.getBpmnElement() != null) {
                shapes.add(s.getBpmnElement().getId());
            }
        });
        Set<String> edges = new HashSet<>();
        model.getModelElementsByType(BpmnEdge.class).forEach(e -> {
            if (e.getBpmnElement() != null) {
                edges.add(e.getBpmnElement().getId());
            }
        });
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (!shapes.contains(node.getId())) {
                refusals.add(new Refusal(Rule.LAYOUT, resource, node.getId(), "BPMNShape байхгүй"));
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (!edges.contains(flow.getId())) {
                refusals.add(new Refusal(Rule.LAYOUT, resource, flow.getId(), "BPMNEdge байхгүй"));
            }
        }

        for (Process process : model.getModelElementsByType(Process.class)) {
            if (!process.isExecutable()) {
                continue;
            }
            String id = process.getId();
            if (blank(process.getCamundaVersionTag())) {
                refusals.add(new Refusal(Rule.PROCESS_ATTRIBUTE, resource, id, "camunda:versionTag"));
            }
            if (blank(process.getAttributeValueNs(CAMUNDA, "historyTimeToLive"))) {
                refusals.add(new Refusal(Rule.PROCESS_ATTRIBUTE, resource, id, "camunda:historyTimeToLive"));
            }
            Optional<Constants> constants = classes.of(id);
            variables(resource, process, constants, refusals);
            legalDeadlines(resource, model, process, constants, refusals);
        }

        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            form(resource, task, forms, true, refusals);
            if (blank(task.getCamundaCandidateGroups()) && blank(task.getCamundaCandidateUsers())
                    && blank(task.getCamundaAssignee())) {
                refusals.add(new Refusal(Rule.CANDIDATES, resource, task.getId(), null));
            }
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            form(resource, start, forms, false, refusals);
        }
    }

    private void form(String resource, BaseElement element, Set<String> forms, boolean required,
            List<Refusal> refusals) {
        String ref = element.getAttributeValueNs(CAMUNDA, "formRef");
        if (blank(ref)) {
            if (required) {
                refusals.add(new Refusal(Rule.FORM, resource, element.getId(), "camunda:formRef байхгүй"));
            }
            return;
        }
        String binding = element.getAttributeValueNs(CAMUNDA, "formRefBinding");
        if ("deployment".equals(binding)) {
            if (!forms.contains(ref)) {
                refusals.add(new Refusal(Rule.FORM, resource, element.getId(), "\"" + ref
                        + "\" маягт энэ байршуулалтад алга"));
            }
        } else if ("version".equals(binding)) {
            String version = element.getAttributeValueNs(CAMUNDA, "formRefVersion");
            Integer v = version == null || !version.matches("\\d{1,9}") ? null : Integer.valueOf(version);
            if (v == null || !(forms.contains(ref) || deployedForm.test(ref, v))) {
                refusals.add(new Refusal(Rule.FORM, resource, element.getId(), "\"" + ref + "\" маягтын " + version
                        + " хувилбар алга"));
            }
        } else {
            refusals.add(new Refusal(Rule.FORM, resource, element.getId(), "camunda:formRefBinding=\""
                    + (binding == null ? "latest" : binding) + "\""));
        }
    }

    private void legalDeadlines(String resource, BpmnModelInstance model, Process process,
            Optional<Constants> constants, List<Refusal> refusals) {
        if (constants.isEmpty()) {
            return;
        }
        constants.get().legalDeadlines().forEach((elementId, variable) -> {
            String expected = "${" + variable + "}";
            ModelElementInstance element = model.getModelElementById(elementId);
            if (element == null || processOf(element) != process) {
                refusals.add(new Refusal(Rule.LEGAL_DEADLINE, resource, elementId, "элемент алга, " + expected
                        + " хугацаатай байх ёстой"));
                return;
            }
            List<String> actual = new ArrayList<>();
            if (element instanceof UserTask task) {
                actual.add(task.getCamundaDueDate());
            } else {
                for (TimerEventDefinition timer : element.getChildElementsByType(TimerEventDefinition.class)) {
                    actual.add(timer.getTimeDate() == null ? null : timer.getTimeDate().getTextContent());
                    actual.add(timer.getTimeDuration() == null ? null : timer.getTimeDuration().getTextContent());
                    actual.add(timer.getTimeCycle() == null ? null : timer.getTimeCycle().getTextContent());
                }
            }
            if (actual.stream().noneMatch(a -> a != null && expected.equals(a.strip()))) {
                refusals.add(new Refusal(Rule.LEGAL_DEADLINE, resource, elementId, "хугацаа " + expected
                        + " байх ёстой"));
            }
        });
    }

    /** The DOM element of a model element (the model API's DomElement does not give it out). */
    private static Element byId(org.camunda.bpm.model.xml.ModelInstance model, String id, String localName) {
        Document dom = (Document) model.getDocument().getDomSource().getNode();
        NodeList candidates = dom.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < candidates.getLength(); i++) {
            Element e = (Element) candidates.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        return null;
    }

    private static Process processOf(ModelElementInstance element) {
        for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
            if (e instanceof Process p) {
                return p;
            }
        }
        return null;
    }

    /** House rule 6: every variable an expression of the process reads is declared in its class's {@code Vars}. */
    private void variables(String resource, Process process, Optional<Constants> constants,
            List<Refusal> refusals) {
        Set<String> declared = constants.map(Constants::variables).orElse(Set.of());
        String where = constants.map(c -> c.type().getSimpleName() + "." + ProcessClasses.VARS)
                .orElse(process.getId() + ProcessClasses.SUFFIX + " класс байхгүй");
        Set<String> reported = new HashSet<>();
        walk(byId(process.getModelInstance(), process.getId(), "process"), process.getId(), (id, text) -> {
                    for (String name : readVariables(text)) {
                        if (!declared.contains(name) && reported.add(id + " " + name)) {
                            refusals.add(new Refusal(Rule.UNDECLARED_VARIABLE, resource, id, name + " (" + where
                                    + ")"));
                        }
                    }
                });
    }

    private interface TextVisitor {
        void visit(String elementId, String text);
    }

    private static void walk(Element element, String enclosingId, TextVisitor visitor) {
        if (element == null) {
            return;
        }
        String local = element.getLocalName();
        if ("documentation".equals(local) || "textAnnotation".equals(local)) {
            return;
        }
        String id = element.hasAttribute("id") ? element.getAttribute("id") : enclosingId;
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            if (ExpressionRules.hasExpression(a.getValue())) {
                visitor.visit(id, a.getValue());
            }
        }
        StringBuilder text = new StringBuilder();
        for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == org.w3c.dom.Node.TEXT_NODE
                    || child.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        if (ExpressionRules.hasExpression(text.toString())) {
            visitor.visit(id, text.toString());
        }
        for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                walk(e, id, visitor);
            }
        }
    }

    /** The variables a JUEL text reads: its identifiers that are neither Spring beans nor the engine's objects. */
    Set<String> readVariables(String text) {
        Set<String> names = new LinkedHashSet<>();
        try {
            identifiers(PARSER.build(text).getRoot(), names);
        } catch (TreeBuilderException e) {
            return Set.of(); // ModelRules refuses what does not parse
        }
        names.removeIf(n -> ENGINE_OBJECTS.contains(n) || beans.isBean(n));
        return names;
    }

    private static void identifiers(Node node, Set<String> names) {
        if (node instanceof AstIdentifier id) {
            names.add(id.getName());
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            identifiers(node.getChild(i), names);
        }
    }

    private static void ids(String resource, Element element, List<Refusal> refusals) {
        NodeList all = element.getOwnerDocument().getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String id = e.getAttribute("id");
            if (!id.isEmpty() && GENERATED_ID.matcher(id).find()) {
                refusals.add(new Refusal(Rule.GENERATED_ID, resource, id, e.getLocalName()));
            }
        }
    }

    // ---------------------------------------------------------------- DMN

    private void dmn(String resource, DmnModelInstance model, List<Refusal> refusals) {
        Document dom = (Document) model.getDocument().getDomSource().getNode();
        Element definitions = dom.getDocumentElement();
        ids(resource, definitions, refusals);
        if (!"Camunda Platform".equals(definitions.getAttributeNS(MODELER, "executionPlatform"))) {
            refusals.add(new Refusal(Rule.PROCESS_ATTRIBUTE, resource, definitions.getAttribute("id"),
                    "modeler:executionPlatform=\"Camunda Platform\""));
        }
        Set<String> shaped = new HashSet<>();
        NodeList shapes = dom.getElementsByTagNameNS(DMN_DI, "DMNShape");
        for (int i = 0; i < shapes.getLength(); i++) {
            shaped.add(((Element) shapes.item(i)).getAttribute("dmnElementRef"));
        }
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            if (!shaped.contains(decision.getId())) {
                refusals.add(new Refusal(Rule.LAYOUT, resource, decision.getId(), "DMNShape байхгүй"));
            }
            Set<Constants> callers = classes.callersOf(decision.getId());
            for (InputExpression input : decision.getModelInstance().getModelElementsByType(InputExpression.class)) {
                if (decisionOf(input) != decision || input.getText() == null) {
                    continue;
                }
                for (String name : feelNames(input.getText().getTextContent())) {
                    if (callers.isEmpty() || callers.stream().anyMatch(c -> !c.variables().contains(name))) {
                        refusals.add(new Refusal(Rule.UNDECLARED_VARIABLE, resource, input.getId(), name + " ("
                                + (callers.isEmpty() ? "\"" + decision.getId() + "\" шийдвэрийг дууддаг процессын "
                                + "класс байхгүй" : "дууддаг процессын Vars") + ")"));
                    }
                }
            }
        }
        for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
            Element e = byId(table.getModelInstance(), table.getId(), "decisionTable");
            if (e != null && (e.getAttributeNode("hitPolicy") == null || !e.getAttributeNode("hitPolicy").getSpecified())) {
                refusals.add(new Refusal(Rule.HIT_POLICY, resource, table.getId(), null));
            }
        }
        for (org.camunda.bpm.model.dmn.instance.Rule rule : model.getModelElementsByType(
                org.camunda.bpm.model.dmn.instance.Rule.class)) {
            String description = rule.getDescription() == null ? "" : rule.getDescription().getTextContent();
            String lower = description.toLowerCase(Locale.ROOT);
            if (!lower.contains("law:") && !lower.contains("policy")) {
                refusals.add(new Refusal(Rule.RULE_ANNOTATION, resource, rule.getId(), null));
            }
        }
    }

    private static Decision decisionOf(ModelElementInstance element) {
        for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
            if (e instanceof Decision d) {
                return d;
            }
        }
        return null;
    }

    /** The names a simple FEEL input expression reads ({@code petitionType}, {@code a.b} reads {@code a}). */
    static Set<String> feelNames(String feel) {
        Set<String> names = new LinkedHashSet<>();
        if (feel == null) {
            return names;
        }
        Matcher m = FEEL_NAME.matcher(FEEL_STRING.matcher(feel).replaceAll("\"\""));
        while (m.find()) {
            if (!FEEL_WORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean endsWith(String resource, String[] suffixes) {
        for (String suffix : suffixes) {
            if (resource.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }
}
