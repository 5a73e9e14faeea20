package mn.sanal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import mn.sanal.channels.sms.SmscSimulator;
import mn.sanal.support.Citizen;
import mn.sanal.support.IntegrationTest;
import mn.sanal.support.SecondNode;
import mn.sanal.support.TestMailServer;

/**
 * Issue 14: two app nodes on one database, proven. Node A is this test's context, node B a process of its own with
 * the same configuration. Both bind to one SMSC (sanal.sms.binds: all), which spreads citizens' SMS over the binds;
 * both job executors and outbox drainers run; one mailbox is polled by whichever node holds the lease. Each citizen
 * gets one acknowledgement, each deadline timer fires once (one overdue mark, one supervisor review), each mail is
 * one petition, and a file that came in on the polling node is downloaded through the other.
 */
@AutoConfigureObservability(tracing = false)
class TwoNodesIT extends IntegrationTest {

    static final int SMPP_PORT = TestMailServer.freePort();
    static final SmscSimulator smsc = startSmsc();
    static final TestMailServer mail = TestMailServer.start();
    static final Map<String, String> SHARED = new LinkedHashMap<>();
    static final int SMS = 30;
    static final int MAILS = 4;

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry r) {
        mail.register((name, value) -> SHARED.put(name, String.valueOf(value.get())));
        SHARED.put("sanal.sms.enabled", "true");
        SHARED.put("sanal.sms.simulator.enabled", "false");
        SHARED.put("sanal.sms.binds", "all");
        SHARED.put("sanal.sms.smsc.port", String.valueOf(SMPP_PORT));
        SHARED.put("sanal.sms.smsc.reconnect-delay", "PT1S");
        SHARED.put("sanal.sms.outbox-poll-interval", "PT0.2S");
        SHARED.put("sanal.sms.max-tps", "100");
        SHARED.put("sanal.cluster.heartbeat", "PT1S");
        SHARED.forEach((k, v) -> r.add(k, () -> v));
    }

    @AfterAll
    static void stop() {
        smsc.close();
        mail.close();
    }

    @Value("${spring.datasource.url}")
    String dbUrl;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProcessEngine engine;

    @Test
    void twoNodesShareTheWorkAndDoEachThingOnce() throws Exception {
        List<String> args = new ArrayList<>();
        SHARED.forEach((k, v) -> args.add("--" + k + "=" + v));
        try (SecondNode b = SecondNode.start("node-b", dbUrl, args.toArray(String[]::new))) {
            Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> smsc.receiverBinds() == 2);

            // SMS intake spread over both nodes, one acknowledgement each
            for (int i = 0; i < SMS; i++) {
                assertThat(smsc.send(String.format("9913%04d", i), "1111",
                        "Сүмбэр сумын 3-р багт гудамжны гэрэл асахгүй байна " + i))
                        .extracting(SmscSimulator.DeliverResult::status).containsOnly(0);
            }
            assertThat(count("SELECT count(*) FROM petition WHERE channel = 'SMS'")).isEqualTo(SMS);
            double onA = intakeCount(scrape(port), "SMS");
            double onB = intakeCount(scrape(b.port()), "SMS");
            System.out.printf("TwoNodesIT: SMS taken by node A %.0f, by node B %.0f%n", onA, onB);
            assertThat(onA + onB).isEqualTo(SMS);
            assertThat(onA).as("node A took some").isPositive();
            assertThat(onB).as("node B took some").isPositive();
            Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> acknowledgements().size() == SMS);
            Map<String, Long> perPhone = acknowledgements().stream()
                    .collect(Collectors.groupingBy(SmscSimulator.SentSms::to, Collectors.counting()));
            assertThat(perPhone).hasSize(SMS).allSatisfy((phone, n) -> assertThat(n).as(phone).isEqualTo(1));
            assertThat(count("SELECT count(*) FROM outbox WHERE kind = 'ACKNOWLEDGED' AND status = 'SENT' "
                    + "AND attempts = 1")).isEqualTo(SMS);

            // web petitions (placed and categorised, so routed past triage to the body, where the legal deadline
            // runs), filed half on each node; then every deadline falls due now: each timer fires once
            for (int i = 0; i < SMS; i++) {
                Map<String, String> form = Citizen.healthComplaint("Эмнэлэгт эмч алга " + i);
                form.put("phone", String.format("9914%04d", i));
                assertThat(new Citizen(i % 2 == 0 ? http() : b.http()).file(form).status()).isEqualTo(201);
            }
            String deadlineJobs = "SELECT j.id_ FROM act_ru_job j JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_ "
                    + "WHERE d.act_id_ = 'StartEvent_DeadlineReached'";
            Awaitility.await().atMost(Duration.ofMinutes(2)).until(() ->
                    jdbc.sql(deadlineJobs).query(String.class).list().size() == SMS);
            List<String> deadlines = jdbc.sql(deadlineJobs).query(String.class).list();
            Date now = new Date();
            deadlines.forEach(j -> engine.getManagementService().setJobDuedate(j, now));
            Awaitility.await().atMost(Duration.ofMinutes(2)).until(() ->
                    count("SELECT count(*) FROM petition WHERE overdue = TRUE AND channel = 'WEB'") == SMS
                    && engine.getTaskService().createTaskQuery().taskDefinitionKey("UserTask_ReviewOverdue")
                            .count() == SMS);
            assertThat(count("SELECT count(*) FROM petition_event WHERE kind = 'OVERDUE'")).as("marked once each")
                    .isEqualTo(SMS);
            assertThat(count("SELECT count(DISTINCT petition_id) FROM petition_event WHERE kind = 'OVERDUE'"))
                    .isEqualTo(SMS);
            assertThat(engine.getManagementService().createJobQuery().withException().count()).isZero();

            // mail: one poller at a time; the file it took is downloaded through the other node
            String holder = jdbc.sql("SELECT holder FROM cluster_lease WHERE name = 'mail-poll'")
                    .query(String.class).single();
            byte[] photo = jpeg();
            for (int i = 0; i < MAILS; i++) {
                mail.deliver(citizenMail("tsetseg" + i + "@example.mn", "Гомдол: зам эвдэрсэн " + i,
                        "Сүмбэр сумын 2-р багийн зам эвдэрсэн.", "two-nodes-" + i + "@example.mn", photo));
            }
            Awaitility.await().atMost(Duration.ofMinutes(1)).until(() ->
                    count("SELECT count(*) FROM petition WHERE channel = 'EMAIL'") == MAILS);
            double mailOnA = intakeCount(scrape(port), "EMAIL");
            double mailOnB = intakeCount(scrape(b.port()), "EMAIL");
            System.out.printf("TwoNodesIT: mail lease held by %s; mails taken by node A %.0f, by node B %.0f%n",
                    holder, mailOnA, mailOnB);
            assertThat(mailOnA + mailOnB).isEqualTo(MAILS);
            assertThat(mailOnA == 0 || mailOnB == 0).as("one node polled").isTrue();
            int otherPort = mailOnA > 0 ? b.port() : port;
            long attachment = jdbc.sql("SELECT min(a.id) FROM petition_attachment a JOIN petition p "
                    + "ON p.id = a.petition_id WHERE p.channel = 'EMAIL'").query(Long.class).single();
            HttpResponse<byte[]> got = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + otherPort + "/attachments/" + attachment))
                    .header("Authorization", basic("demo", DEMO_PASSWORD)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(got.statusCode()).isEqualTo(200);
            assertThat(got.body()).isEqualTo(photo);
        }
    }

    private List<SmscSimulator.SentSms> acknowledgements() {
        return smsc.sent().stream().filter(s -> s.text().contains("хүлээн авлаа")).toList();
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    private static String scrape(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Authorization", basic("demo", DEMO_PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** New petitions a node's intake took on the channel, from its own counter. */
    static double intakeCount(String scrape, String channel) {
        Matcher m = Pattern.compile("sanal_intake_messages_total\\{([^}]*)\\} ([0-9.Ee+-]+)").matcher(scrape);
        double n = 0;
        while (m.find()) {
            if (m.group(1).contains("channel=\"" + channel + "\"") && m.group(1).contains("kind=\"PETITION\"")) {
                n += Double.parseDouble(m.group(2));
            }
        }
        return n;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static MimeMessage citizenMail(String from, String subject, String text, String messageId, byte[] photo)
            throws Exception {
        MimeMessage m = new MimeMessage(TestMailServer.SESSION);
        m.setFrom(new InternetAddress(from, "Иргэн", "UTF-8"));
        m.setRecipients(Message.RecipientType.TO, TestMailServer.MAILBOX);
        m.setSubject(subject, "UTF-8");
        MimeBodyPart t = new MimeBodyPart();
        t.setText(text, "UTF-8");
        MimeBodyPart f = new MimeBodyPart();
        f.setContent(photo, "image/jpeg");
        f.setFileName("zam.jpg");
        MimeMultipart mp = new MimeMultipart();
        mp.addBodyPart(t);
        mp.addBodyPart(f);
        m.setContent(mp);
        m.saveChanges();
        m.setHeader("Message-ID", "<" + messageId + ">");
        return m;
    }

    /** The smallest JPEG header Tika recognises. */
    private static byte[] jpeg() {
        byte[] b = new byte[64];
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[2] = (byte) 0xFF;
        b[3] = (byte) 0xE0;
        b[5] = 16;
        b[6] = 'J';
        b[7] = 'F';
        b[8] = 'I';
        b[9] = 'F';
        b[63] = 7;
        return b;
    }

    private static SmscSimulator startSmsc() {
        SmscSimulator s = new SmscSimulator(SMPP_PORT, Duration.ZERO);
        try {
            s.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return s;
    }
}
