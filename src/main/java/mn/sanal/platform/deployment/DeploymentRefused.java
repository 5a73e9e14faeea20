package mn.sanal.platform.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment refused by {@link DeploymentGuard}. A {@link ParseException}, as for a model the engine cannot parse,
 * so that the REST API answers 400 with one report per resource and element ({@code details}), which Camunda
 * Modeler shows to the process owner.
 */
public class DeploymentRefused extends ParseException {

    private final transient List<Refusal> refusals;

    DeploymentRefused(List<Refusal> refusals) {
        super("Байршуулалтыг хүлээн авсангүй: " + refusals.stream().map(Refusal::message)
                .collect(Collectors.joining("; ")), refusals.get(0).resource(), List.of(), List.of());
        this.refusals = List.copyOf(refusals);
        Map<String, List<Problem>> byResource = new LinkedHashMap<>();
        for (Refusal r : refusals) {
            byResource.computeIfAbsent(r.resource(), k -> new ArrayList<>()).add(new RefusedElement(r));
        }
        this.resorceReports = byResource.entrySet().stream()
                .map(e -> (ResourceReport) new Report(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    public List<Refusal> refusals() {
        return refusals;
    }

    private record Report(String getResourceName, List<Problem> getErrors) implements ResourceReport {
        @Override
        public List<Problem> getWarnings() {
            return List.of();
        }
    }

    private record RefusedElement(Refusal refusal) implements Problem {
        @Override
        public String getMessage() {
            return refusal.message();
        }

        @Override
        public int getLine() {
            return 0;
        }

        @Override
        public int getColumn() {
            return 0;
        }

        @Override
        public String getMainElementId() {
            return refusal.elementId();
        }

        @Override
        public List<String> getElementIds() {
            return refusal.elementId() == null ? List.of() : List.of(refusal.elementId());
        }
    }
}
