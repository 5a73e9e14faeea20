package mn.sanal.polls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import mn.sanal.channels.sms.SmscSimulator;
import mn.sanal.channels.sms.SmscSimulator.DeliverResult;
import mn.sanal.channels.sms.SmscSimulator.SentSms;
import mn.sanal.platform.Clocks;
import mn.sanal.polls.SmsPollProcess.Elements;
import mn.sanal.polls.SmsPollProcess.Vars;
import mn.sanal.support.Http;
import mn.sanal.support.IntegrationTest;

/**
 * A poll on PostgreSQL with citizens' phones talking SMPP to the app through a jSMPP SMSC peer: one person's two
 * phones give one vote; a foreign number and an unregistered phone are refused; a vote a second after the close is
 * refused (before and whatever the close's job does); each bag's results reach that bag only; and the results, the
 * engine's REST API and our endpoints show nobody's choice, to officials as to the public.
 */
class PollSmsIT extends IntegrationTest {

    static final int PORT = freePort();
    static final SmscSimulator smsc = startSmsc();
    static final String BAG1 = "govisumber.sumber.1";
    static final String BAG2 = "govisumber.sumber.2";
    static final String BAG5 = "govisumber.sumber.5";

    @DynamicPropertySource
    static void smpp(DynamicPropertyRegistry r) {
        r.add("sanal.sms.enabled", () -> "true");
        r.add("sanal.sms.simulator.enabled", () -> "false");
        r.add("sanal.sms.smsc.port", () -> PORT);
        r.add("sanal.sms.smsc.reconnect-delay", () -> "PT1S");
        r.add("sanal.sms.outbox-poll-interval", () -> "PT0.2S");
        r.add("sanal.sms.max-tps", () -> "50");
        r.add("camunda.bpm.job-execution.max-wait", () -> "500");
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    FormService forms;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    RepositoryService repository;
    @Autowired
    PollService polls;

    @AfterAll
    static void stop() {
        smsc.close();
    }

    @Test
    void onePersonOneVoteRefusalsLateVoteResultsPerBagAndNobodysChoiceShown() {
        eventually().until(smsc::receiverBound);
        // A: two phones in bag 1; B: bag 2; C: bag 1, does not vote; D: bag 5, outside the audience
        resident("ИТ80050101", BAG1, LocalDate.of(1980, 5, 1), "97699200001", "97688200001");
        resident("ИТ90010202", BAG2, LocalDate.of(1990, 1, 2), "97699200002");
        resident("ИТ70070703", BAG1, LocalDate.of(1970, 7, 7), "97699200003");
        resident("ИТ85030304", BAG5, LocalDate.of(1985, 3, 3), "97699200004");

        OffsetDateTime now = Clocks.now().truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime closes = now.plusSeconds(45);
        ProcessInstance pi = start(now.minusMinutes(1), closes);
        Poll poll = polls.findByProcessInstance(pi.getId()).orElseThrow();
        String code = poll.code();
        complete(task(pi, Elements.APPROVE), "sumber.chair", List.of(), Map.of(Vars.APPROVAL, "APPROVE"));

        // the announcement reaches the audience's phones, once each; not bag 5
        SentSms announced = awaitSms("97688200001", "Хариулт: " + code);
        assertThat(announced.text()).contains("1=Тийм", "2=Үгүй");
        awaitSms("97699200002", "Хариулт: " + code);
        eventually().until(() -> polls.get(poll.id()).status() == PollStatus.OPEN);

        // two phones of one person: one vote
        assertThat(vote("99200001", code + " 1")).isEqualTo(PollReplies.recorded(code, 1));
        assertThat(vote("88200001", code + " 2")).isEqualTo(PollReplies.alreadyVoted(code));
        assertThat(vote("99200002", "s" + code.substring(1) + " 2")).isEqualTo(PollReplies.recorded(code, 2));
        // a foreign number and a phone the register does not have
        assertThat(vote("447700900123", code + " 1")).isEqualTo(PollReplies.notRegistered(code));
        assertThat(vote("99209999", code + " 1")).isEqualTo(PollReplies.notRegistered(code));
        assertThat(vote("99200004", code + " 1")).isEqualTo(PollReplies.notInAudience(code));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM poll_vote WHERE poll_id = ?").param(poll.id()).query(Long.class)
                .single()).isEqualTo(2);

        // a second after the close
        eventually().atMost(Duration.ofSeconds(90)).until(() -> Clocks.now().isAfter(closes.plusSeconds(1)));
        assertThat(vote("99200003", code + " 1")).isEqualTo(PollReplies.closed(code));
        eventually().until(() -> polls.get(poll.id()).status() == PollStatus.CLOSED);
        Poll closed = polls.get(poll.id());
        // the record at the close has the late vote when it came before the close's job, else the live count has it
        assertThat(closed.counters().valid()).isEqualTo(2);
        assertThat(polls.counters(poll.id())).isEqualTo(new Poll.Counters(7, 2, 4, 1));

        complete(task(pi, Elements.REVIEW), "sumber.khural", List.of("body-sumber-khural"),
                Map.of(Vars.CONFIRMED, true));
        SentSms bag1 = awaitSms("97699200003", code + " дүн");
        assertThat(bag1.text()).isEqualTo(code + " дүн. 1-р баг: 1=1 2=0, ирц 50.0%. Сум: 1=1 2=1, ирц 66.7%.");
        SentSms bag2 = awaitSms("97699200002", code + " дүн");
        assertThat(bag2.text()).startsWith(code + " дүн. 2-р баг: 1=0 2=1, ирц 100.0%.");
        eventually().until(() -> polls.get(poll.id()).status() == PollStatus.PUBLISHED);
        // bag 5 was not asked: its resident got only the answer to their own message
        assertThat(smsc.sent()).filteredOn(s -> s.to().equals("97699200004")).extracting(SentSms::text)
                .containsExactly(PollReplies.notInAudience(code));
        assertThat(smsc.sent()).filteredOn(s -> s.text().contains(code + " дүн")).extracting(SentSms::to)
                .containsExactlyInAnyOrder("97699200001", "97688200001", "97699200002", "97699200003");

        // published: counts, no person
        String latin = "S" + code.substring(1);
        Http.Response json = http().get("/polls/" + latin + ".json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().path("bags").get(0).path("votes").toString()).isEqualTo("[1,0]");
        assertThat(json.json().path("voteTableSha256").asText()).isEqualTo(closed.voteTableSha256());
        assertThat(json.json().path("messages").path("late").asInt()).isEqualTo(1);
        Http.Response csv = http().get("/polls/" + latin + ".csv");
        assertThat(csv.body()).contains("govisumber.sumber.2,\"2-р баг\",0,1,1,1,100.0");
        for (Http.Response r : List.of(json, csv, http().get("/polls/" + latin))) {
            assertThat(r.body()).doesNotContain("99200001", "88200001", "99200002", "ИТ80050101", "ИТ90010202");
        }

        // the engine's REST API, as the Khural's member, its chair and the admin: no vote anywhere
        for (String user : List.of("sumber.khural", "sumber.chair", "demo")) {
            for (String uri : List.of("/engine-rest/variable-instance", "/engine-rest/history/variable-instance",
                    "/engine-rest/history/detail", "/engine-rest/task", "/engine-rest/history/task")) {
                Http.Response r = as(user).get(uri);
                assertThat(r.body()).as("%s %s", user, uri)
                        .doesNotContain("97699200001", "97688200001", "97699200002", "ИТ80050101", "person");
            }
        }
        // what the process holds is the variables its constants class declares (references, decisions, display
        // texts of counts), never a vote
        List<String> declared = java.util.Arrays.stream(Vars.class.getFields()).map(f -> {
            try {
                return String.valueOf(f.get(null));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(as("demo").get("/engine-rest/history/variable-instance?processInstanceId=" + pi.getId()).json())
                .extracting(v -> v.path("name").asText()).isSubsetOf(declared);
        // a poll not published does not exist for the public
        assertThat(http().get("/polls/S999999.json").status()).isEqualTo(404);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private ProcessInstance start(OffsetDateTime opens, OffsetDateTime closes) {
        Map<String, Object> v = new HashMap<>();
        v.put(Vars.SOUM, "govisumber.sumber");
        v.put(Vars.QUESTION, "Цэцэрлэг барих уу?");
        v.put(Vars.OPTIONS, "Тийм\nҮгүй");
        v.put(Vars.BAG_NUMBERS, "1, 2");
        v.put(Vars.OPENS_AT_TEXT, opens.toString());
        v.put(Vars.CLOSES_AT_TEXT, closes.toString());
        v.put(Vars.MIN_AGE, 18L);
        v.put(Vars.REPLACE_POLICY, "FIRST_COUNTS");
        v.put(Vars.REMIND, false);
        String def = repository.createProcessDefinitionQuery().processDefinitionKey(SmsPollProcess.KEY)
                .latestVersion().singleResult().getId();
        identity.setAuthentication("sumber.khural", List.of("body-sumber-khural"));
        try {
            return forms.submitStartForm(def, v);
        } finally {
            identity.clearAuthentication();
        }
    }

    private Task task(ProcessInstance pi, String key) {
        Task[] t = new Task[1];
        eventually().until(() -> (t[0] = tasks.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(key).singleResult()) != null);
        return t[0];
    }

    private void complete(Task task, String user, List<String> groups, Map<String, Object> vars) {
        identity.setAuthentication(user, groups);
        try {
            tasks.complete(task.getId(), vars);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** A phone texts the short number; the deliver_sm was answered OK; what came back to that phone. */
    private String vote(String from, String text) {
        int before = (int) smsc.sent().stream().filter(s -> s.to().equals(international(from))).count();
        List<DeliverResult> r = smsc.send(from, "1111", text);
        assertThat(r).extracting(DeliverResult::status).containsOnly(0);
        SentSms[] reply = new SentSms[1];
        eventually().until(() -> {
            List<SentSms> to = smsc.sent().stream().filter(s -> s.to().equals(international(from))).toList();
            reply[0] = to.size() > before ? to.get(before) : null;
            return reply[0] != null;
        });
        return reply[0].text();
    }

    private static String international(String from) {
        return from.length() == 8 ? "976" + from : from;
    }

    private SentSms awaitSms(String to, String containing) {
        SentSms[] found = new SentSms[1];
        eventually().until(() -> (found[0] = smsc.sent().stream()
                .filter(s -> s.to().equals(to) && s.text().contains(containing)).findFirst().orElse(null)) != null);
        return found[0];
    }

    private void resident(String registerNo, String bag, LocalDate born, String... phones) {
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("""
                INSERT INTO citizen (register_no, family_name, given_name, birth_date, aimag_code, soum_code, bag_code,
                    created_at, updated_at) VALUES (?, 'Туршилт', 'Иргэн', ?, 'govisumber', 'govisumber.sumber', ?, ?, ?)
                """).params(registerNo, born, bag, now, now).update();
        long id = jdbc.sql("SELECT id FROM citizen WHERE register_no = ?").param(registerNo).query(Long.class).single();
        for (String phone : phones) {
            jdbc.sql("INSERT INTO citizen_phone (phone, citizen_id, source, added_at) VALUES (?, ?, 'DEMO', ?)")
                    .params(phone, id, now).update();
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static SmscSimulator startSmsc() {
        SmscSimulator s = new SmscSimulator(PORT, Duration.ofMillis(200));
        try {
            s.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return s;
    }
}
