package mn.sanal.petitions.process;

import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import mn.sanal.organisations.OrganisationService;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionHandlingProcess.Elements;
import mn.sanal.petitions.PetitionHandlingProcess.Values;
import mn.sanal.petitions.PetitionHandlingProcess.Data;
import mn.sanal.petitions.PetitionService;
import mn.sanal.platform.ProcessVariable;

/**
 * On every user task's completion: checks what the official submitted (Tasklist shows the message and keeps the
 * task open when it is wrong), keeps the notes officials write in the case history and remembers who did it. Before
 * this runs, the platform's form guard has checked that the completion wrote only the form's own fields, within the
 * form's rules (the extension form's {@code max} is {@code =maxExtensionDays}, the value of PetitionDeadlines.dmn).
 */
@Component("taskCompletion")
class TaskCompletion implements TaskListener {

    static final int MAX_ANSWER_LENGTH = 1000;
    static final int MAX_QUESTION_LENGTH = 300;

    private final PetitionService petitions;
    private final OrganisationService organisations;

    TaskCompletion(PetitionService petitions, OrganisationService organisations) {
        this.petitions = petitions;
        this.organisations = organisations;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getTaskDefinitionKey()) {
            case Elements.TRIAGE -> {
                requireBody(task, Data.ROUTED_BODY);
                keepNote(task, Data.TRIAGE_NOTE, "Ангилалтын тэмдэглэл");
            }
            case Elements.READ_THANKS -> keepNote(task, Data.THANKS_NOTE, "Талархалтай танилцсан");
            case Elements.RESOLVE -> validateResolution(task);
            case Elements.REQUEST_EXTENSION -> requireText(task, Data.EXTENSION_REASON, 500, "Сунгах шалтгаан");
            case Elements.APPROVE_EXTENSION -> {
                String decision = requireOneOf(task, Data.EXTENSION_DECISION, Values.EXTENSION_APPROVE,
                        Values.EXTENSION_REFUSE);
                if (Values.EXTENSION_APPROVE.equals(decision)) {
                    // a refusal's note goes with the refusal (RecordExtensionRefused)
                    keepNote(task, Data.APPROVAL_NOTE, "Сунгалтыг зөвшөөрсөн");
                }
            }
            case Elements.REVIEW_OVERDUE, Elements.REVIEW_LOW_RATING -> recordReview(task);
            default -> {
            }
        }
        Data.LAST_ACTOR.set(task.getExecution(), actor(task));
    }

    private void validateResolution(DelegateTask task) {
        String action = requireOneOf(task, Data.RESOLVE_ACTION, Values.ACTION_ANSWER, Values.ACTION_EXTEND,
                Values.ACTION_TRANSFER, Values.ACTION_MORE_INFO);
        Petition p = ProcessVariables.petition(task, petitions);
        switch (action) {
            case Values.ACTION_ANSWER -> {
                requireText(task, Data.ANSWER_TEXT, MAX_ANSWER_LENGTH, "Хариуны текст");
                requireText(task, Data.OUTCOME, 30, "Шийдвэрийн үр дүн");
            }
            case Values.ACTION_EXTEND -> {
                if (p.extended()) {
                    throw invalid("Хугацааг нэг удаа сунгасан тул дахин сунгах боломжгүй (хуулийн 16 дугаар зүйл).");
                }
                if (p.overdue()) {
                    throw invalid("Хуулийн хугацаа хэтэрсэн тул сунгах боломжгүй. Хариугаа яаралтай өгнө үү.");
                }
            }
            case Values.ACTION_TRANSFER -> {
                String to = requireBody(task, Data.TRANSFER_BODY);
                if (to.equals(p.responsibleBody())) {
                    throw invalid("Өргөдөл аль хэдийн энэ байгууллагад байна. Өөр байгууллага сонгоно уу.");
                }
                requireText(task, Data.TRANSFER_REASON, 500, "Шилжүүлэх шалтгаан");
            }
            default -> requireText(task, Data.INFORMATION_QUESTION, MAX_QUESTION_LENGTH, "Асуулт");
        }
    }

    private void recordReview(DelegateTask task) {
        String decision = requireOneOf(task, Data.REVIEW_DECISION, Values.REVIEW_REOPEN, Values.REVIEW_CLOSE,
                Values.REVIEW_NOTED);
        String note = ProcessVariables.text(task, Data.REVIEW_NOTE);
        petitions.note(ProcessVariables.petitionId(task, petitions), actor(task),
                "Хяналт (" + decision + ")" + (note == null ? "" : ": " + note));
    }

    private void keepNote(DelegateTask task, ProcessVariable<String> variable, String what) {
        String note = ProcessVariables.text(task, variable);
        if (note != null) {
            petitions.note(ProcessVariables.petitionId(task, petitions), actor(task), what + ": " + note);
        }
    }

    private String requireBody(DelegateTask task, ProcessVariable<String> variable) {
        String code = ProcessVariables.text(task, variable);
        if (code == null || organisations.body(code).isEmpty()) {
            throw invalid("Байгууллага сонгоно уу.");
        }
        return code;
    }

    private static String requireOneOf(DelegateTask task, ProcessVariable<String> variable, String... allowed) {
        String v = ProcessVariables.text(task, variable);
        if (v == null || !Set.of(allowed).contains(v)) {
            throw invalid("Сонголт хийнэ үү (" + variable.name() + ").");
        }
        return v;
    }

    private static void requireText(DelegateTask task, ProcessVariable<String> variable, int maxLength,
                                    String label) {
        String v = ProcessVariables.text(task, variable);
        if (v == null) {
            throw invalid(label + " хоосон байна.");
        }
        if (v.length() > maxLength) {
            throw invalid(label + " " + maxLength + " тэмдэгтээс урт байна.");
        }
    }

    private static String actor(DelegateTask task) {
        Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (auth != null && auth.getUserId() != null) {
            return auth.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : PetitionService.ACTOR_SYSTEM;
    }

    private static BadUserRequestException invalid(String message) {
        return new BadUserRequestException(message);
    }
}
