package mn.sanal.intake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import mn.sanal.attachments.AttachmentService;
import mn.sanal.intake.IntakeResult.Kind;
import mn.sanal.intake.IntakeResult.Reason;
import mn.sanal.intake.IntakeResult.Recorded;
import mn.sanal.intake.IntakeResult.Rejected;
import mn.sanal.intake.InboundMessage.Intent;
import mn.sanal.petitions.CaseHistory;
import mn.sanal.petitions.CitizenNotifier;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionService;

/**
 * A message from a case's own contact that names the case (its code in the SMS text or mail subject, our Message-ID
 * in In-Reply-To / References, the web's request path) and is not a rating or the information it waits for. While
 * the case is open the message joins it: its history keeps the words and the files, the official who holds it sees
 * them (the task form's history and attachments, a comment on the open task in Tasklist), and the citizen is told.
 * A closed case is not reopened: the message opens a new petition that links to it.
 */
@Component
@Order(500)
class FollowUp implements InboundKind {

    private final PetitionService petitions;
    private final ProcessGateway processes;
    private final CitizenNotifier notifier;
    private final AttachmentService attachments;
    private final NewPetitions newPetitions;

    FollowUp(PetitionService petitions, ProcessGateway processes, CitizenNotifier notifier,
             AttachmentService attachments, NewPetitions newPetitions) {
        this.petitions = petitions;
        this.processes = processes;
        this.notifier = notifier;
        this.attachments = attachments;
        this.newPetitions = newPetitions;
    }

    @Override
    public Optional<IntakeResult> decide(Inbound in) {
        if (in.intent() != Intent.ANY) {
            return Optional.empty();
        }
        return in.ownCase().map(p -> p.status().isOpen() ? join(in, p) : newPetitions.start(in, p));
    }

    private IntakeResult join(Inbound in, Petition p) {
        String words = in.words();
        if (words.length() > IntakeService.MAX_TEXT_LENGTH) {
            return new Rejected(Reason.INVALID, IntakeReplies.tooLong());
        }
        int files = in.message().files().size();
        petitions.followUp(p.id(), in.message().channel(), words, files);
        in.linkFilesTo(p);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put(CaseHistory.FORM_FIELD, CaseHistory.formValue(CaseHistory.text(petitions.history(p.id()))));
        form.put(CaseHistory.ATTACHMENTS_FORM_FIELD, CaseHistory.formValue(attachments.linksText(p.id())));
        processes.showOnOpenTasks(p, CaseHistory.followUpComment(in.message().channel(), words, files), form);
        notifier.tell(p, "FOLLOW_UP", in.occasion(), IntakeReplies.followUpAdded(p));
        return new Recorded(Kind.FOLLOW_UP, petitions.get(p.id()), false);
    }
}
