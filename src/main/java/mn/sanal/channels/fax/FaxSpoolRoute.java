package mn.sanal.channels.fax;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import mn.sanal.attachments.AttachmentService;
import mn.sanal.intake.IntakeResult;

/**
 * fax-spool: PDF and TIFF files dropped in {@code sanal.fax.spool-dir} (by a fax server or modem software). A file
 * is taken once it stopped changing; the sender's number comes from a sidecar {@code <name>.txt} or from the file
 * name. The file (and its sidecar) moves to {@code .done/} only after the petition committed ({@code .failed/} when
 * it cannot be taken); a crash in between re-reads it and the intake's ledger (key: file name + SHA-256) answers
 * "duplicate".
 */
@Component
@ConditionalOnProperty(name = "sanal.fax.enabled", havingValue = "true", matchIfMissing = true)
class FaxSpoolRoute extends RouteBuilder {

    private static final Logger log = LoggerFactory.getLogger(FaxSpoolRoute.class);

    private final FaxProperties properties;
    private final FaxIntake fax;
    private final AttachmentService attachments;

    FaxSpoolRoute(FaxProperties properties, FaxIntake fax, AttachmentService attachments) {
        this.properties = properties;
        this.fax = fax;
        this.attachments = attachments;
    }

    @Override
    public void configure() throws Exception {
        Files.createDirectories(properties.spoolDir());
        fromF("file:%s?include=(?i).*\\.(pdf|tif|tiff)&readLock=changed&readLockCheckInterval=500"
                        + "&readLockMinAge=1000&readLockTimeout=10000&move=.done/${file:name}"
                        + "&moveFailed=.failed/${file:name}&delay=2000&initialDelay=1000",
                properties.spoolDir().toAbsolutePath())
                .routeId("fax-spool")
                .process(this::take);
    }

    private void take(Exchange exchange) throws Exception {
        Path file = Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class));
        String name = file.getFileName().toString();
        Path sidecar = sidecar(file);
        Optional<String> number = Optional.empty();
        if (Files.isRegularFile(sidecar)) {
            number = FaxNumbers.firstIn(Files.readString(sidecar));
        }
        if (number.isEmpty()) {
            number = FaxNumbers.firstIn(name.replaceAll("(?i)\\.(pdf|tiff?)$", ""));
        }
        AttachmentService.Batch scan = attachments.newBatch();
        try (InputStream in = Files.newInputStream(file)) {
            scan.add(name, in);
        }
        if (number.isEmpty()) {
            // the file name often is the sender's number: it stays out of the message (and so out of the log)
            throw new IllegalStateException("Fax without a sender number (no sidecar, none in the file name)");
        }
        String key = "spool:" + name + ":" + (scan.accepted().isEmpty() ? "refused" : scan.accepted().get(0).sha256());
        IntakeResult result = fax.submit(key, number.get(), "", scan);
        log.info("Fax from the spool: {}", result instanceof IntakeResult.PetitionAccepted a
                ? "petition " + a.petition().trackingCode() + (a.duplicate() ? " (taken before)" : "")
                : result instanceof IntakeResult.Rejected r ? "not taken, " + r.reason() : "recorded");
        if (result instanceof IntakeResult.Rejected r) {
            throw new IllegalStateException("Fax not taken: " + r.reason());
        }
        if (Files.isRegularFile(sidecar)) {
            Path done = file.getParent().resolve(".done");
            Files.createDirectories(done);
            Files.move(sidecar, done.resolve(sidecar.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static Path sidecar(Path file) {
        String base = file.getFileName().toString().replaceAll("(?i)\\.(pdf|tiff?)$", "");
        return file.resolveSibling(base + ".txt");
    }
}
