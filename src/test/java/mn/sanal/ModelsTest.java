package mn.sanal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import mn.sanal.platform.tasks.StringVariables;

/**
 * The models as process owners get them: every BPMN and DMN file under {@code processes/} parses, opens in Camunda
 * Modeler for Camunda 7 with every element laid out, carries ids written on purpose, and every formRef names a form
 * under {@code forms/}. Plain JUnit, no engine: the files as they are in the repository.
 */
class ModelsTest {

    private static final Path PROCESSES = Path.of("processes");
    private static final Path FORMS = Path.of("forms");
    private static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";
    private static final String CAMUNDA_BPMN_NS = "http://camunda.org/schema/1.0/bpmn";
    private static final String DMNDI_NS = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
    /** What Camunda Modeler generates: Activity_0x7f3k2, Flow_1abc2de, Gateway_0gh3t1q. */
    private static final Pattern GENERATED_ID = Pattern.compile("_[0-9a-z]{7}$");
    private static final Pattern ID_ATTRIBUTE = Pattern.compile("\\sid=\"([^\"]+)\"");

    @Test
    void thereAreModelsToCheck() throws IOException {
        assertThat(files(PROCESSES, ".bpmn")).isNotEmpty();
        assertThat(files(PROCESSES, ".dmn")).isNotEmpty();
        assertThat(files(FORMS, ".form")).isNotEmpty();
    }

    @Test
    void everyBpmnIsLaidOutCompletelyForCamunda7() throws IOException {
        for (Path file : files(PROCESSES, ".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            Bpmn.validateModel(model);

            Set<String> shapes = new HashSet<>();
            model.getModelElementsByType(BpmnShape.class)
                    .forEach(s -> shapes.add(s.getBpmnElement().getId()));
            Set<String> edges = new HashSet<>();
            model.getModelElementsByType(BpmnEdge.class)
                    .forEach(e -> edges.add(e.getBpmnElement().getId()));

            List<String> nodes = model.getModelElementsByType(FlowNode.class).stream().map(BaseElement::getId)
                    .toList();
            List<String> flows = model.getModelElementsByType(SequenceFlow.class).stream().map(BaseElement::getId)
                    .toList();
            assertThat(nodes).as("%s: flow nodes", file).isNotEmpty();
            assertThat(shapes).as("%s: every flow node has a BPMNShape", file).containsAll(nodes);
            assertThat(edges).as("%s: every sequence flow has a BPMNEdge", file).containsAll(flows);

            String platform = model.getDefinitions().getDomElement().getAttribute(MODELER_NS, "executionPlatform");
            assertThat(platform).as("%s: modeler:executionPlatform", file).isEqualTo("Camunda Platform");

            String processId = file.getFileName().toString().replace(".bpmn", "");
            assertThat((Object) model.getModelElementById(processId)).as("%s: file name == process id", file).isNotNull();
        }
    }

    @Test
    void everyDmnParsesAndEveryDecisionHasAShape() throws Exception {
        for (Path file : files(PROCESSES, ".dmn")) {
            DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
            Dmn.validateModel(model);
            List<String> decisions = model.getModelElementsByType(Decision.class).stream().map(Decision::getId)
                    .toList();
            assertThat(decisions).as("%s: decisions", file).isNotEmpty();

            // The DMN model API does not read DMNDI; the DOM does.
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document dom = factory.newDocumentBuilder().parse(file.toFile());
            NodeList shapeNodes = dom.getElementsByTagNameNS(DMNDI_NS, "DMNShape");
            Set<String> shaped = new HashSet<>();
            for (int i = 0; i < shapeNodes.getLength(); i++) {
                shaped.add(((Element) shapeNodes.item(i)).getAttribute("dmnElementRef"));
            }
            assertThat(shaped).as("%s: every decision has a DMNShape", file).containsAll(decisions);
            assertThat(dom.getDocumentElement().getAttributeNS(MODELER_NS, "executionPlatform"))
                    .as("%s: modeler:executionPlatform", file).isEqualTo("Camunda Platform");
        }
    }

    @Test
    void noModelHasGeneratedIds() throws IOException {
        List<String> generated = new ArrayList<>();
        for (Path file : Stream.concat(files(PROCESSES, ".bpmn").stream(), files(PROCESSES, ".dmn").stream())
                .toList()) {
            Matcher m = ID_ATTRIBUTE.matcher(Files.readString(file));
            while (m.find()) {
                if (GENERATED_ID.matcher(m.group(1)).find()) {
                    generated.add(file + ": " + m.group(1));
                }
            }
        }
        assertThat(generated).as("ids written on purpose, not generated").isEmpty();
    }

    @Test
    void everyFormRefResolvesToAFormWithThatId() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Path> formsById = new HashMap<>();
        for (Path form : files(FORMS, ".form")) {
            JsonNode id = json.readTree(form.toFile()).get("id");
            assertThat(id).as("%s has an id", form).isNotNull();
            assertThat(formsById.put(id.asText(), form)).as("form id %s is unique", id.asText()).isNull();
        }
        List<String> refs = new ArrayList<>();
        for (Path file : files(PROCESSES, ".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String ref = task.getAttributeValueNs(CAMUNDA_BPMN_NS, "formRef");
                assertThat(ref).as("%s: %s has a camunda:formRef", file, task.getId()).isNotBlank();
                refs.add(ref);
                assertThat(formsById).as("%s: %s formRef %s", file, task.getId(), ref).containsKey(ref);
            }
            // a start form (Tasklist's "Start process"): optional, but when there is one it must resolve too
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                String ref = start.getAttributeValueNs(CAMUNDA_BPMN_NS, "formRef");
                if (ref != null) {
                    refs.add(ref);
                    assertThat(formsById).as("%s: %s formRef %s", file, start.getId(), ref).containsKey(ref);
                }
            }
        }
        assertThat(refs).isNotEmpty();
        assertThat(formsById.keySet()).as("every form is used by a model").containsExactlyInAnyOrderElementsOf(
                new HashSet<>(refs));
    }

    /**
     * The rule for form authors that the server enforces (mn.sanal.platform.tasks): a field that only shows something
     * is {@code disabled} (Tasklist submits {@code readonly} fields back, and the server refuses them), and every text
     * an official types has a {@code maxLength} within the engine's String variable column.
     */
    @Test
    void everyFormShowsWithDisabledFieldsAndLimitsWhatOfficialsType() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (Path form : files(FORMS, ".form")) {
            for (JsonNode c : json.readTree(form.toFile()).path("components")) {
                String key = c.path("key").asText(null);
                if (key == null) {
                    continue;
                }
                assertThat(c.has("readonly")).as("%s: %s shows a value: \"disabled\": true, not readonly", form, key)
                        .isFalse();
                String type = c.path("type").asText();
                if (!c.path("disabled").asBoolean() && (type.equals("textfield") || type.equals("textarea"))) {
                    assertThat(c.path("validate").path("maxLength").asInt(Integer.MAX_VALUE))
                            .as("%s: %s has a maxLength within %s", form, key, StringVariables.MAX_LENGTH)
                            .isLessThanOrEqualTo(StringVariables.MAX_LENGTH);
                }
            }
        }
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
