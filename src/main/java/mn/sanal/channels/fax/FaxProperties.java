package mn.sanal.channels.fax;

import java.nio.file.Path;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Faxes: mails from the fax-to-email gateway ({@code gatewayFromPattern} on the sender address; the sender's number
 * from {@code numberHeader}, else {@code subjectPattern} group 1, else the first long number in the subject) and
 * files dropped in {@code spoolDir} (number in a sidecar {@code <name>.txt} or the file name). Answers go by fax as
 * mail to {@code addressPattern} ({number} replaced) unless the citizen has a mobile number.
 */
@ConfigurationProperties("sanal.fax")
public record FaxProperties(Boolean enabled, Path spoolDir, String gatewayFromPattern, String numberHeader,
                            String subjectPattern, String addressPattern) {

    public FaxProperties {
        enabled = enabled == null || enabled;
        spoolDir = spoolDir == null ? Path.of("data", "fax-spool") : spoolDir;
        gatewayFromPattern = blank(gatewayFromPattern) ? "(?i).*@fax\\.example" : gatewayFromPattern;
        numberHeader = blank(numberHeader) ? "X-Fax-Sender" : numberHeader;
        subjectPattern = blank(subjectPattern) ? "(?i)(?:fax|факс)\\D{0,20}(\\+?\\d[\\d -]{5,}\\d)" : subjectPattern;
        addressPattern = blank(addressPattern) ? "{number}@fax.example" : addressPattern;
        Pattern.compile(gatewayFromPattern);
        Pattern.compile(subjectPattern);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
