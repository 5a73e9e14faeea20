package mn.sanal.ldf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import mn.sanal.channels.sms.SmscSimulator;
import mn.sanal.channels.sms.SmscSimulator.SentSms;
import mn.sanal.support.Http;
import mn.sanal.support.IntegrationTest;

/**
 * Proposals and comments reach the fund through the one intake, on PostgreSQL with the real channels: SMS over SMPP
 * from a jSMPP SMSC peer, the web through Open311. The cycle is started as the soum's Governor's office starts it,
 * through the REST API's start form. Time is the engine's clock (ClockUtil), moved to inside and after the window.
 */
class LdfIntakeIT extends IntegrationTest {

    static final int PORT = freePort();
    static volatile SmscSimulator smsc = startSmsc();
    static final OffsetDateTime FEBRUARY = OffsetDateTime.of(2027, 2, 1, 10, 0, 0, 0, ZoneOffset.ofHours(8));
    static final OffsetDateTime JUNE = OffsetDateTime.of(2027, 6, 2, 10, 0, 0, 0, ZoneOffset.ofHours(8));

    @DynamicPropertySource
    static void smpp(DynamicPropertyRegistry r) {
        r.add("sanal.sms.enabled", () -> "true");
        r.add("sanal.sms.simulator.enabled", () -> "false");
        r.add("sanal.sms.smsc.port", () -> PORT);
        r.add("sanal.sms.smsc.reconnect-delay", () -> "PT1S");
        r.add("sanal.sms.outbox-poll-interval", () -> "PT0.2S");
        r.add("sanal.sms.max-tps", () -> "50");
    }

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @AfterAll
    static void stop() {
        smsc.close();
    }

    @Test
    void smsAndWebProposalsReachTheirBagOfTheCurrentCycleAndAfterTheWindowTheAnswerIsClosed() {
        ClockUtil.setCurrentTime(Date.from(FEBRUARY.toInstant()));
        long cycle = startCycle("delgerkhaan.office", "khentii.delgerkhaan", 2027);
        await(smsc::receiverBound, "app bound to the SMSC");

        smsc.send("99120001", "1111", "ОНХС Дэлгэрхаан 2-р баг: голын гүүр барих");
        long bridge = number(awaitSms("97699120001", "саналын дугаар"));
        smsc.send("99120002", "1111", "onkhs Delgerkhaan 4 bag hudag gargah");
        long well = number(awaitSms("97699120002", "саналын дугаар"));

        Http.Response web = http().postForm("/open311/v2/requests.json", Map.of("service_code",
                LdfProposals.SERVICE_CODE, "description", "Хүүхдийн тоглоомын талбай", "address_string",
                "Хэнтий, Дэлгэрхаан, 3-р баг", "phone", "99120003"));
        assertThat(web.status()).as(web.body()).isEqualTo(201);
        long playground = number(web.json().get(0).get("service_notice").asText());

        assertThat(proposal(bridge)).containsEntry("bag_code", "khentii.delgerkhaan.2").containsEntry("channel", "SMS")
                .containsEntry("author_phone", "97699120001").containsEntry("cycle_id", cycle)
                .containsEntry("text", "Дэлгэрхаан 2-р баг: голын гүүр барих");
        assertThat(proposal(well)).containsEntry("bag_code", "khentii.delgerkhaan.4").containsEntry("cycle_id", cycle);
        assertThat(proposal(playground)).containsEntry("bag_code", "khentii.delgerkhaan.3")
                .containsEntry("channel", "WEB").containsEntry("author_phone", "97699120003")
                .containsEntry("cycle_id", cycle);

        // after May 31 (law): closed, nothing recorded
        ClockUtil.setCurrentTime(Date.from(JUNE.toInstant()));
        long before = count();
        smsc.send("99120004", "1111", "ОНХС Дэлгэрхаан 1-р баг зам засах");
        assertThat(awaitSms("97699120004", "ОНХС").text()).isEqualTo(LdfTexts.CLOSED);
        Http.Response late = http().postForm("/open311/v2/requests.json", Map.of("service_code",
                LdfProposals.SERVICE_CODE, "description", "Зам засах", "address_string",
                "Хэнтий, Дэлгэрхаан, 1-р баг", "phone", "99120005"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body()).contains("дууссан");
        assertThat(count()).isEqualTo(before);
        // a message that is no proposal is still a petition, as before
        smsc.send("99120006", "1111", "Гудамжны гэрэл асахгүй байна");
        awaitSms("97699120006", "хүлээн авлаа");
    }

    @Test
    void commentsAttachToTheProposalTheyNameAndThePublicListAndReportCarryNoPersonalData() {
        ClockUtil.setCurrentTime(Date.from(FEBRUARY.toInstant()));
        long cycle = startCycle("batshireet.office", "khentii.batshireet", 2027);
        await(smsc::receiverBound, "app bound to the SMSC");
        smsc.send("99130001", "1111", "ОНХС Батширээт 1-р баг сургуулийн засвар");
        long school = number(awaitSms("97699130001", "саналын дугаар"));
        smsc.send("99130002", "1111", "ОНХС Батширээт 2-р баг малын худаг");
        long well = number(awaitSms("97699130002", "саналын дугаар"));

        // the working group's shortlist disclosed (the process's part is LocalDevelopmentFundProcessTest's)
        jdbc.sql("UPDATE ldf_cycle SET status = 'DISCLOSED', comment_ends_at = ? WHERE id = ?")
                .params(FEBRUARY.plusDays(14), cycle).update();
        jdbc.sql("UPDATE ldf_proposal SET status = 'SHORTLISTED', cost_estimate = 20000000 WHERE cycle_id = ?")
                .param(cycle).update();

        smsc.send("99130003", "1111", "ОНХС " + well + " Энэ худаг манай багт хамгийн чухал");
        assertThat(awaitSms("97699130003", "ОНХС").text()).isEqualTo(LdfTexts.commentReceived(well));
        assertThat(jdbc.sql("SELECT proposal_id FROM ldf_comment WHERE author_phone = ?").param("97699130003")
                .query(Long.class).list()).containsExactly(well);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ldf_comment WHERE proposal_id = ?").param(school)
                .query(Long.class).single()).isZero();

        // a project with a review and votes, for the report
        long project = jdbc.sql("""
                INSERT INTO ldf_project (cycle_id, proposal_id, bag_code, title, approved_amount, contractor,
                    contract_amount, status, verdict_count, verdict_average, verdict_4, verdict_5, updated_at)
                VALUES (?, ?, 'khentii.batshireet.2', 'малын худаг', 20000000, 'Батширээт Ус ХХК', 19000000, 'VERDICT',
                    2, 4.50, 1, 1, now()) RETURNING id""").params(cycle, well).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO ldf_review (project_id, kind, reviewer, reviewed_at, progress_percent, quality, problems)
                VALUES (?, 'OVERSIGHT', 'batshireet.bag2.rep1', now(), 50, 4, 'Хашаа дутуу')""").param(project)
                .update();

        // the citizens' verdict by SMS: one per phone
        smsc.send("99130004", "1111", "ОНХС " + well + " 4");
        assertThat(awaitSms("97699130004", "ОНХС").text()).isEqualTo(LdfTexts.voted(well));
        smsc.send("99130004", "1111", "онхс " + well + " 1");
        awaitSms("97699130004", "өмнө бүртгэгдсэн");
        assertThat(jdbc.sql("SELECT score FROM ldf_verdict_vote WHERE project_id = ?").param(project)
                .query(Integer.class).list()).containsExactly(4);

        String[] personal = {"97699130001", "97699130002", "97699130003", "99130001", "batshireet.bag2.rep1",
                "author"};
        for (String uri : List.of("/ldf/cycle/{id}/proposals.json", "/ldf/cycle/{id}/proposals.csv",
                "/ldf/cycle/{id}/report.json", "/ldf/cycle/{id}/report.csv", "/ldf/cycle/{id}/report.html")) {
            Http.Response r = http().get(uri, cycle);
            assertThat(r.status()).as(uri).isEqualTo(200);
            assertThat(r.body()).as(uri).contains("худаг").doesNotContain(personal);
        }
        assertThat(http().get("/ldf/cycle/{id}/proposals.json", cycle).body()).contains("сургуулийн засвар")
                .contains("\"comments\":1");
        assertThat(http().get("/ldf/cycle/{id}/report.csv", cycle).body()).contains("Батширээт Ус ХХК")
                .contains("4.50");
    }

    @Test
    void theBagGovernorEntersAPaperProposalForTheOwnBagOnlyAndFilesGoWithTheSoumsOfficials() {
        ClockUtil.setCurrentTime(Date.from(FEBRUARY.toInstant()));
        long cycle = startCycle("jargaltkhaan.office", "khentii.jargaltkhaan", 2027);
        Http.Response entered = as("jargaltkhaan.bag1.governor").postForm("/api/ldf/cycles/{id}/proposals",
                Map.of("bag", "khentii.jargaltkhaan.1", "text", "Цаасан санал: багийн төвд худаг",
                        "authorName", "Д. Бат", "authorPhone", "97699140001"), cycle);
        assertThat(entered.status()).as(entered.body()).isEqualTo(201);
        long number = number(entered.json().get("message").asText());
        assertThat(proposal(number)).containsEntry("bag_code", "khentii.jargaltkhaan.1")
                .containsEntry("channel", "BAG_GOVERNOR").containsEntry("entered_by", "jargaltkhaan.bag1.governor")
                .containsEntry("cycle_id", cycle);
        // another bag's governor, another soum's official: nothing
        assertThat(as("jargaltkhaan.bag2.governor").postForm("/api/ldf/cycles/{id}/proposals",
                Map.of("bag", "khentii.jargaltkhaan.1", "text", "Өөр багийн санал"), cycle).status()).isEqualTo(404);
        assertThat(as("delgerkhaan.bag1.governor").postForm("/api/ldf/cycles/{id}/proposals",
                Map.of("bag", "khentii.jargaltkhaan.1", "text", "Өөр сумын санал"), cycle).status()).isEqualTo(404);

        var parts = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        parts.add("owner", "MEETING");
        parts.add("ownerId", "1");
        parts.add("file", new org.springframework.core.io.ByteArrayResource("Хурлын тэмдэглэл".getBytes(
                java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "minutes.txt";
            }
        });
        Http.Response upload = as("jargaltkhaan.bag1.governor").postMultipart("/api/ldf/cycles/{id}/files", parts,
                cycle);
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT uploaded_by FROM ldf_file WHERE cycle_id = ?").param(cycle).query(String.class)
                .list()).containsExactly("jargaltkhaan.bag1.governor");
        assertThat(as("batshireet.office").postMultipart("/api/ldf/cycles/{id}/files", parts, cycle).status())
                .isEqualTo(404);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The Governor's office starts the year's cycle from Tasklist's start form (the REST API's submit-form). */
    long startCycle(String office, String soum, int year) {
        Http.Response r = as(office).postJson("/engine-rest/process-definition/key/{key}/submit-form",
                Map.of("variables", Map.of("soum", Map.of("value", soum), "year", Map.of("value", year,
                        "type", "Integer"), "fundAmount", Map.of("value", 100_000_000L, "type", "Long"))),
                LocalDevelopmentFundProcess.KEY);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return jdbc.sql("SELECT id FROM ldf_cycle WHERE soum_code = ? AND fund_year = ?").params(soum, year)
                .query(Long.class).single();
    }

    Map<String, Object> proposal(long id) {
        return jdbc.sql("SELECT * FROM ldf_proposal WHERE id = ?").param(id).query().singleRow();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM ldf_proposal").query(Long.class).single();
    }

    static long number(SentSms sms) {
        return number(sms.text());
    }

    static long number(String text) {
        var m = java.util.regex.Pattern.compile("дугаар (\\d+)").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static SentSms awaitSms(String to, String containing) {
        SentSms[] found = new SentSms[1];
        await(() -> {
            found[0] = smsc.sent().stream().filter(s -> s.to().equals(to) && s.text().contains(containing))
                    .findFirst().orElse(null);
            return found[0] != null;
        }, "SMS to " + to + " containing '" + containing + "'");
        return found[0];
    }

    private static void await(Supplier<Boolean> condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("Timed out waiting for: " + what + "; sent: " + smsc.sent());
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SmscSimulator startSmsc() {
        SmscSimulator s = new SmscSimulator(PORT, Duration.ofMillis(200));
        try {
            s.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return s;
    }
}
