package mn.sanal.attachments;

import java.util.function.Supplier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import mn.sanal.intake.IntakeResult;
import mn.sanal.intake.IntakeResult.PetitionAccepted;
import mn.sanal.intake.IntakeResult.Recorded;
import mn.sanal.intake.IntakeResult.Rejected;
import mn.sanal.petitions.CitizenNotifier;
import mn.sanal.petitions.Petition;

/**
 * Runs an intake call (a new petition, a citizen's reply) and links the message's accepted files to the petition in
 * the same transaction: the dedup key, the petition, its process start and its attachments commit together or not
 * at all. A duplicate attaches nothing again. Refused files are told to the citizen through the outbox, in the same
 * transaction.
 */
@Service
public class EvidenceIntake {

    private final TransactionTemplate tx;
    private final AttachmentService attachments;
    private final CitizenNotifier notifier;

    EvidenceIntake(TransactionTemplate tx, AttachmentService attachments, CitizenNotifier notifier) {
        this.tx = tx;
        this.attachments = attachments;
        this.notifier = notifier;
    }

    /**
     * @param occasion distinguishes the refusal notice of this message from other messages on the same petition
     */
    public IntakeResult submit(AttachmentService.Batch batch, String occasion, Supplier<IntakeResult> intake) {
        return tx.execute(status -> {
            IntakeResult result = intake.get();
            Petition p = null;
            if (result instanceof PetitionAccepted a && !a.duplicate()) {
                p = a.petition();
            } else if (result instanceof Recorded r && !r.duplicate()) {
                p = r.petition();
            }
            if (result instanceof Rejected) {
                // the intake marked the shared transaction rollback-only; say so here too, to roll back quietly
                status.setRollbackOnly();
                return result;
            }
            if (p != null) {
                Petition petition = p;
                attachments.attach(p.id(), batch.accepted());
                AttachmentService.refusalNotice(p.trackingCode(), batch.refused()).ifPresent(text ->
                        notifier.tell(petition, "ATTACHMENTS_REFUSED", occasion, text));
            }
            return result;
        });
    }
}
