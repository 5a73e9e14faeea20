package mn.sanal.petitions.process;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
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

/**
 * On every user task's creation: what the official's form shows, read fresh from our tables and set as task-local
 * variables (they vanish with the task; the process keeps only references). Texts of any length (the citizen's
 * petition, the case history, the attachment links) go in Json variables ({@link CaseHistory#formValue}).
 */
@Component("taskDetails")
class TaskDetails implements TaskListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The task-local variables this listener sets: copies of our tables for the form to show, gone with the task.
     * They are not history ({@link FormCopiesHistory}): the case record is in our tables.
     */
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
    public void notify(DelegateTask task) {
        Petition p = petitions.get(ProcessVariables.petitionId(task, petitions));
        task.setVariableLocal("petitionTypeLabel", p.type().labelMn());
        task.setVariableLocal("categoryLabel",
                petitions.category(p.category()).map(Category::nameMn).orElse("Ангилаагүй"));
        task.setVariableLocal("locationLabel", location(p));
        task.setVariableLocal("channelLabel", p.channel().labelMn());
        task.setVariableLocal("citizenContact", contact(p));
        task.setVariableLocal("petitionText",
                CaseHistory.formValue(p.text().isBlank() ? "(агуулгыг бичиж оруулаагүй)" : p.text()));
        task.setVariableLocal("dueDateText", p.dueAt() == null ? "Хугацаагүй"
                : Clocks.formatDate(p.dueAt()) + (p.overdue() ? " (ХЭТЭРСЭН)" : ""));
        task.setVariableLocal("responsibleBodyName",
                organisations.body(p.responsibleBody()).map(Body::nameMn).orElse("Тодорхойгүй"));
        task.setVariableLocal(CaseHistory.FORM_FIELD,
                CaseHistory.formValue(CaseHistory.text(petitions.history(p.id()))));
        task.setVariableLocal(CaseHistory.ATTACHMENTS_FORM_FIELD,
                CaseHistory.formValue(attachments.linksText(p.id())));
        task.setVariableLocal("extensionStatusText", p.extended()
                ? "Хугацааг " + p.extensionDays() + " хоногоор сунгасан (дахин сунгах боломжгүй)"
                : "Хугацаа сунгаагүй");
        task.setVariableLocal("ratingText", p.rating() == null ? "Үнэлгээгүй" : p.rating() + " / 5");
        task.setVariableLocal("reviewReasonText", Elements.REVIEW_LOW_RATING.equals(task.getTaskDefinitionKey())
                ? "Иргэн хариуг " + p.rating() + " гэж үнэлсэн: хариуг хянаж, шаардлагатай бол дахин шийдвэрлүүлнэ үү."
                : "Хуулийн хугацаа (" + Clocks.formatDate(p.dueAt()) + ") хэтэрсэн. Байгууллага шийдвэрлэсээр байна.");
        task.setVariableLocal("requestedBy", ProcessVariables.actor(task));
        if (Elements.TRIAGE.equals(task.getTaskDefinitionKey()) || Elements.RESOLVE.equals(task.getTaskDefinitionKey())) {
            task.setVariableLocal("bodyOptions", SpinValues.jsonValue(bodyOptions()).create());
        }
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
