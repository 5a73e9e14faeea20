package mn.sanal.petitions.process;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineException;

import mn.sanal.organisations.Body;
import mn.sanal.petitions.PetitionHandlingProcess;

/**
 * What PetitionRouting.dmn decided: a named body, or a kind of body found for the petition's place. No matching rule
 * is an answer too (the petition goes to triage); a rule whose kind names no kind of body is an incident naming the
 * decision and the output.
 */
record Routing(Optional<String> bodyCode, Optional<Body.Kind> bodyKind) {

    static final String BODY_CODE = "bodyCode";
    static final String BODY_KIND = "bodyKind";

    static Routing read(Map<String, Object> rule) {
        if (rule == null) {
            return new Routing(Optional.empty(), Optional.empty());
        }
        Optional<String> code = text(rule.get(BODY_CODE));
        Optional<String> kind = text(rule.get(BODY_KIND));
        try {
            return new Routing(code, kind.map(Body.Kind::valueOf));
        } catch (IllegalArgumentException e) {
            throw new ProcessEngineException("Шийдвэрийн хүснэгт " + PetitionHandlingProcess.DECISION_ROUTING
                    + "-ийн гаралт " + BODY_KIND + " = '" + kind.orElse("") + "' нь байгууллагын төрөл биш.");
        }
    }

    private static Optional<String> text(Object v) {
        return v instanceof String s && !s.isBlank() ? Optional.of(s.strip()) : Optional.empty();
    }
}
