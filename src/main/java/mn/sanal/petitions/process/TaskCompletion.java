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
import mn.sanal.petitions.PetitionHandlingProcess.Vars;
import mn.sanal.petitions.PetitionService;

/**
 * On every user task's completion: checks what the official submitted (Tasklist shows the message and keeps the
 * task open when it is wrong), keeps the notes officials write in the case history and remembers who did it. Before
 * this runs, the platform's form guard has checked that the completion wrote only the form's own fields, within the
 * form's rules.
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
                requireBody(task, Vars.ROUTED_BODY);
                keepNote(task, Vars.TRIAGE_NOTE, "Ангилалтын тэмдэглэл");
            }
            case Elements.READ_THANKS -> keepNote(task, Vars.THANKS_NOTE, "Талархалтай танилцсан");
            case Elements.RESOLVE -> validateResolution(task);
            case Elements.REQUEST_EXTENSION -> validateExtensionRequest(task);
            case Elements.APPROVE_EXTENSION -> {
                String decision = requireOneOf(task, Vars.EXTENSION_DECISION, Values.EXTENSION_APPROVE,
                        Values.EXTENSION_REFUSE);
                if (Values.EXTENSION_APPROVE.equals(decision)) {
                    // a refusal's note goes with the refusal (RecordExtensionRefused)
                    keepNote(task, Vars.APPROVAL_NOTE, "Сунгалтыг зөвшөөрсөн");
                }
            }
            case Elements.REVIEW_OVERDUE, Elements.REVIEW_LOW_RATING -> recordReview(task);
            default -> {
            }
        }
        task.getExecution().setVariable(Vars.LAST_ACTOR, actor(task));
    }

    private void validateResolution(DelegateTask task) {
        String action = requireOneOf(task, Vars.RESOLVE_ACTION, Values.ACTION_ANSWER, Values.ACTION_EXTEND,
                Values.ACTION_TRANSFER, Values.ACTION_MORE_INFO);
        Petition p = petitions.get(ProcessVariables.petitionId(task, petitions));
        switch (action) {
            case Values.ACTION_ANSWER -> {
                requireText(task, Vars.ANSWER_TEXT, MAX_ANSWER_LENGTH, "Хариуны текст");
                requireText(task, Vars.OUTCOME, 30, "Шийдвэрийн үр дүн");
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
                String to = requireBody(task, Vars.TRANSFER_BODY);
                if (to.equals(p.responsibleBody())) {
                    throw invalid("Өргөдөл аль хэдийн энэ байгууллагад байна. Өөр байгууллага сонгоно уу.");
                }
                requireText(task, Vars.TRANSFER_REASON, 500, "Шилжүүлэх шалтгаан");
            }
            default -> requireText(task, Vars.INFORMATION_QUESTION, MAX_QUESTION_LENGTH, "Асуулт");
        }
    }

    private void validateExtensionRequest(DelegateTask task) {
        Integer days = ProcessVariables.integer(task, Vars.EXTENSION_DAYS);
        int max = ProcessVariables.integer(task, Vars.MAX_EXTENSION_DAYS);
        if (days == null || days < 1 || days > max) {
            throw invalid("Сунгах хоног 1-" + max + " хооронд байна.");
        }
        requireText(task, Vars.EXTENSION_REASON, 500, "Сунгах шалтгаан");
    }

    private void recordReview(DelegateTask task) {
        String decision = requireOneOf(task, Vars.REVIEW_DECISION, Values.REVIEW_REOPEN, Values.REVIEW_CLOSE,
                Values.REVIEW_NOTED);
        String note = ProcessVariables.string(task, Vars.REVIEW_NOTE);
        petitions.note(ProcessVariables.petitionId(task, petitions), actor(task),
                "Хяналт (" + decision + ")" + (note == null || note.isBlank() ? "" : ": " + note));
    }

    private void keepNote(DelegateTask task, String variable, String what) {
        String note = ProcessVariables.string(task, variable);
        if (note != null && !note.isBlank()) {
            petitions.note(ProcessVariables.petitionId(task, petitions), actor(task), what + ": " + note);
        }
    }

    private String requireBody(DelegateTask task, String variable) {
        String code = ProcessVariables.string(task, variable);
        if (code == null || organisations.body(code).isEmpty()) {
            throw invalid("Байгууллага сонгоно уу.");
        }
        return code;
    }

    private static String requireOneOf(DelegateTask task, String variable, String... allowed) {
        String v = ProcessVariables.string(task, variable);
        if (v == null || !Set.of(allowed).contains(v)) {
            throw invalid("Сонголт хийнэ үү (" + variable + ").");
        }
        return v;
    }

    private static void requireText(DelegateTask task, String variable, int maxLength, String label) {
        String v = ProcessVariables.string(task, variable);
        if (v == null || v.isBlank()) {
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
