package mn.sanal.platform.deployment;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.dmn.deployer.DecisionDefinitionDeployer;
import org.camunda.bpm.engine.impl.form.deployer.CamundaFormDefinitionDeployer;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.xml.ModelInstance;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import mn.sanal.platform.deployment.Refusal.Rule;
import mn.sanal.platform.tasks.FormValues;

/**
 * The rules a process owner's resource must keep, and the keys it defines and refers to. Files are read with
 * Camunda's model API (which validates them against the schemas); the rules then walk every element and attribute
 * of the document, whatever its namespace ({@code camunda:} or the old {@code activiti:}), so that nothing the engine
 * reads escapes them:
 * <ul>
 * <li>BPMN: no script task and no {@code script} element anywhere (listeners, input/output, conditions), no
 * {@code language}, {@code scriptFormat} or {@code resource} attribute (conditions and scripts in another language,
 * external script files), no {@code class} or {@code ...Class} attribute ({@code camunda:class},
 * {@code variableMappingClass}, {@code formHandlerClass}), no form field validator class, no connector, no field
 * injection ({@code camunda:field} would set fields of our singleton delegates for every process); every text
 * with {@code ${...}} or {@code #{...}} passes {@link ExpressionRules}, and a {@code delegateExpression} or the value
 * of a user task's {@code formValues} property ({@link FormValues}) names one of our delegates.</li>
 * <li>DMN: FEEL only (every {@code expressionLanguage}, and the engine's defaults where none is given); every text
 * passes {@link FeelRules}.</li>
 * <li>Camunda Forms (JSON): accepted. Anything else (CMMN, scripts, HTML, images...): refused.</li>
 * </ul>
 */
final class ModelRules {

    private static final String BPMN_DI = "http://www.omg.org/spec/BPMN/20100524/DI";
    private static final String DMN_DI = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
    private static final Set<String> FEEL = Set.of("http://www.omg.org/spec/FEEL/20140401",
            "http://www.omg.org/spec/DMN/20180521/FEEL/", "https://www.omg.org/spec/DMN/20191111/FEEL/",
            "https://www.omg.org/spec/DMN/20211108/FEEL/", "https://www.omg.org/spec/DMN/20230324/FEEL/");
    /** DMN elements whose {@code text} the engine evaluates. */
    private static final Set<String> DMN_EXPRESSIONS = Set.of("inputExpression", "inputEntry", "outputEntry",
            "literalExpression", "inputValues", "outputValues", "defaultOutputEntry");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExpressionRules expressions;
    private final FeelRules feel = new FeelRules();
    private final BooleanSupplier dmnDefaultsAreFeel;

    /**
     * @param dmnDefaultsAreFeel whether the DMN engine evaluates a cell without {@code expressionLanguage} as FEEL
     *                           (Camunda's default; not so in its "FEEL legacy" mode, where some defaults are JUEL)
     */
    ModelRules(ModelBeans beans, BooleanSupplier dmnDefaultsAreFeel) {
        this.expressions = new ExpressionRules(beans);
        this.dmnDefaultsAreFeel = dmnDefaultsAreFeel;
    }

    /** A definition key of some kind: what "latest version" is resolved by. */
    record Key(String kind, String key) {
        static final String PROCESS = "process";
        static final String DECISION = "decision";
        static final String FORM = "form";
        static final String CASE = "case";

        @Override
        public String toString() {
            return kind + " " + key;
        }
    }

    /**
     * What a resource breaks, the keys it defines, and the keys it refers to by latest version or version tag (a
     * called process, a decision, a form), which a later deployment of that key changes.
     */
    record Findings(List<Refusal> refusals, Set<Key> defines, Set<Key> refersTo) {
    }

    static boolean isFeel(String language) {
        return FEEL.contains(language) || "feel".equals(language.toLowerCase(Locale.ROOT));
    }

    Findings check(String resource, byte[] bytes) {
        Findings findings = new Findings(new ArrayList<>(), new HashSet<>(), new HashSet<>());
        try {
            if (endsWith(resource, BpmnDeployer.BPMN_RESOURCE_SUFFIXES)) {
                Element root = root(resource, Bpmn.readModelFromStream(new ByteArrayInputStream(bytes)), findings);
                if (root != null) {
                    bpmn(resource, root, null, findings);
                }
            } else if (endsWith(resource, DecisionDefinitionDeployer.DMN_RESOURCE_SUFFIXES)) {
                Element root = root(resource, Dmn.readModelFromStream(new ByteArrayInputStream(bytes)), findings);
                if (root != null) {
                    findings.defines().add(new Key(Key.DECISION, root.getAttribute("id")));
                    dmn(resource, root, null, null, findings);
                }
            } else if (endsWith(resource, CamundaFormDefinitionDeployer.FORM_RESOURCE_SUFFIXES)) {
                JsonNode form = JSON.readTree(bytes);
                if (form == null || !form.isObject() || !form.path("id").isTextual()) {
                    refuse(findings, Rule.UNREADABLE, resource, null, "Camunda Forms JSON биш");
                } else {
                    findings.defines().add(new Key(Key.FORM, form.get("id").asText()));
                }
            } else {
                int dot = resource.lastIndexOf('.');
                refuse(findings, Rule.RESOURCE_TYPE, resource, null, dot < 0 ? resource : resource.substring(dot));
            }
        } catch (Exception e) {
            refuse(findings, Rule.UNREADABLE, resource, null, e.getMessage());
        }
        return findings;
    }

    private static Element root(String resource, ModelInstance model, Findings findings) {
        Document document = (Document) model.getDocument().getDomSource().getNode();
        if (document.getDoctype() != null) {
            refuse(findings, Rule.UNREADABLE, resource, null, "DOCTYPE");
            return null;
        }
        return document.getDocumentElement();
    }

    private void bpmn(String resource, Element element, String enclosingId, Findings findings) {
        String local = element.getLocalName();
        if (BPMN_DI.equals(element.getNamespaceURI()) || "documentation".equals(local)
                || "textAnnotation".equals(local)) {
            return; // layout and prose: the engine evaluates none of it
        }
        String id = element.hasAttribute("id") ? element.getAttribute("id") : enclosingId;
        if ("process".equals(local)) {
            findings.defines().add(new Key(Key.PROCESS, id));
        }
        if ("scriptTask".equals(local)) {
            refuse(findings, Rule.SCRIPT, resource, id, "scriptTask");
        } else if ("script".equals(local) && !"scriptTask".equals(element.getParentNode().getLocalName())) {
            refuse(findings, Rule.SCRIPT, resource, id, element.getTagName());
        } else if ("field".equals(local)) {
            // injected into the delegate object, a singleton every process shares
            refuse(findings, Rule.FIELD_INJECTION, resource, id, element.getTagName() + " name=\""
                    + element.getAttribute("name") + "\"");
        } else if ("connector".equals(local)) {
            refuse(findings, Rule.CONNECTOR, resource, id, element.getTagName());
        } else if ("constraint".equals(local) && "validator".equals(element.getAttribute("name"))) {
            refuse(findings, Rule.JAVA_CLASS, resource, id, "validator " + element.getAttribute("config"));
        }
        references(element, findings);
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            String value = attribute.getValue();
            String shown = attribute.getName() + "=\"" + value + "\"";
            if (!attribute.getSpecified() || "http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI())) {
                continue; // a default the schema filled in, or a namespace declaration
            }
            if ("class".equals(name) || name.endsWith("Class")) {
                refuse(findings, Rule.JAVA_CLASS, resource, id, shown);
            } else if (("language".equals(name) || "scriptFormat".equals(name) || "resource".equals(name)
                    || "expressionLanguage".equals(name)) && !"scriptTask".equals(local)) {
                refuse(findings, Rule.SCRIPT, resource, id, shown);
            } else if (ExpressionRules.hasExpression(value)) {
                // a delegate too: the bean a user task names for what its form shows (FormValues)
                boolean delegate = "delegateExpression".equals(name) || "value".equals(name)
                        && "property".equals(local) && FormValues.PROPERTY.equals(element.getAttribute("name"));
                String refusal = delegate ? expressions.checkDelegate(value) : expressions.check(value);
                if (refusal != null) {
                    refuse(findings, delegate ? Rule.DELEGATE : Rule.EXPRESSION, resource, id, shown + ": " + refusal);
                }
            }
        }
        String text = text(element);
        if (ExpressionRules.hasExpression(text)) {
            String refusal = expressions.check(text);
            if (refusal != null) {
                refuse(findings, Rule.EXPRESSION, resource, id, element.getTagName() + " \"" + text.strip()
                        + "\": " + refusal);
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                bpmn(resource, e, id, findings);
            }
        }
    }

    /** References resolved by key at run time (binding latest or versionTag, the default being latest). */
    private static void references(Element element, Findings findings) {
        String local = element.getLocalName();
        if ("callActivity".equals(local)) {
            reference(findings, Key.PROCESS, element.getAttribute("calledElement"),
                    camunda(element, "calledElementBinding"));
            reference(findings, Key.CASE, camunda(element, "caseRef"), camunda(element, "caseBinding"));
        }
        reference(findings, Key.DECISION, camunda(element, "decisionRef"), camunda(element, "decisionRefBinding"));
        reference(findings, Key.FORM, camunda(element, "formRef"), camunda(element, "formRefBinding"));
    }

    private static void reference(Findings findings, String kind, String key, String binding) {
        if (!key.isEmpty() && (binding.isEmpty() || "latest".equals(binding) || "versionTag".equals(binding))) {
            findings.refersTo().add(new Key(kind, key));
        }
    }

    /** A camunda: attribute, in the current or the old (activiti) namespace. */
    private static String camunda(Element element, String name) {
        String value = element.getAttributeNS("http://camunda.org/schema/1.0/bpmn", name);
        return value.isEmpty() ? element.getAttributeNS("http://activiti.org/bpmn", name) : value;
    }

    private void dmn(String resource, Element element, String enclosingId, String language, Findings findings) {
        if (DMN_DI.equals(element.getNamespaceURI())) {
            return;
        }
        String local = element.getLocalName();
        String id = element.hasAttribute("id") ? element.getAttribute("id") : enclosingId;
        if ("decision".equals(local)) {
            findings.defines().add(new Key(Key.DECISION, id));
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            if (!attribute.getSpecified()) {
                continue; // a default the schema filled in
            }
            if ("expressionLanguage".equals(name)) {
                if (!isFeel(attribute.getValue())) {
                    refuse(findings, Rule.DMN_LANGUAGE, resource, id, attribute.getName() + "=\"" + attribute.getValue()
                            + "\"");
                } else if (!"definitions".equals(local)) {
                    // on definitions, Camunda applies its own defaults all the same (FEEL unless in legacy mode)
                    language = attribute.getValue();
                }
            } else if ("class".equals(name) || name.endsWith("Class")) {
                refuse(findings, Rule.JAVA_CLASS, resource, id, attribute.getName() + "=\"" + attribute.getValue()
                        + "\"");
            }
        }
        if ("text".equals(local) && DMN_EXPRESSIONS.contains(element.getParentNode().getLocalName())) {
            String text = text(element);
            if (language == null && !text.isBlank() && !dmnDefaultsAreFeel.getAsBoolean()) {
                refuse(findings, Rule.DMN_LANGUAGE, resource, id, "expressionLanguage байхгүй, анхдагч нь FEEL биш");
            } else if (language == null || isFeel(language)) {
                String refusal = feel.check(text);
                if (refusal != null) {
                    refuse(findings, Rule.FEEL_CALL, resource, id, "\"" + text.strip() + "\": " + refusal);
                }
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                dmn(resource, e, id, language, findings);
            }
        }
    }

    /** The element's own text (text and CDATA children), as the engine's parser reads it. */
    private static String text(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        return text.toString();
    }

    private static boolean endsWith(String resource, String[] suffixes) {
        for (String suffix : suffixes) {
            if (resource.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    private static void refuse(Findings findings, Rule rule, String resource, String id, String detail) {
        findings.refusals().add(new Refusal(rule, resource, id, detail));
    }
}
