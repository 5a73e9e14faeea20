package mn.sanal.channels.fax;

import org.springframework.stereotype.Component;

import mn.sanal.attachments.AttachmentService;
import mn.sanal.intake.InboundMessage;
import mn.sanal.intake.InboundMessage.Details;
import mn.sanal.intake.IntakeResult;
import mn.sanal.intake.IntakeService;
import mn.sanal.petitions.Channel;

/**
 * A fax becomes a petition without text (an official reads the scan and fills it in), the scan attached, the
 * sender's number as fax contact and, when it is a mobile number, as phone contact (answers then go by SMS).
 */
@Component
class FaxIntake {

    private final IntakeService intake;

    FaxIntake(IntakeService intake) {
        this.intake = intake;
    }

    IntakeResult submit(String dedupKey, String number, String note, AttachmentService.Batch scan) {
        String mobile = FaxNumbers.isMobile(number) ? number : null;
        return intake.receive(InboundMessage.of(Channel.FAX, dedupKey, number, note == null ? "" : note)
                .withIntent(InboundMessage.Intent.PETITION).withFiles(scan)
                .withDetails(new Details(null, null, null, mobile, null, number, null)));
    }

    IntakeResult submitWithoutNumber(String dedupKey, String gatewayAddress, String note,
                                     AttachmentService.Batch scan) {
        return intake.receive(InboundMessage.of(Channel.FAX, dedupKey, gatewayAddress, note)
                .withIntent(InboundMessage.Intent.PETITION).withFiles(scan)
                .withDetails(new Details(null, null, null, null, gatewayAddress, null, null)));
    }
}
