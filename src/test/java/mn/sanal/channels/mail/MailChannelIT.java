package mn.sanal.channels.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import mn.sanal.attachments.AttachmentService;
import mn.sanal.intake.IntakeResult;
import mn.sanal.intake.OptOuts;
import mn.sanal.intake.IntakeService;
import mn.sanal.outbox.OutboxMessage;
import mn.sanal.outbox.OutboxService;
import mn.sanal.petitions.CaseHistory;
import mn.sanal.petitions.Channel;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionHandlingProcess.Elements;
import mn.sanal.petitions.PetitionHandlingProcess.Values;
import mn.sanal.petitions.PetitionHandlingProcess.Vars;
import mn.sanal.petitions.PetitionService;
import mn.sanal.petitions.PetitionEvent;
import mn.sanal.petitions.PetitionStatus;
import mn.sanal.support.IntegrationTest;
import mn.sanal.support.TestMailServer;

/**
 * The mail channel on the real app and PostgreSQL against a real IMAP and SMTP server (GreenMail) in the test JVM:
 * mails become petitions once, with their photos; what is refused is told; a broken mail goes to quarantine without
 * blocking the others; answers go out threaded, and the citizen's reply rates the answer.
 */
class MailChannelIT extends IntegrationTest {

    static final TestMailServer mail = TestMailServer.start();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry r) {
        mail.register(r);
        // small enough to send an oversize file cheaply
        r.add("sanal.attachments.max-file-size", () -> "64KB");
    }

    @AfterAll
    static void stopMail() {
        mail.close();
    }

    @Autowired JdbcClient jdbc;
    @Autowired PetitionService petitions;
    @Autowired AttachmentService attachments;
    @Autowired OutboxService outbox;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired OptOuts optOuts;
    @Autowired CitizenMail citizenMail;
    @Autowired DataSource dataSource;

    @Test
    void cyrillicMailWithPhotoIsOnePetitionEvenAfterACrash_theAnswerIsThreaded_andTheReplyRatesIt() throws Exception {
        // the mailbox is shared by the test methods (run in any order): count what this test adds
        int processed = mail.count("Processed");
        MimeMessage m = citizenMail("bat@example.mn", "Гомдол: гудамжны гэрэл асахгүй байна",
                "Сүмбэр сумын 3-р багт гэрэл асахгүй 2 долоо хоног болж байна.", "citizen-1@example.mn");
        MimeMultipart mp = (MimeMultipart) m.getContent();
        mp.addBodyPart(file("../../etc/зураг.jpg", jpeg(), "image/jpeg"));
        m.setContent(mp);
        saveWithId(m, "citizen-1@example.mn");
        mail.deliver(m);

        Petition p = eventually().until(() -> byMessageId("citizen-1@example.mn"), list -> list.size() == 1).get(0);
        assertThat(p.channel()).isEqualTo(Channel.EMAIL);
        assertThat(p.contactEmail()).isEqualTo("bat@example.mn");
        assertThat(p.text()).startsWith("Гомдол: гудамжны гэрэл асахгүй байна").contains("3-р багт");
        assertThat(p.type().name()).isEqualTo("COMPLAINT");
        assertThat(attachments.forPetition(p.id())).singleElement().satisfies(a -> {
            assertThat(a.mediaType()).isEqualTo("image/jpeg");
            assertThat(a.fileName()).isEqualTo("зураг.jpg");
        });
        eventually().until(() -> mail.count("Processed") == processed + 1);

        // the acknowledgement reaches the citizen's mailbox: code in the subject, threaded to their mail
        MimeMessage ack = eventually().until(() -> mail.sentTo("bat@example.mn"), a -> a.length == 1)[0];
        assertThat(ack.getSubject()).contains(p.trackingCode());
        assertThat(ack.getHeader("In-Reply-To", null)).isEqualTo("<citizen-1@example.mn>");
        assertThat(body(ack)).contains(p.trackingCode());

        // a crash between commit and flag: the same mail is in the inbox again, unseen
        MimeMessage again = new MimeMessage(m);
        saveWithId(again, "citizen-1@example.mn");
        mail.deliver(again);
        eventually().until(() -> mail.count("Processed") == processed + 2);
        assertThat(byMessageId("citizen-1@example.mn")).hasSize(1);

        // an official routes and answers it; the answer goes out by SMTP, code in the subject, threaded
        answer(p, "Таны гомдлын хариу: гэрлийг 3 хоногт засна.");
        MimeMessage answer = eventually().until(() -> mail.sentTo("bat@example.mn"), a -> a.length == 2)[1];
        assertThat(answer.getSubject()).contains(p.trackingCode());
        assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo("<citizen-1@example.mn>");
        assertThat(body(answer)).contains("гэрлийг 3 хоногт засна");

        // the citizen answers that mail with a rating: the petition is rated, no new petition opens
        MimeMessage reply = citizenMail("bat@example.mn", "Re: " + answer.getSubject(),
                "5\n\n> Таны гомдлын хариу: гэрлийг 3 хоногт засна.", "citizen-2@example.mn");
        reply.setHeader("In-Reply-To", answer.getMessageID());
        saveWithId(reply, "citizen-2@example.mn");
        mail.deliver(reply);
        eventually().until(() -> petitions.get(p.id()).rating() != null);
        assertThat(petitions.get(p.id()).rating()).isEqualTo(5);
        assertThat(byMessageId("citizen-2@example.mn")).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM petition WHERE contact_email = 'bat@example.mn'")
                .query(Long.class).single()).isEqualTo(1);
        eventually().until(() -> mail.count("Processed") == processed + 3);
    }

    @Test
    void htmlOnlyMailIsCleanText_andABrokenMailGoesToQuarantineWithoutBlockingTheNext() throws Exception {
        int quarantined = mail.count("Quarantine");
        String broken = "From: x@example.mn\r\nTo: sanal@localhost\r\nMessage-ID: <broken-1@example.mn>\r\n"
                + "Subject: =?UTF-8?B?0KHQsNC90LDQuw==?=\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b1\r\n\r\n--b1\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: x-bogus\r\n\r\n%%%\r\n--b1--\r\n";
        mail.deliver(new MimeMessage(TestMailServer.SESSION,
                new ByteArrayInputStream(broken.getBytes(StandardCharsets.US_ASCII))));
        MimeMessage html = new MimeMessage(TestMailServer.SESSION);
        html.setFrom(new InternetAddress("dorj@example.mn"));
        html.setRecipients(Message.RecipientType.TO, TestMailServer.MAILBOX);
        html.setSubject("Санал", "UTF-8");
        html.setContent("<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>"
                + "<p>Цэцэрлэгт <b>тоглоомын</b> талбай&nbsp;хэрэгтэй.</p><div>Баярлалаа</div></body></html>",
                "text/html; charset=windows-1251");
        saveWithId(html, "html-1@example.mn");
        mail.deliver(html);

        Petition p = eventually().until(() -> byMessageId("html-1@example.mn"), list -> list.size() == 1).get(0);
        assertThat(p.text()).isEqualTo("Санал\n\nЦэцэрлэгт тоглоомын талбай хэрэгтэй.\nБаярлалаа");
        eventually().until(() -> mail.count("Quarantine") == quarantined + 1);
        assertThat(byMessageId("broken-1@example.mn")).isEmpty();
    }

    @Test
    void oversizeAndForbiddenFilesAreKeptOut_thePetitionIsCreated_andTheCitizenIsTold() throws Exception {
        MimeMessage m = citizenMail("oyun@example.mn", "Хүсэлт: хог ачихгүй байна", "Зураг хавсаргав.",
                "limits-1@example.mn");
        MimeMultipart mp = (MimeMultipart) m.getContent();
        mp.addBodyPart(file("photo.jpg", jpeg(), "image/jpeg"));
        byte[] big = new byte[100 * 1024];
        System.arraycopy(jpeg(), 0, big, 0, 64);
        mp.addBodyPart(file("video.jpg", big, "image/jpeg"));
        mp.addBodyPart(file("zurag.jpg", elf(), "image/jpeg")); // a program dressed as a photo
        m.setContent(mp);
        saveWithId(m, "limits-1@example.mn");
        mail.deliver(m);

        Petition p = eventually().until(() -> byMessageId("limits-1@example.mn"), list -> list.size() == 1).get(0);
        assertThat(attachments.forPetition(p.id())).singleElement()
                .satisfies(a -> assertThat(a.fileName()).isEqualTo("photo.jpg"));
        OutboxMessage told = eventually().until(() -> outbox.forPetition(p.id()).stream()
                .filter(o -> o.kind().equals("ATTACHMENTS_REFUSED")).toList(), l -> l.size() == 1).get(0);
        assertThat(told.channel()).isEqualTo("EMAIL");
        assertThat(told.recipient()).isEqualTo("oyun@example.mn");
        assertThat(told.body()).contains(p.trackingCode(), "video.jpg", "zurag.jpg").doesNotContain("photo.jpg");
        // and it reaches the citizen's mailbox
        eventually().until(() -> Arrays.stream(mail.sentTo("oyun@example.mn"))
                .anyMatch(x -> body(x).contains("video.jpg")));
    }

    @Test
    void hostileFileNamesNeverBecomePaths() throws Exception {
        Path store = Path.of("target/it-attachments").toAbsolutePath().normalize();
        MimeMessage m = citizenMail("tuya@example.mn", "Санал: зам", "Хавсралттай.", "names-1@example.mn");
        MimeMultipart mp = (MimeMultipart) m.getContent();
        byte[] a = jpegVariant(1);
        byte[] b = jpegVariant(2);
        byte[] c = jpegVariant(3);
        mp.addBodyPart(file("../../../../tmp/sanal-escape.jpg", a, "image/jpeg"));
        mp.addBodyPart(file("/etc/cron.d/evil.jpg", b, "image/jpeg"));
        mp.addBodyPart(file("..\\..\\windows\\system32\\a|b;c.jpg", c, "image/jpeg"));
        m.setContent(mp);
        saveWithId(m, "names-1@example.mn");
        mail.deliver(m);

        Petition p = eventually().until(() -> byMessageId("names-1@example.mn"), list -> list.size() == 1).get(0);
        List<mn.sanal.attachments.Attachment> files = attachments.forPetition(p.id());
        assertThat(files).hasSize(3);
        assertThat(files).allSatisfy(f -> {
            assertThat(f.fileName()).doesNotContain("/", "\\", "..");
            // the bytes live in the database under their hash, whatever the file was called
            assertThat(f.storageRef()).endsWith("/" + f.sha256());
            try (java.io.InputStream in = attachments.content(f)) {
                assertThat(in.readAllBytes()).hasSize((int) f.sizeBytes());
            }
        });
        assertThat(files).extracting(mn.sanal.attachments.Attachment::fileName)
                .containsExactly("sanal-escape.jpg", "evil.jpg", "a_b_c.jpg");
        assertThat(Path.of("/tmp/sanal-escape.jpg")).doesNotExist();
        assertThat(Path.of("/etc/cron.d/evil.jpg")).doesNotExist();
        Files.createDirectories(store);
        try (Stream<Path> all = Files.walk(store)) {
            assertThat(all.filter(Files::isRegularFile).map(x -> x.getFileName().toString()))
                    .noneMatch(n -> n.contains("escape") || n.contains("evil") || n.contains("a_b_c"));
        }
    }

    @Test
    void anOfficialOfTheHoldingBodyOpensTheAttachment_anotherBodyAndStrangersDoNot() throws Exception {
        MimeMessage m = citizenMail("gerel@example.mn", "Гомдол: эмнэлэг", "Зураг хавсаргав.", "auth-1@example.mn");
        MimeMultipart mp = (MimeMultipart) m.getContent();
        byte[] photo = jpegVariant(9);
        mp.addBodyPart(file("эмнэлэг.jpg", photo, "image/jpeg"));
        m.setContent(mp);
        saveWithId(m, "auth-1@example.mn");
        mail.deliver(m);
        Petition p = eventually().until(() -> byMessageId("auth-1@example.mn"), list -> list.size() == 1).get(0);
        long id = attachments.forPetition(p.id()).get(0).id();
        route(p);

        mn.sanal.support.Http.Response own = as("sumber.health").get("/attachments/{id}", id);
        assertThat(own.status()).as("%s", own).isEqualTo(200);
        assertThat(own.headers().getContentType().toString()).isEqualTo("image/jpeg");
        assertThat(own.headers().getContentLength()).isEqualTo(photo.length);
        assertThat(as("sumber.land").get("/attachments/{id}", id).status()).isIn(403, 404);
        assertThat(http().get("/attachments/{id}", id).status()).isEqualTo(401);
        assertThat(http().as("sumber.health", "wrong").get("/attachments/{id}", id).status()).isEqualTo(401);
    }

    /**
     * The issue's own case: the citizen answers our acknowledgement with more detail and a photo. It joins the open
     * case (by the thread: our Message-ID in In-Reply-To, subject without the code; and by the code in a new mail's
     * subject) instead of becoming a second petition: kept in the case's history with its file, shown on the
     * official's open task, the citizen told. The keyword grammar works in a mail's subject too: status (only to
     * the case's own address), help, opt-out.
     */
    @Test
    void aReplyWithMoreDetailJoinsTheOpenCase_andTheSubjectAsksForStatusHelpOrOptOut() throws Exception {
        String citizen = "dulam@example.mn";
        int processed = mail.count("Processed");
        mail.deliver(citizenMail(citizen, "Гомдол: хог ачихгүй", "Сүмбэрийн 2-р багт хог ачихгүй байна.",
                "follow-1@example.mn"));
        Petition p = eventually().until(() -> byMessageId("follow-1@example.mn"), l -> l.size() == 1).get(0);
        MimeMessage ack = awaitMail(citizen, "хүлээн авлаа");
        Task triage = eventually().until(() -> task(p, Elements.TRIAGE), t -> t != null);

        MimeMessage byThread = citizenMail(citizen, "Re: Гомдол", "Нэмэлт мэдээлэл: 2-р байрны ард.\n\n> "
                + body(ack).replace("\n", "\n> "), "follow-2@example.mn");
        MimeMultipart mp = (MimeMultipart) byThread.getContent();
        mp.addBodyPart(file("хог.jpg", jpegVariant(31), "image/jpeg"));
        byThread.setContent(mp);
        byThread.setHeader("In-Reply-To", ack.getMessageID());
        saveWithId(byThread, "follow-2@example.mn");
        mail.deliver(byThread);
        awaitMail(citizen, "мэдээллийг тань хэрэгт нэмж");
        // an out-of-office answer to our mail is not the citizen's word (and answering it could loop)
        MimeMessage away = citizenMail(citizen, "Re: Гомдол", "Би амралтаа авсан байна.", "away-1@example.mn");
        away.setHeader("In-Reply-To", ack.getMessageID());
        away.setHeader("Auto-Submitted", "auto-replied");
        saveWithId(away, "away-1@example.mn");
        mail.deliver(away);
        mail.deliver(citizenMail(citizen, p.trackingCode() + " дахин", "Өнөөдөр ч ачсангүй.", "follow-3@example.mn"));
        eventually().until(() -> petitions.history(p.id()).stream()
                .filter(e -> e.kind() == PetitionEvent.Kind.FOLLOW_UP).count() == 2);

        assertThat(jdbc.sql("SELECT count(*) FROM petition WHERE contact_email = ?").param(citizen)
                .query(Long.class).single()).isEqualTo(1);
        eventually().until(() -> mail.count("Processed") == processed + 4);
        assertThat(outbox.forPetition(p.id())).filteredOn(o -> o.kind().equals("FOLLOW_UP")).hasSize(2);
        assertThat(petitions.history(p.id())).filteredOn(e -> e.kind() == PetitionEvent.Kind.FOLLOW_UP)
                .extracting(PetitionEvent::note)
                .satisfiesExactly(n -> assertThat(n).contains("2-р байрны ард").contains("хавсралт: 1")
                                .doesNotContain("хүлээн авлаа"),
                        n -> assertThat(n).contains("Өнөөдөр ч ачсангүй"));
        assertThat(attachments.forPetition(p.id())).extracting(mn.sanal.attachments.Attachment::fileName)
                .containsExactly("хог.jpg");
        assertThat(tasks.getTaskComments(triage.getId())).extracting(c -> c.getFullMessage())
                .satisfiesExactlyInAnyOrder(c -> assertThat(c).contains("2-р байрны ард"),
                        c -> assertThat(c).contains("Өнөөдөр ч ачсангүй"));
        assertThat(forms.getTaskFormVariables(triage.getId()).get(CaseHistory.FORM_FIELD).toString())
                .contains("2-р байрны ард", "Өнөөдөр ч ачсангүй");
        assertThat(forms.getTaskFormVariables(triage.getId()).get(CaseHistory.ATTACHMENTS_FORM_FIELD).toString())
                .contains("хог.jpg");

        // ШАЛГАХ in the subject: the status, to the case's own address only
        mail.deliver(citizenMail(citizen, "ШАЛГАХ " + p.trackingCode(), "", "status-1@example.mn"));
        assertThat(body(awaitMail(citizen, "Хариуцагч тодорхойлж байна"))).contains(p.trackingCode());
        mail.deliver(citizenMail("stranger@example.mn", "ШАЛГАХ " + p.trackingCode(), "", "status-2@example.mn"));
        assertThat(body(awaitMail("stranger@example.mn", "олдсонгүй"))).doesNotContain("Хариуцагч");
        // help and opting out of broadcasts, by subject
        mail.deliver(citizenMail(citizen, "Тусламж", "", "help-1@example.mn"));
        awaitMail(citizen, "ШАЛГАХ код");
        mail.deliver(citizenMail(citizen, "ЗОГС", "", "stop-1@example.mn"));
        awaitMail(citizen, "Мэдээлэл зогсоолоо");
        assertThat(optOuts.isOptedOut(Channel.EMAIL, "Dulam@Example.mn")).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM petition WHERE contact_email IN (?, ?)")
                .params(citizen, "stranger@example.mn").query(Long.class).single()).isEqualTo(1);
    }

    /**
     * The information an official asks for comes back by replying to the question mail; after the answer is rated
     * and the case closed, a reply about it opens a new petition that links to the closed one.
     */
    @Test
    void theInformationAskedForComesBackByReply_andAReplyAboutTheClosedCaseOpensALinkedPetition() throws Exception {
        String citizen = "saraa@example.mn";
        mail.deliver(citizenMail(citizen, "Хүсэлт: зам", "Сүмбэрийн 1-р багийн зам эвдэрсэн.", "info-1@example.mn"));
        Petition p = eventually().until(() -> byMessageId("info-1@example.mn"), l -> l.size() == 1).get(0);
        route(p);
        Task resolve = task(p, Elements.RESOLVE);
        tasks.claim(resolve.getId(), "sumber.health");
        tasks.complete(resolve.getId(), Map.of(Vars.RESOLVE_ACTION, Values.ACTION_MORE_INFO,
                Vars.INFORMATION_QUESTION, "Аль гудамж вэ?"));
        MimeMessage question = awaitMail(citizen, "Аль гудамж вэ?");

        MimeMessage info = citizenMail(citizen, "Re: " + question.getSubject(), "Төв гудамж.\n\n> Аль гудамж вэ?",
                "info-2@example.mn");
        info.setHeader("In-Reply-To", question.getMessageID());
        saveWithId(info, "info-2@example.mn");
        mail.deliver(info);
        awaitMail(citizen, "нэмэлт мэдээллийг хүлээн авлаа");
        eventually().until(() -> task(p, Elements.RESOLVE), t -> t != null);
        // the reply is in the history; the process, which owns the status, made the case the official's again
        assertThat(petitions.history(p.id())).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(PetitionEvent.Kind.CITIZEN_INFORMATION);
            assertThat(e.note()).isEqualTo("Төв гудамж.");
        });
        assertThat(petitions.get(p.id()).status()).isEqualTo(PetitionStatus.ASSIGNED);

        Task again = task(p, Elements.RESOLVE);
        tasks.claim(again.getId(), "sumber.health");
        tasks.complete(again.getId(), Map.of(Vars.RESOLVE_ACTION, Values.ACTION_ANSWER, Vars.ANSWER_TEXT,
                "Төв гудамжийг 7 хоногт засна.", Vars.OUTCOME, "RESOLVED"));
        MimeMessage answer = awaitMail(citizen, "7 хоногт засна");
        MimeMessage rating = citizenMail(citizen, "Re: " + answer.getSubject(), "4/5 Баярлалаа", "info-3@example.mn");
        rating.setHeader("In-Reply-To", answer.getMessageID());
        saveWithId(rating, "info-3@example.mn");
        mail.deliver(rating);
        eventually().until(() -> petitions.get(p.id()).status() == PetitionStatus.CLOSED);
        assertThat(petitions.get(p.id()).rating()).isEqualTo(4);

        MimeMessage later = citizenMail(citizen, "Re: " + answer.getSubject(), "Засаагүй, зам дахиад эвдэрсэн.",
                "info-4@example.mn");
        later.setHeader("In-Reply-To", answer.getMessageID());
        saveWithId(later, "info-4@example.mn");
        mail.deliver(later);
        Petition next = eventually().until(() -> byMessageId("info-4@example.mn"), l -> l.size() == 1).get(0);
        assertThat(petitions.follows(next.id())).map(Petition::id).contains(p.id());
        assertThat(next.contactEmail()).isEqualTo(citizen);
        assertThat(next.text()).contains("Засаагүй, зам дахиад эвдэрсэн.");
        assertThat(petitions.history(p.id())).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(PetitionEvent.Kind.CONTINUED);
            assertThat(e.note()).contains(next.trackingCode());
        });
        awaitMail(citizen, next.trackingCode());
    }

    /**
     * The same mail delivered twice at the same moment (two pollers, or a poll racing a redelivery) on PostgreSQL:
     * both deliveries are inside their transactions together (the first holds its petition and ledger row, the
     * second waits on the first's ledger key), and still there is one petition with one set of files, and both
     * deliveries end well (the second reports the first's petition).
     */
    @Test
    void twoDeliveriesOfTheSameMailAtOnceMakeOnePetitionWithOneSetOfFiles() throws Exception {
        MimeMessage m = citizenMail("bold@example.mn", "Гомдол: гүүр", "Гүүр эвдэрсэн.", "twice-1@example.mn");
        MimeMultipart mp = (MimeMultipart) m.getContent();
        mp.addBodyPart(file("гүүр1.jpg", jpegVariant(41), "image/jpeg"));
        mp.addBodyPart(file("гүүр2.jpg", jpegVariant(42), "image/jpeg"));
        m.setContent(mp);
        saveWithId(m, "twice-1@example.mn");
        ParsedMail first = MailParser.parse(new MimeMessage(m));
        ParsedMail second = MailParser.parse(new MimeMessage(m));

        List<IntakeResult> results;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection lock = dataSource.getConnection()) {
            // whoever gets there first waits at its files with its petition and ledger row written, the other waits
            // on that ledger row: both are inside their transactions at once
            lock.setAutoCommit(false);
            lock.createStatement().execute("LOCK TABLE petition_attachment IN EXCLUSIVE MODE");
            Future<IntakeResult> a = pool.submit(() -> citizenMail.handle(first));
            Future<IntakeResult> b = pool.submit(() -> citizenMail.handle(second));
            eventually().until(() -> jdbc.sql("""
                    SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
                    AND wait_event_type = 'Lock'
                    AND (query LIKE '%inbound_message%' OR query LIKE '%petition_attachment%')
                    """).query(Long.class).single() == 2);
            lock.commit();
            results = List.of(a.get(), b.get());
        } finally {
            pool.shutdownNow();
        }

        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(IntakeResult.PetitionAccepted.class));
        assertThat(results).extracting(r -> ((IntakeResult.PetitionAccepted) r).duplicate())
                .containsExactlyInAnyOrder(false, true);
        Petition p = byMessageId("twice-1@example.mn").get(0);
        assertThat(byMessageId("twice-1@example.mn")).hasSize(1);
        assertThat(results).extracting(r -> ((IntakeResult.PetitionAccepted) r).petition().id()).containsOnly(p.id());
        assertThat(attachments.forPetition(p.id())).extracting(mn.sanal.attachments.Attachment::fileName)
                .containsExactlyInAnyOrder("гүүр1.jpg", "гүүр2.jpg");
        assertThat(jdbc.sql("SELECT count(*) FROM petition_attachment a JOIN petition p ON p.id = a.petition_id "
                + "WHERE p.contact_email = 'bold@example.mn'").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM inbound_message WHERE external_id = 'twice-1@example.mn'")
                .query(Long.class).single()).isEqualTo(1);
    }

    private MimeMessage awaitMail(String to, String containing) {
        return eventually().until(() -> Arrays.stream(mail.sentTo(to)).filter(x -> body(x).contains(containing))
                .findFirst(), Optional::isPresent).get();
    }

    /**
     * One limit for every channel ({@link IntakeService#MAX_TEXT_LENGTH}): a mail whose subject and text make exactly
     * that many characters is a petition that reaches the clerks; one character more is not cut short but refused, and
     * the citizen gets a mail saying why.
     */
    @Test
    void aMailAtTheTextLimitIsAPetition_oneCharacterMoreIsRefusedAndTheCitizenIsTold() throws Exception {
        String subject = "Гомдол";
        String body = longText(IntakeService.MAX_TEXT_LENGTH - subject.length() - 2); // subject, blank line, text
        mail.deliver(citizenMail("urt@example.mn", subject, body, "long-1@example.mn"));
        Petition p = eventually().until(() -> byMessageId("long-1@example.mn"), list -> list.size() == 1).get(0);
        assertThat(p.text()).hasSize(IntakeService.MAX_TEXT_LENGTH);
        eventually().until(() -> task(p, Elements.TRIAGE), t -> t != null);

        mail.deliver(citizenMail("urt2@example.mn", subject, body + "а", "long-2@example.mn"));
        MimeMessage told = eventually().until(() -> mail.sentTo("urt2@example.mn"), a -> a.length == 1)[0];
        assertThat(body(told)).contains("хэт урт", "10000");
        assertThat(byMessageId("long-2@example.mn")).isEmpty();
    }

    private static String longText(int length) {
        StringBuilder s = new StringBuilder(length + 20);
        while (s.length() < length) {
            s.append("Гэрэл асахгүй байна. ");
        }
        s.setLength(length);
        s.setCharAt(length - 1, 'а');
        return s.toString();
    }

    /** Triage routes it to the health centre, whose official answers. */
    private void answer(Petition p, String text) {
        route(p);
        Task resolve = eventually().until(() -> task(p, Elements.RESOLVE), t -> t != null);
        tasks.claim(resolve.getId(), "sumber.health");
        tasks.complete(resolve.getId(), Map.of(Vars.RESOLVE_ACTION, Values.ACTION_ANSWER, Vars.ANSWER_TEXT, text,
                Vars.OUTCOME, "RESOLVED"));
        eventually().until(() -> petitions.get(p.id()).status() == PetitionStatus.ANSWERED);
    }

    private void route(Petition p) {
        Task triage = eventually().until(() -> task(p, Elements.TRIAGE), t -> t != null);
        tasks.claim(triage.getId(), "clerk");
        tasks.complete(triage.getId(), Map.of(Vars.ROUTED_BODY, "sumber-health", Vars.TRIAGE_NOTE, "Гэрэлтүүлэг"));
        eventually().until(() -> task(p, Elements.RESOLVE), t -> t != null);
    }

    private Task task(Petition p, String key) {
        return tasks.createTaskQuery().processInstanceBusinessKey(p.trackingCode()).taskDefinitionKey(key)
                .singleResult();
    }

    private List<Petition> byMessageId(String id) {
        return jdbc.sql("SELECT id FROM petition WHERE channel_message_id = ?").param(id).query(Long.class).list()
                .stream().map(petitions::get).toList();
    }

    static MimeMessage citizenMail(String from, String subject, String text, String messageId) throws Exception {
        MimeMessage m = new MimeMessage(TestMailServer.SESSION);
        m.setFrom(new InternetAddress(from, "Иргэн", "UTF-8"));
        m.setRecipients(Message.RecipientType.TO, TestMailServer.MAILBOX);
        m.setSubject(subject, "UTF-8");
        MimeBodyPart t = new MimeBodyPart();
        t.setText(text, "UTF-8");
        MimeMultipart mp = new MimeMultipart();
        mp.addBodyPart(t);
        m.setContent(mp);
        saveWithId(m, messageId);
        return m;
    }

    static MimeBodyPart file(String name, byte[] content, String type) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(content, type);
        part.setFileName(name);
        return part;
    }

    /** saveChanges() makes up a Message-ID; a real mail client's one is kept. */
    static void saveWithId(MimeMessage m, String messageId) throws Exception {
        m.saveChanges();
        m.setHeader("Message-ID", "<" + messageId + ">");
    }

    static String body(MimeMessage m) {
        try {
            Object c = m.getContent();
            return c instanceof String s ? s : String.valueOf(c);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The smallest JPEG header Tika recognises. */
    static byte[] jpeg() {
        byte[] b = new byte[64];
        b[0] = (byte) 0xFF; b[1] = (byte) 0xD8; b[2] = (byte) 0xFF; b[3] = (byte) 0xE0;
        b[4] = 0; b[5] = 16; b[6] = 'J'; b[7] = 'F'; b[8] = 'I'; b[9] = 'F'; b[10] = 0;
        return b;
    }

    static byte[] jpegVariant(int n) {
        byte[] b = jpeg();
        b[63] = (byte) n;
        return b;
    }

    /** An ELF executable header. */
    static byte[] elf() {
        byte[] b = new byte[64];
        b[0] = 0x7F; b[1] = 'E'; b[2] = 'L'; b[3] = 'F'; b[4] = 2; b[5] = 1; b[6] = 1;
        b[16] = 2; b[18] = 0x3E;
        return b;
    }
}
