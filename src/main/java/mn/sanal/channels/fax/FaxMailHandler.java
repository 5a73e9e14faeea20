package mn.sanal.channels.fax;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import mn.sanal.attachments.AttachmentService;
import mn.sanal.channels.mail.InboundMailHandler;
import mn.sanal.channels.mail.MailFiles;
import mn.sanal.channels.mail.ParsedMail;
import mn.sanal.intake.IntakeResult;

/** Mails from the fax-to-email gateway: the PDF/TIFF scan attached, the sender's number from header or subject. */
@Component
@Order(10)
class FaxMailHandler implements InboundMailHandler {

    private final FaxProperties properties;
    private final FaxIntake fax;
    private final AttachmentService attachments;
    private final Pattern gateway;
    private final Pattern subject;

    FaxMailHandler(FaxProperties properties, FaxIntake fax, AttachmentService attachments) {
        this.properties = properties;
        this.fax = fax;
        this.attachments = attachments;
        this.gateway = Pattern.compile(properties.gatewayFromPattern());
        this.subject = Pattern.compile(properties.subjectPattern());
    }

    @Override
    public boolean accepts(ParsedMail mail) {
        return mail.from() != null && gateway.matcher(mail.from()).matches();
    }

    @Override
    public IntakeResult handle(ParsedMail mail) {
        String number = senderNumber(mail).orElse(null);
        AttachmentService.Batch scan = MailFiles.batch(attachments, mail.files());
        String note = number == null ? "(Факсын илгээгчийн дугаар тодорхойгүй)" : "";
        if (number == null) {
            // no number: nobody to answer; the intake refuses a petition without contact, so keep the gateway's
            // address as the contact of last resort for the official to see
            return fax.submitWithoutNumber(mail.dedupKey(), mail.from(), note, scan);
        }
        return fax.submit(mail.dedupKey(), number, note, scan);
    }

    Optional<String> senderNumber(ParsedMail mail) {
        Optional<String> fromHeader = FaxNumbers.normalize(mail.header(properties.numberHeader()));
        if (fromHeader.isPresent()) {
            return fromHeader;
        }
        Matcher m = subject.matcher(mail.subject());
        if (m.find()) {
            return FaxNumbers.normalize(m.groupCount() >= 1 ? m.group(1) : m.group());
        }
        return FaxNumbers.firstIn(mail.subject());
    }
}
