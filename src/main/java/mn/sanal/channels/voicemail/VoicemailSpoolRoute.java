package mn.sanal.channels.voicemail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import mn.sanal.attachments.AttachmentService;
import mn.sanal.intake.IntakeResult;

/**
 * voicemail-spool: reads Asterisk's spool in place. Asterisk writes msgNNNN.wav and then msgNNNN.txt; a message is
 * taken only when both exist, the .txt parses (origtime, duration) and neither changed for {@code min-age}. The
 * spool belongs to Asterisk: nothing is moved or deleted (noop). Camel's idempotent key (path + modification time)
 * spares re-reading within a run; across restarts and reused message numbers the intake ledger's key (path +
 * origtime) makes a message one petition, once.
 */
@Component
@ConditionalOnProperty(name = "sanal.voicemail.enabled", havingValue = "true", matchIfMissing = true)
class VoicemailSpoolRoute extends RouteBuilder {

    private static final Logger log = LoggerFactory.getLogger(VoicemailSpoolRoute.class);

    private final VoicemailProperties properties;
    private final VoicemailIntake voicemail;
    private final AttachmentService attachments;

    VoicemailSpoolRoute(VoicemailProperties properties, VoicemailIntake voicemail, AttachmentService attachments) {
        this.properties = properties;
        this.voicemail = voicemail;
        this.attachments = attachments;
    }

    @Override
    public void configure() throws Exception {
        Files.createDirectories(properties.spoolDir());
        getContext().getRegistry().bind("voicemailComplete", (GenericFileFilter<Object>) this::complete);
        fromF("file:%s?recursive=true&noop=true&include=msg\\d{4}\\.txt&filter=#voicemailComplete"
                        + "&idempotentKey=${file:absolute.path}-${file:modified}&readLock=none&delay=%d"
                        + "&initialDelay=1000&sortBy=file:modified",
                properties.spoolDir().toAbsolutePath(), properties.pollInterval().toMillis())
                .routeId("voicemail-spool")
                .process(this::take);
    }

    /** Only INBOX messages whose .txt and .wav both exist, parse and are older than min-age. */
    boolean complete(GenericFile<Object> file) {
        if (file.isDirectory()) {
            return true;
        }
        Path txt = Path.of(file.getAbsoluteFilePath());
        Path wav = wav(txt);
        try {
            Instant limit = Instant.now().minus(properties.minAge());
            return txt.getParent() != null && "INBOX".equals(txt.getParent().getFileName().toString())
                    && Files.isRegularFile(wav) && Files.size(wav) > 0
                    && older(txt, limit) && older(wav, limit)
                    && AsteriskMessage.parse(Files.readString(txt, StandardCharsets.ISO_8859_1)).isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    private void take(Exchange exchange) throws Exception {
        Path txt = Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class)).toAbsolutePath();
        Optional<AsteriskMessage> parsed = AsteriskMessage.parse(Files.readString(txt, StandardCharsets.ISO_8859_1));
        if (parsed.isEmpty()) {
            throw new IllegalStateException("Not a complete voicemail: " + txt);
        }
        AsteriskMessage m = parsed.get();
        String relative = properties.spoolDir().toAbsolutePath().normalize().relativize(txt.normalize()).toString()
                .replace('\\', '/');
        String key = "spool:" + relative.replaceAll("\\.txt$", "") + ":" + m.origTime();
        Optional<String> number = m.callerNumber();
        if (number.isEmpty()) {
            log.warn("Voicemail {} has no caller number: nobody to answer, not taken as a petition", relative);
            return;
        }
        AttachmentService.Batch recording = attachments.newBatch();
        try (InputStream in = Files.newInputStream(wav(txt))) {
            recording.add(wav(txt).getFileName().toString(), in);
        }
        IntakeResult result = voicemail.submit(key, number.get(), m.callerName().orElse(null), "", recording);
        log.info("Voicemail {} ({} s): {}", relative, m.durationSeconds(), result
                instanceof IntakeResult.PetitionAccepted a
                ? "petition " + a.petition().trackingCode() + (a.duplicate() ? " (taken before)" : "")
                : result instanceof IntakeResult.Rejected r ? "not taken, " + r.reason() : "recorded");
    }

    private static boolean older(Path p, Instant limit) throws IOException {
        FileTime t = Files.getLastModifiedTime(p);
        return t.toInstant().isBefore(limit);
    }

    static Path wav(Path txt) {
        return txt.resolveSibling(txt.getFileName().toString().replaceAll("\\.txt$", ".wav"));
    }
}
