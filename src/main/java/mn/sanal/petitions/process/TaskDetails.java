package mn.sanal.petitions.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import mn.sanal.attachments.AttachmentService;
import mn.sanal.organisations.Body;
import mn.sanal.organisations.OrganisationService;
import mn.sanal.petitions.CaseHistory;
import mn.sanal.petitions.Category;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionHandlingProcess.Elements;
import mn.sanal.petitions.PetitionService;
import mn.sanal.platform.Clocks;
import mn.sanal.platform.tasks.FormValues;

/**
 * What the official's form shows of the case, read fresh from our tables each time the form is opened (the model's
 * user tasks name this bean as their {@link FormValues}): nothing is copied into the task, so the form shows the case
 * as it is now (history, due date, overdue mark) and a task's creation writes no copy. Texts of any length (the
 * citizen's petition, the case history, the attachment links) are Json values ({@link CaseHistory#formValue}).
 */
@Component("taskDetails")
class TaskDetails implements FormValues, TaskListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The names of the values this bean shows. */
    static final Set<String> FORM_COPIES = Set.of("petitionTypeLabel", "categoryLabel", "locationLabel",
            "channelLabel", "citizenContact", "petitionText", "dueDateText", "responsibleBodyName",
            CaseHistory.FORM_FIELD, CaseHistory.ATTACHMENTS_FORM_FIELD, "extensionStatusText", "ratingText",
            "reviewReasonText", "requestedBy", "bodyOptions");

    private final PetitionService petitions;
    private final OrganisationService organisations;
    private final AttachmentService attachments;

    TaskDetails(PetitionService petitions, OrganisationService organisations, AttachmentService attachments) {
        this.petitions = petitions;
        this.organisations = organisations;
        this.attachments = attachments;
    }

    @Override
    public Map<String, TypedValue> of(DelegateTask task) {
        Petition p = ProcessVariables.petition(task, petitions);
        Map<String, TypedValue> shown = new LinkedHashMap<>();
        shown.put("petitionTypeLabel", text(p.type().labelMn()));
        shown.put("categoryLabel", text(petitions.category(p.category()).map(Category::nameMn).orElse("Ангилаагүй")));
        shown.put("locationLabel", text(location(p)));
        shown.put("channelLabel", text(p.channel().labelMn()));
        shown.put("citizenContact", text(contact(p)));
        if (!Elements.DESCRIBE.equals(task.getTaskDefinitionKey())) {
            // on the description task the text is what the clerk types (an input), not shown
            shown.put("petitionText", json(p.text().isBlank() ? "(агуулгыг бичиж оруулаагүй)" : p.text()));
        }
        shown.put("dueDateText", text(p.dueAt() == null ? "Хугацаагүй"
                : Clocks.formatDate(p.dueAt()) + (p.overdue() ? " (ХЭТЭРСЭН)" : "")));
        shown.put("responsibleBodyName",
                text(organisations.body(p.responsibleBody()).map(Body::nameMn).orElse("Тодорхойгүй")));
        shown.put(CaseHistory.FORM_FIELD, json(CaseHistory.text(petitions.history(p.id()))));
        shown.put(CaseHistory.ATTACHMENTS_FORM_FIELD, json(attachments.linksText(p.id())));
        shown.put("extensionStatusText", text(p.extended()
                ? "Хугацааг " + p.extensionDays() + " хоногоор сунгасан (дахин сунгах боломжгүй)"
                : "Хугацаа сунгаагүй"));
        shown.put("ratingText", text(p.rating() == null ? "Үнэлгээгүй" : p.rating() + " / 5"));
        shown.put("reviewReasonText", text(Elements.REVIEW_LOW_RATING.equals(task.getTaskDefinitionKey())
                ? "Иргэн хариуг " + p.rating() + " гэж үнэлсэн: хариуг хянаж, шаардлагатай бол дахин шийдвэрлүүлнэ үү."
                : "Хуулийн хугацаа (" + Clocks.formatDate(p.dueAt()) + ") хэтэрсэн. Байгууллага шийдвэрлэсээр байна."));
        shown.put("requestedBy", text(ProcessVariables.actor(task)));
        if (Elements.TRIAGE.equals(task.getTaskDefinitionKey()) || Elements.RESOLVE.equals(task.getTaskDefinitionKey())) {
            shown.put("bodyOptions", SpinValues.jsonValue(bodyOptions()).create());
        }
        return shown;
    }

    /**
     * Tasks of PetitionHandling versions deployed before the form values (2026-11-24) name this bean as their
     * {@code create} listener, and their forms read task-local variables: for them the values are still written so
     * (and kept out of history by {@link FormCopiesHistory}) until their cases are migrated or end.
     */
    @Override
    public void notify(DelegateTask task) {
        of(task).forEach(task::setVariableLocal);
    }

    private static TypedValue text(String value) {
        return Variables.stringValue(value);
    }

    private static TypedValue json(String value) {
        return (TypedValue) CaseHistory.formValue(value);
    }

    private String location(Petition p) {
        String place = organisations.describe(p.aimagCode(), p.soumCode(), p.bagCode());
        boolean sameAsPlace = p.addressText() == null || p.addressText().strip().equalsIgnoreCase(place);
        return sameAsPlace ? place : place + " (" + p.addressText().strip() + ")";
    }

    private static String contact(Petition p) {
        return java.util.stream.Stream.of(p.citizenName(), p.contactPhone(), p.contactEmail(),
                        p.contactFax() == null ? null : "факс " + p.contactFax())
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(", "));
    }

    private String bodyOptions() {
        List<Map<String, String>> options = organisations.bodies().stream()
                .map(b -> Map.of("label", organisations.describe(b.aimagCode(),
                        b.unitCode().equals(b.aimagCode()) ? null : b.unitCode(), null) + " - " + b.nameMn(),
                        "value", b.code()))
                .toList();
        try {
            return JSON.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
