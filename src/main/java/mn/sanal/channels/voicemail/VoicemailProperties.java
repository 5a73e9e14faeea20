package mn.sanal.channels.voicemail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Asterisk's voicemail spool ({@code spoolDir} = e.g. /var/spool/asterisk/voicemail, holding
 * {@code <context>/<mailbox>/INBOX/msgNNNN.txt + .wav}); a recording is taken when both files are at least
 * {@code minAge} old. Voicemail-to-email mails are recognised by {@code gatewayFromPattern} on the sender.
 */
@ConfigurationProperties("sanal.voicemail")
public record VoicemailProperties(Boolean enabled, Path spoolDir, Duration minAge, Duration pollInterval,
                                  String gatewayFromPattern) {

    public VoicemailProperties {
        enabled = enabled == null || enabled;
        spoolDir = spoolDir == null ? Path.of("data", "voicemail") : spoolDir;
        minAge = minAge == null ? Duration.ofSeconds(5) : minAge;
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        gatewayFromPattern = gatewayFromPattern == null || gatewayFromPattern.isBlank()
                ? "(?i)(asterisk|voicemail|pbx)@.*" : gatewayFromPattern;
        Pattern.compile(gatewayFromPattern);
    }
}
