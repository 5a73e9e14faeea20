package mn.sanal.channels.voicemail;

import org.springframework.stereotype.Component;

import mn.sanal.attachments.AttachmentService;
import mn.sanal.attachments.EvidenceIntake;
import mn.sanal.intake.IntakeResult;
import mn.sanal.intake.IntakeService;
import mn.sanal.petitions.Channel;
import mn.sanal.petitions.NewPetition;
import mn.sanal.petitions.PetitionType;
import mn.sanal.platform.Clocks;

/**
 * A voicemail becomes a petition without text (an official listens and fills it in), the recording attached, the
 * caller's number as phone contact: the answer goes back by SMS.
 */
@Component
class VoicemailIntake {

    private final IntakeService intake;
    private final EvidenceIntake evidence;

    VoicemailIntake(IntakeService intake, EvidenceIntake evidence) {
        this.intake = intake;
        this.evidence = evidence;
    }

    IntakeResult submit(String dedupKey, String number, String callerName, String note,
                        AttachmentService.Batch recording) {
        NewPetition p = new NewPetition(Channel.VOICEMAIL, dedupKey, PetitionType.REQUEST, note, number, null, null,
                callerName, null, NewPetition.Location.UNKNOWN, Clocks.now());
        return evidence.submit(recording, dedupKey, () -> intake.submit(p));
    }
}
