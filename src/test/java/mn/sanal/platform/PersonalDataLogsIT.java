package mn.sanal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import mn.sanal.channels.sms.SmscSimulator;
import mn.sanal.support.IntegrationTest;
import mn.sanal.support.TestMailServer;

/**
 * Personal data stays out of the logs at every level: citizens petition by SMS, mail and the web with phone numbers,
 * addresses, names and texts no log line could hold by chance, with {@code mn.sanal} at DEBUG and the dev simulators
 * (the embedded SMSC and GreenMail) running, as in development. A broken mail goes to quarantine and an empty one is
 * refused on the way; a library prints the stack trace of a database error that quotes a phone number. Everything the
 * JVM printed, from the start of the context, must hold none of those values, and does hold the tracking codes (the
 * logs name the case, not the citizen).
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "logging.level.mn.sanal=debug")
class PersonalDataLogsIT extends IntegrationTest {

    static final int SMPP_PORT = TestMailServer.freePort();
    static final int IMAP_PORT = TestMailServer.freePort();
    static final int SMTP_PORT = TestMailServer.freePort();

    static final String SMS_PHONE = "95173468";
    static final String SMS_NAME = "Должинсүрэн";
    static final String SMS_TEXT = "Хөшөөний хажуугийн худаг эвдэрчихсэн, " + SMS_NAME
            + " гуай ус зөөж ядарч байна. Сүмбэр сумын 2-р баг, засаж өгнө үү, маш их хүлээлээ";
    static final String MAIL_ADDRESS = "tsetsegmaa.boldbaatar@example.mn";
    static final String MAIL_NAME = "Цэцэгмаа Болдбаатар";
    static final String MAIL_SUBJECT = "Гомдол: Зүүн гүүр нурсан";
    static final String MAIL_TEXT = "Баянбулагийн зүүн гүүр нурж, хүүхдүүд голыг гатлаж чадахгүй байна.";
    static final String EMPTY_MAIL_ADDRESS = "hoosonzahidal.ganaa@example.mn";
    static final String BROKEN_MAIL_ADDRESS = "evdersenzahia.tuul@example.mn";
    static final String WEB_PHONE = "94286031";
    static final String WEB_EMAIL = "enkhjin.gantulga@example.mn";
    static final String WEB_FIRST = "Энхжин";
    static final String WEB_LAST = "Гантулгаев";
    static final String WEB_TEXT = "Сургуулийн дээвэр гоожиж Оюунчимэг багшийн анги усанд автлаа";

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry r) {
        r.add("sanal.sms.enabled", () -> "true");
        r.add("sanal.sms.simulator.enabled", () -> "true");
        r.add("sanal.sms.smsc.port", () -> SMPP_PORT);
        r.add("sanal.sms.outbox-poll-interval", () -> "PT0.2S");
        r.add("sanal.sms.simulator.receipt-delay", () -> "PT0.2S");
        r.add("sanal.mail.enabled", () -> "true");
        r.add("sanal.mail.simulator.enabled", () -> "true");
        r.add("sanal.mail.imap.port", () -> IMAP_PORT);
        r.add("sanal.mail.imap.poll-interval", () -> "PT0.3S");
        r.add("sanal.mail.smtp.port", () -> SMTP_PORT);
    }

    @Autowired SmscSimulator smsc;
    @Autowired GreenMail greenMail;
    @Autowired JdbcClient jdbc;

    @Test
    void noPhoneAddressNameOrTextOfACitizenReachesTheLogs(CapturedOutput output) throws Exception {
        eventually().until(smsc::receiverBound);

        // SMS: a two-part petition, then its status by the same phone
        assertThat(smsc.send(SMS_PHONE, "1111", "ГОМДОЛ " + SMS_TEXT)).hasSizeGreaterThan(1)
                .allSatisfy(r -> assertThat(r.status()).isZero());
        String smsCode = eventually().until(() -> codeOf("contact_phone", SMS_PHONE), c -> c != null);
        smsc.send(SMS_PHONE, "1111", "ШАЛГАХ " + smsCode);

        // mail: a petition, an empty mail (refused, told so) and a broken one (quarantined)
        deliver(citizenMail(MAIL_ADDRESS, MAIL_NAME, MAIL_SUBJECT, MAIL_TEXT));
        deliver(citizenMail(EMPTY_MAIL_ADDRESS, "Ганаа Хоосон", "", ""));
        deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream((
                "From: Туул Эвдэрсэн <" + BROKEN_MAIL_ADDRESS + ">\r\nTo: sanal@localhost\r\n"
                        + "Message-ID: <broken-logs-1@example.mn>\r\nSubject: " + MAIL_SUBJECT + "\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: multipart/mixed; boundary=b1\r\n\r\n--b1\r\n"
                        + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: x-bogus\r\n\r\n"
                        + "%%%\r\n--b1--\r\n").getBytes(StandardCharsets.UTF_8))));
        String mailCode = eventually().until(() -> codeOf("contact_email", MAIL_ADDRESS), c -> c != null);

        // web: Open311 with every contact field
        var created = http().postForm("/open311/v2/requests.json", Map.of("service_code", "HEALTH",
                "description", WEB_TEXT, "address_string", "Говьсүмбэр, Сүмбэр, 3-р баг", "phone", WEB_PHONE,
                "email", WEB_EMAIL, "first_name", WEB_FIRST, "last_name", WEB_LAST,
                "attribute[petition_type]", "COMPLAINT"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String webCode = created.json().get(0).get("service_request_id").asText();
        assertThat(http().get("/open311/v2/requests/{id}.json", webCode).status()).isEqualTo(200);

        // every acknowledgement and refusal sent, the SMS ones with their delivery receipts
        eventually().untilAsserted(() -> {
            assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE status IN ('PENDING', 'SENDING')")
                    .query(Long.class).single()).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE status = 'SENT'").query(Long.class).single())
                    .isGreaterThanOrEqualTo(5);
            assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE channel = 'SMS' AND delivery_status IS NULL")
                    .query(Long.class).single()).isZero();
            assertThat(greenMail.getReceivedMessagesForDomain("example.mn")).hasSizeGreaterThanOrEqualTo(2);
            assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE recipient = ?").param(EMPTY_MAIL_ADDRESS)
                    .query(Long.class).single()).isOne();
        });
        eventually().until(() -> output.getAll().contains("QUARANTINE"));

        // a library's stack trace of a failed insert, as jSMPP, Camel or Camunda print them
        LoggerFactory.getLogger("org.example.library").error("insert failed", new IllegalStateException(
                new DataIntegrityViolationException("duplicate key; Detail: Key (sender)=(" + WEB_PHONE + ")")));
        assertThat(output.getAll()).contains("org.springframework.dao.DataIntegrityViolationException");

        String logs = output.getAll();
        assertThat(logs).contains(smsCode, mailCode, webCode).containsPattern("DEBUG .* mn\\.sanal\\.");
        List<String> personal = List.of(SMS_PHONE, SMS_NAME, "худаг эвдэрчихсэн", "ус зөөж", MAIL_ADDRESS,
                "Цэцэгмаа", "Болдбаатар", "Зүүн гүүр", "голыг гатлаж", EMPTY_MAIL_ADDRESS, "Ганаа", BROKEN_MAIL_ADDRESS,
                "Туул", WEB_PHONE, WEB_EMAIL, WEB_FIRST, WEB_LAST, "дээвэр гоожиж", "Оюунчимэг");
        assertThat(logs.lines().filter(line -> personal.stream().anyMatch(
                v -> line.toLowerCase().contains(v.toLowerCase())))).as("log lines with personal data").isEmpty();
    }

    private String codeOf(String column, String value) {
        return jdbc.sql("SELECT tracking_code FROM petition WHERE " + column + " LIKE ?").param("%" + value)
                .query(String.class).optional().orElse(null);
    }

    private void deliver(MimeMessage m) {
        greenMail.getUserManager().getUser("sanal@localhost").deliver(m);
    }

    private static MimeMessage citizenMail(String from, String name, String subject, String text) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress(from, name, "UTF-8"));
        m.setRecipients(Message.RecipientType.TO, "sanal@localhost");
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        m.saveChanges();
        return m;
    }
}
