package mn.sanal.channels.voicemail;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import mn.sanal.attachments.AttachmentService;
import mn.sanal.channels.fax.FaxNumbers;
import mn.sanal.channels.mail.InboundMailHandler;
import mn.sanal.channels.mail.MailFiles;
import mn.sanal.channels.mail.ParsedMail;
import mn.sanal.intake.IntakeResult;
import mn.sanal.intake.IntakeResult.Reason;

/**
 * Voicemail-to-email from the PBX: the recording attached, the caller from Asterisk's {@code X-Asterisk-CallerID}
 * (and {@code X-Asterisk-CallerIDName}) headers, else from the text ("from "Name" &lt;99112233&gt;", Asterisk's default
 * template) or the subject.
 */
@Component
@Order(20)
class VoicemailMailHandler implements InboundMailHandler {

    private static final Pattern CALLER = Pattern.compile("(?i)(?:from|caller|дуудлага)[^<\\d]{0,60}<?\\s*(\\+?\\d[\\d -]{5,}\\d)");

    private final Pattern gateway;
    private final VoicemailIntake voicemail;
    private final AttachmentService attachments;

    VoicemailMailHandler(VoicemailProperties properties, VoicemailIntake voicemail, AttachmentService attachments) {
        this.gateway = Pattern.compile(properties.gatewayFromPattern());
        this.voicemail = voicemail;
        this.attachments = attachments;
    }

    @Override
    public boolean accepts(ParsedMail mail) {
        return mail.from() != null && gateway.matcher(mail.from()).matches();
    }

    @Override
    public IntakeResult handle(ParsedMail mail) {
        Optional<String> number = Optional.ofNullable(mail.headers().get("x-asterisk-callerid"))
                .flatMap(FaxNumbers::normalize)
                .or(() -> caller(mail.text())).or(() -> caller(mail.subject()));
        if (number.isEmpty()) {
            return new IntakeResult.Rejected(Reason.INVALID, "Дуут шуудангийн дугаар тодорхойгүй");
        }
        String callerName = mail.headers().get("x-asterisk-calleridname");
        AttachmentService.Batch recording = MailFiles.batch(attachments, mail.files());
        return voicemail.submit(mail.dedupKey(), number.get(),
                callerName == null || callerName.isBlank() ? null : callerName.strip(), "", recording);
    }

    static Optional<String> caller(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = CALLER.matcher(text);
        return m.find() ? FaxNumbers.normalize(m.group(1)) : Optional.empty();
    }
}
