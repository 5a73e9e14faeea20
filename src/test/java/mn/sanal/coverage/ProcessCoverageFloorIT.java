package mn.sanal.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The floor the build holds each process to: at least {@value #FLOOR} of its flow nodes and sequence flows passed by
 * the process tests, all test classes together. Runs in failsafe's phase, after surefire has run the process tests and
 * the coverage library has written {@code target/process-test-coverage/<test class>/report.json}; so
 * {@code ./mvnw verify} fails when a process falls below its floor (or when no process test ran). Prints the figures.
 */
class ProcessCoverageFloorIT {

    static final double FLOOR = 0.90;
    /** The processes held to the floor; a process a helper adds is added here with its process tests. */
    static final List<String> PROCESSES = List.of("PetitionHandling", "PetitionRegistration");
    static final Path REPORTS = Path.of("target/process-test-coverage");

    @Test
    void everyProcessIsCoveredAtLeastToItsFloor() throws IOException {
        assertThat(REPORTS).as("process test coverage reports: run the process tests (surefire) first").isDirectory();
        Map<String, Set<String>> passed = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        List<Path> reports;
        try (Stream<Path> files = Files.walk(REPORTS)) {
            reports = files.filter(p -> p.getFileName().toString().equals("report.json")).toList();
        }
        assertThat(reports).isNotEmpty();
        for (Path report : reports) {
            JsonNode root = json.readTree(report.toFile());
                for (JsonNode suite : root.path("suites")) {
                for (JsonNode run : suite.path("runs")) {
                    for (JsonNode event : run.path("events")) {
                        String source = event.path("source").asText();
                        if (source.equals("FLOW_NODE") || source.equals("SEQUENCE_FLOW")) {
                            passed.computeIfAbsent(event.path("modelKey").asText(), k -> new HashSet<>())
                                    .add(event.path("definitionKey").asText());
                        }
                    }
                }
            }
        }
        Map<String, Double> coverage = new TreeMap<>();
        for (String process : PROCESSES) {
            // the shipped model's elements: a test's changed copy (a new version with a step more) counts for nothing
            Set<String> elements = elements(process);
            Set<String> coveredIds = new HashSet<>(passed.getOrDefault(process, Set.of()));
            coveredIds.retainAll(elements);
            int total = elements.size();
            int covered = coveredIds.size();
            coverage.put(process, total == 0 ? 0 : (double) covered / total);
            System.out.printf("process test coverage %s: %d of %d flow nodes and sequence flows (%.1f %%)%n",
                    process, covered, total, 100.0 * covered / Math.max(total, 1));
        }
        assertThat(coverage).allSatisfy((process, ratio) -> assertThat(ratio).as(process)
                .isGreaterThanOrEqualTo(FLOOR));
    }

    /** The flow nodes and sequence flows of {@code processes/<feature>/<process>.bpmn}. */
    private static Set<String> elements(String process) throws IOException {
        Path file;
        try (Stream<Path> files = Files.walk(Path.of("processes"))) {
            file = files.filter(p -> p.getFileName().toString().equals(process + ".bpmn")).findFirst().orElseThrow();
        }
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Set<String> ids = new HashSet<>();
        model.getModelElementsByType(FlowNode.class).forEach(n -> ids.add(n.getId()));
        model.getModelElementsByType(SequenceFlow.class).forEach(f -> ids.add(f.getId()));
        return ids;
    }
}
