package mn.sanal.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jsmpp.bean.TypeOfNumber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import mn.sanal.channels.sms.SmscSimulator.DeliverResult;
import mn.sanal.channels.sms.SmscSimulator.SentSms;
import mn.sanal.petitions.CaseHistory;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionEvent;
import mn.sanal.petitions.PetitionHandlingProcess.Elements;
import mn.sanal.petitions.PetitionHandlingProcess.Values;
import mn.sanal.petitions.PetitionHandlingProcess.Vars;
import mn.sanal.petitions.PetitionService;
import mn.sanal.petitions.PetitionStatus;
import mn.sanal.petitions.TrackingCodes;
import mn.sanal.support.IntegrationTest;

/**
 * The app on the shared embedded PostgreSQL (its own fresh database, profiles postgres + it, see
 * {@link IntegrationTest}) talks SMPP over TCP to a jSMPP SMSC peer (the simulator, on a free port): what a citizen's
 * phone sends and what it receives back.
 */
class SmsChannelIT extends IntegrationTest {

    static final int PORT = freePort();
    static volatile SmscSimulator smsc = startSmsc();

    @DynamicPropertySource
    static void smpp(DynamicPropertyRegistry r) {
        r.add("sanal.sms.enabled", () -> "true");
        r.add("sanal.sms.simulator.enabled", () -> "false");
        r.add("sanal.sms.smsc.port", () -> PORT);
        r.add("sanal.sms.smsc.reconnect-delay", () -> "PT1S");
        r.add("sanal.sms.outbox-poll-interval", () -> "PT0.2S");
        r.add("sanal.sms.reassembly-timeout", () -> "PT2S");
        r.add("sanal.sms.max-tps", () -> "50");
        // the acknowledgement (code and due date) is sent after the start event's save point: the job executor
        // runs (application-it.yaml); a shorter max wait keeps the replies quick
        r.add("camunda.bpm.job-execution.max-wait", () -> "500");
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PetitionService petitions;
    @Autowired
    TaskService tasks;
    @Autowired
    FormService forms;

    @AfterAll
    static void stop() {
        smsc.close();
    }

    @Test
    void cyrillicPetitionInAcknowledgementOutAsOneUcs2SegmentWithReceipt() {
        awaitBound();
        String phone = "99110001";
        List<DeliverResult> r = smsc.send(phone, "1111", "ГОМДОЛ Эмнэлэгт эмч байхгүй байна");
        assertThat(r).extracting(DeliverResult::status).containsExactly(0);

        assertThat(petitions("97699110001")).isEqualTo(1);
        String text = jdbc.sql("SELECT text FROM petition WHERE contact_phone = ?").param("97699110001")
                .query(String.class).single();
        assertThat(text).isEqualTo("Эмнэлэгт эмч байхгүй байна");
        assertThat(jdbc.sql("SELECT type FROM petition WHERE contact_phone = ?").param("97699110001")
                .query(String.class).single()).isEqualTo("COMPLAINT");

        SentSms ack = awaitSms("97699110001", "хүлээн авлаа");
        assertThat(ack.dataCoding()).isEqualTo((byte) 8);
        assertThat(ack.parts()).isEqualTo(1); // one billed message: at most 70 UCS-2 characters
        assertThat(ack.text()).startsWith("Гомдлыг хүлээн авлаа. Хугацаа ").doesNotContain("?");
        assertThat(smsc.submitted()).filteredOn(p -> p.to().equals("97699110001"))
                .allSatisfy(p -> assertThat(p.from()).isEqualTo("1111"));
        // the receipt of the last part is matched to the outbox row
        await(() -> jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient = ? AND delivery_status = 'DELIVERED'")
                .param("97699110001").query(Integer.class).single() == 1, "delivery receipt recorded");
    }

    /**
     * Replies go to the number in international form with TON 1 (international) / NPI 1 (E.164), whatever form the
     * SMSC gave the sender in: national (8 digits, TON 2) or international (976..., TON 1). Before, a reply went to
     * "976XXXXXXXX" with TON 0 (unknown) and NPI 0, which an SMSC may read as a national number and fail to route.
     */
    @Test
    void repliesAreAddressedInInternationalFormWhateverFormTheSenderCameIn() {
        awaitBound();
        smsc.send(TypeOfNumber.NATIONAL, "99110021", "1111", "ТУСЛАМЖ");
        smsc.send(TypeOfNumber.INTERNATIONAL, "97699110022", "1111", "ТУСЛАМЖ");
        smsc.send(TypeOfNumber.UNKNOWN, "+97699110023", "1111", "ТУСЛАМЖ");
        for (String to : List.of("97699110021", "97699110022", "97699110023")) {
            SentSms help = awaitSms(to, "ШАЛГАХ код");
            assertThat(help.toTon()).as("TON of the reply to %s", to).isEqualTo((byte) 1);
            assertThat(help.toNpi()).as("NPI of the reply to %s", to).isEqualTo((byte) 1);
        }
        // the acknowledgement of a petition (from the process, through the outbox) is addressed the same way
        smsc.send(TypeOfNumber.NATIONAL, "99110024", "1111", "Гудамжны гэрэл асахгүй байна");
        SentSms ack = awaitSms("97699110024", "хүлээн авлаа");
        assertThat(ack.toTon()).isEqualTo((byte) 1);
        assertThat(ack.toNpi()).isEqualTo((byte) 1);
    }

    @Test
    void concatenatedInboundBecomesOnePetition() {
        awaitBound();
        String longText = "Манай 3-р багийн худаг эвдэрсэн, ус зөөвөрлөх машин долоо хоногт нэг л удаа ирдэг. "
                .repeat(3).strip();
        List<DeliverResult> r = smsc.send("99110002", "1111", longText);
        assertThat(r).hasSizeGreaterThan(2).extracting(DeliverResult::status).containsOnly(0);
        assertThat(petitions("97699110002")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT text FROM petition WHERE contact_phone = ?").param("97699110002")
                .query(String.class).single()).isEqualTo(longText);
        awaitSms("97699110002", "ШАЛГАХ ");
    }

    @Test
    void sarTlvPartsAndAMissingPartGiveAnIncompletePetitionAfterTheTimeLimit() {
        awaitBound();
        byte[] part1 = "Эхний хэсэг ".getBytes(StandardCharsets.UTF_16BE);
        var sar = new org.jsmpp.bean.OptionalParameter[] {
                new org.jsmpp.bean.OptionalParameter.Short((short) 0x020C, (short) 777),
                new org.jsmpp.bean.OptionalParameter.Byte((short) 0x020E, (byte) 2),
                new org.jsmpp.bean.OptionalParameter.Byte((short) 0x020F, (byte) 1)};
        assertThat(smsc.deliver("99110003", "1111", (byte) 0, (byte) 8, part1, sar).status()).isZero();
        assertThat(petitions("97699110003")).isZero();
        await(() -> petitions("97699110003") == 1, "incomplete petition after the time limit");
        assertThat(jdbc.sql("SELECT text FROM petition WHERE contact_phone = ?").param("97699110003")
                .query(String.class).single()).startsWith("Эхний хэсэг").contains("дутуу");
    }

    @Test
    void sameMessageIdTwiceIsOnePetition() {
        awaitBound();
        byte[] body = "Замын гэрэл асахгүй байна".getBytes(StandardCharsets.UTF_16BE);
        var id = SmscSimulator.messageIdTlv("dup-1");
        assertThat(smsc.deliver("99110004", "1111", (byte) 0, (byte) 8, body, id).status()).isZero();
        assertThat(smsc.deliver("99110004", "1111", (byte) 0, (byte) 8, body, id).status()).isZero();
        assertThat(petitions("97699110004")).isEqualTo(1);
        awaitSms("97699110004", "ШАЛГАХ ");
    }

    @Test
    void keywords() {
        awaitBound();
        String phone = "97699110005";
        smsc.send("99110005", "1111", "тусламж");
        assertThat(awaitSms(phone, "ШАЛГАХ код").dataCoding()).isEqualTo((byte) 8);

        smsc.send("99110005", "1111", "STOP");
        awaitSms(phone, "Мэдээлэл зогсоолоо");
        assertThat(optedOut(phone)).isTrue();
        smsc.send("99110005", "1111", "Эхлэх");
        awaitSms(phone, "дахин авахаар бүртгэгдлээ");
        assertThat(optedOut(phone)).isFalse();

        smsc.send("99110005", "1111", "3");
        awaitSms(phone, "үнэлгээ хүлээж буй өргөдөл алга");

        smsc.send("99110005", "1111", "gomdol");
        awaitSms(phone, "агуулгаа бичнэ үү");

        smsc.send("99110005", "1111", "talarkhal Emch nart bayarlalaa");
        SentSms thanks = awaitSms(phone, "Талархлыг");
        String code = TrackingCodes.normalize(thanks.text().substring(thanks.text().indexOf("Код ") + 4).strip())
                .orElseThrow();

        smsc.send("99110005", "1111", "shalgah " + code.toLowerCase().replace("-", ""));
        assertThat(awaitSms(phone, "Өргөдөл " + code + ":").text()).doesNotContain("олдсонгүй");
        // the same code asked from another phone says nothing about the petition
        smsc.send("99110006", "1111", "STATUS " + code);
        awaitSms("97699110006", code + " кодтой өргөдөл энэ дугаараас олдсонгүй");
        smsc.send("99110006", "1111", "ШАЛГАХ");
        awaitSms("97699110006", "кодоо бичнэ үү");
    }

    @Test
    void throttledSubmitIsRetried() {
        awaitBound();
        smsc.throttleNext(1);
        smsc.send("99110007", "1111", "HELP");
        SentSms help = awaitSms("97699110007", "ШАЛГАХ");
        assertThat(help.text()).contains("ЗОГС");
        assertThat(jdbc.sql("SELECT attempts FROM outbox WHERE recipient = ?").param("97699110007")
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void reconnectsAfterTheSmscRestarts() throws Exception {
        awaitBound();
        smsc.stop();
        Thread.sleep(500);
        smsc.start();
        awaitBound();
        List<DeliverResult> r = smsc.send("99110008", "1111", "Сургуулийн дээвэр гоожиж байна");
        assertThat(r).extracting(DeliverResult::status).containsExactly(0);
        awaitSms("97699110008", "ШАЛГАХ ");
    }

    /**
     * The kinds of message an SMS can be, each through intake's one call, on one citizen's phone: a new petition, a
     * follow-up naming its code (joins the open case: history, a comment on the official's open task, the citizen
     * told), a bare SMS while the case waits for nothing (a new petition), the information the official asked for, a
     * rating, and a message about the closed case (a new petition linked to it).
     */
    @Test
    void followUpsJoinTheOpenCase_informationRatingAndAClosedCaseContinued() {
        awaitBound();
        String phone = "97699110011";
        smsc.send("99110011", "1111", "Сүмбэр сумын 3-р багт ус тасарсан");
        String code = codeIn(awaitSms(phone, "ШАЛГАХ "));
        Petition p = petitions.findByTrackingCode(code).orElseThrow();
        Task triage = eventually().until(() -> task(code, Elements.TRIAGE), t -> t != null);

        // a follow-up naming the code joins the open case
        smsc.send("99110011", "1111", code + " Нэмэлт: 2-р байрны ард, худгийн дэргэд");
        awaitSms(phone, "Өргөдөл " + code + ": мэдээллийг тань хэрэгт нэмж");
        assertThat(petitions(phone)).isEqualTo(1);
        assertThat(petitions.history(p.id())).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(PetitionEvent.Kind.FOLLOW_UP);
            assertThat(e.note()).contains("2-р байрны ард");
        });
        assertThat(tasks.getTaskComments(triage.getId())).singleElement()
                .satisfies(c -> assertThat(c.getFullMessage()).contains("2-р байрны ард"));
        assertThat(forms.getTaskFormVariables(triage.getId()).get(CaseHistory.FORM_FIELD).toString())
                .contains("2-р байрны ард");

        // a bare SMS while the case waits for nothing is a petition of its own (see README "Follow-ups")
        smsc.send("99110011", "1111", "Цэцэрлэгийн халаалт ажиллахгүй байна");
        eventually().until(() -> petitions(phone) == 2);

        // the official asks for more; the citizen's bare reply is the information
        route(code);
        resolve(code, Map.of(Vars.RESOLVE_ACTION, Values.ACTION_MORE_INFO,
                Vars.INFORMATION_QUESTION, "Аль худаг вэ?"));
        awaitSms(phone, "Аль худаг вэ?");
        smsc.send("99110011", "1111", "Сургуулийн хажуугийн худаг");
        awaitSms(phone, "Өргөдөл " + code + ": нэмэлт мэдээллийг хүлээн авлаа");
        eventually().until(() -> task(code, Elements.RESOLVE), t -> t != null);
        // the reply is in the history; the process, which owns the status, made the case the official's again
        assertThat(petitions.history(p.id())).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(PetitionEvent.Kind.CITIZEN_INFORMATION);
            assertThat(e.note()).isEqualTo("Сургуулийн хажуугийн худаг");
        });
        assertThat(petitions.get(p.id()).status()).isEqualTo(PetitionStatus.ASSIGNED);

        // answered; a bare 4 rates it and the case closes
        resolve(code, Map.of(Vars.RESOLVE_ACTION, Values.ACTION_ANSWER, Vars.ANSWER_TEXT, "Худгийг засна.",
                Vars.OUTCOME, "RESOLVED"));
        awaitSms(phone, "Худгийг засна.");
        smsc.send("99110011", "1111", "4");
        eventually().until(() -> petitions.get(p.id()).status() == PetitionStatus.CLOSED);
        assertThat(petitions.get(p.id()).rating()).isEqualTo(4);

        // writing about the closed case opens a new petition that links to it
        smsc.send("99110011", "1111", code + " Худаг дахиад эвдэрлээ");
        eventually().until(() -> petitions(phone) == 3);
        Petition again = petitions.get(jdbc.sql("SELECT id FROM petition WHERE follows_petition_id = ?")
                .param(p.id()).query(Long.class).single());
        assertThat(again.text()).isEqualTo(code + " Худаг дахиад эвдэрлээ");
        assertThat(again.soumCode()).isEqualTo(p.soumCode());
        assertThat(petitions.follows(again.id())).map(Petition::trackingCode).contains(code);
        assertThat(petitions.history(p.id())).last()
                .satisfies(e -> assertThat(e.note()).contains(again.trackingCode()));
        awaitSms(phone, "ШАЛГАХ " + again.trackingCode());
    }

    // --- helpers

    private void route(String code) {
        Task triage = eventually().until(() -> task(code, Elements.TRIAGE), t -> t != null);
        tasks.claim(triage.getId(), "clerk");
        tasks.complete(triage.getId(), Map.of(Vars.ROUTED_BODY, "sumber-health", Vars.TRIAGE_NOTE, "Ус"));
    }

    private void resolve(String code, Map<String, Object> form) {
        Task resolve = eventually().until(() -> task(code, Elements.RESOLVE), t -> t != null);
        if (resolve.getAssignee() == null) {
            tasks.claim(resolve.getId(), "sumber.health");
        }
        tasks.complete(resolve.getId(), form);
    }

    private Task task(String code, String key) {
        return tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(key).singleResult();
    }

    private static String codeIn(SentSms sms) {
        String after = sms.text().substring(sms.text().indexOf("ШАЛГАХ ") + 7);
        return TrackingCodes.normalize(after.substring(0, 9)).orElseThrow();
    }

    private int petitions(String phone) {
        return jdbc.sql("SELECT COUNT(*) FROM petition WHERE contact_phone = ?").param(phone).query(Integer.class)
                .single();
    }

    private boolean optedOut(String phone) {
        return jdbc.sql("SELECT opted_out FROM opt_out WHERE channel = 'SMS' AND address = ?").param(phone)
                .query(Boolean.class).single();
    }

    private static SentSms awaitSms(String to, String containing) {
        SentSms[] found = new SentSms[1];
        await(() -> {
            found[0] = smsc.sent().stream().filter(s -> s.to().equals(to) && s.text().contains(containing))
                    .findFirst().orElse(null);
            return found[0] != null;
        }, "SMS to " + to + " containing '" + containing + "'; sent:");
        return found[0];
    }

    private static void awaitBound() {
        await(smsc::receiverBound, "app bound to the SMSC");
    }

    private static void await(Supplier<Boolean> condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
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
        throw new AssertionError("Timed out waiting for: " + what + (what.contains("sent:") ? " " + smsc.sent() : ""));
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
