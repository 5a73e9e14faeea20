package mn.sanal.channels.voicemail;

import org.springframework.stereotype.Component;

import mn.sanal.attachments.AttachmentService;
import mn.sanal.intake.InboundMessage;
import mn.sanal.intake.InboundMessage.Details;
import mn.sanal.intake.IntakeResult;
import mn.sanal.intake.IntakeService;
import mn.sanal.petitions.Channel;

/**
 * A voicemail becomes a petition without text (an official listens and fills it in), the recording attached, the
 * caller's number as phone contact: the answer goes back by SMS.
 */
@Component
class VoicemailIntake {

    private final IntakeService intake;

    VoicemailIntake(IntakeService intake) {
        this.intake = intake;
    }

    IntakeResult submit(String dedupKey, String number, String callerName, String note,
                        AttachmentService.Batch recording) {
        return intake.receive(InboundMessage.of(Channel.VOICEMAIL, dedupKey, number, note)
                .withIntent(InboundMessage.Intent.PETITION).withFiles(recording)
                .withDetails(new Details(null, null, null, number, null, null, callerName)));
    }
}
