package mn.sanal.channels.fax;

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
 * A fax becomes a petition without text (an official reads the scan and fills it in), the scan attached, the
 * sender's number as fax contact and, when it is a mobile number, as phone contact (answers then go by SMS).
 */
@Component
class FaxIntake {

    private final IntakeService intake;
    private final EvidenceIntake evidence;

    FaxIntake(IntakeService intake, EvidenceIntake evidence) {
        this.intake = intake;
        this.evidence = evidence;
    }

    IntakeResult submit(String dedupKey, String number, String note, AttachmentService.Batch scan) {
        String mobile = FaxNumbers.isMobile(number) ? number : null;
        NewPetition p = new NewPetition(Channel.FAX, dedupKey, PetitionType.REQUEST, note == null ? "" : note, mobile,
                null, number, null, null, NewPetition.Location.UNKNOWN, Clocks.now());
        return evidence.submit(scan, dedupKey, () -> intake.submit(p));
    }

    IntakeResult submitWithoutNumber(String dedupKey, String gatewayAddress, String note,
                                     AttachmentService.Batch scan) {
        NewPetition p = new NewPetition(Channel.FAX, dedupKey, PetitionType.REQUEST, note, null, gatewayAddress, null,
                null, null, NewPetition.Location.UNKNOWN, Clocks.now());
        return evidence.submit(scan, dedupKey, () -> intake.submit(p));
    }
}
