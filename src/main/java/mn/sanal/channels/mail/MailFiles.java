package mn.sanal.channels.mail;

import java.io.InputStream;
import java.util.List;

import mn.sanal.attachments.AttachmentService;

/** The files of a mail into an attachment batch. */
public final class MailFiles {

    private MailFiles() {
    }

    public static AttachmentService.Batch batch(AttachmentService attachments, List<ParsedMail.File> files) {
        AttachmentService.Batch batch = attachments.newBatch();
        for (ParsedMail.File f : files) {
            try (InputStream in = f.content().open()) {
                batch.add(f.declaredName(), in);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new MailParser.UnparseableMailException(e);
            }
        }
        return batch;
    }
}
