package mn.sanal.broadcasts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import mn.sanal.broadcasts.BroadcastProcess.Vars;
import mn.sanal.citizens.Audience;
import mn.sanal.citizens.RegisterImport;
import mn.sanal.support.Http;
import mn.sanal.support.IntegrationTest;

/**
 * The per-recipient CSV of a broadcast on PostgreSQL: one line per phone with its bag, status (delivered, failed,
 * sent, cancelled, opted out), attempts and times, no text; the soum's own office and Khural get it, another soum's
 * office 403, no login 401.
 */
class BroadcastRecipientsIT extends IntegrationTest {

    private static final String SUMBER = "govisumber.sumber";
    private static final String TEXT = "Сумын иргэдийн Хурал 12 сарын 5-нд 10 цагт соёлын төвд болно.";

    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    IdentityService identity;
    @Autowired
    RegisterImport imports;
    @Autowired
    BroadcastService broadcasts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theSoumsOfficeGetsOneLinePerRecipientAndNobodyElse() {
        assertThat(imports.importCsv(SUMBER, "sumber.office", "list.csv", """
                регистр,овог,нэр,баг,утас
                УБ90011512,Дорж,Батболд,2,99112201 88112201
                УБ90011513,Дорж,Сарнай,2,99112202
                УБ90011514,Дорж,Зогсоосон,2,99112203
                УБ90011515,Дорж,Болд,2,99112204
                УБ90011516,Дорж,Өөрбаг,3,99112205
                """).refused()).isEmpty();
        jdbc.sql("INSERT INTO opt_out (channel, address, opted_out, updated_at) VALUES ('SMS', '97699112203', TRUE, ?)")
                .param(OffsetDateTime.now()).update();
        identity.setAuthentication("sumber.office", List.of("body-sumber-governor-office"));
        String pi;
        try {
            pi = runtime.startProcessInstanceByKey(BroadcastProcess.KEY, Map.of(Vars.TEXT, TEXT, Vars.BAGS, "2"))
                    .getId();
        } finally {
            identity.clearAuthentication();
        }
        eventually().until(() -> history.createHistoricVariableInstanceQuery().processInstanceIdIn(pi)
                .variableName(Vars.CAMPAIGN).count() == 1);
        String campaign = "broadcast:" + pi;
        // the SMS channel is off here: the rows' outcomes are written as the channel and receipts would write them
        BroadcastService.Sent sent = broadcasts.send(Audience.bags(SUMBER, Set.of(SUMBER + ".2")), TEXT, campaign);
        assertThat(sent.recipients()).isEqualTo(4);
        outcome(campaign, "97699112201", "status = 'SENT', attempts = 1, sent_at = now(), delivery_status = 'DELIVERED'");
        outcome(campaign, "97688112201", "status = 'SENT', attempts = 1, sent_at = now(), delivery_status = 'FAILED'");
        outcome(campaign, "97699112202", "status = 'FAILED', attempts = 5");
        outcome(campaign, "97699112204", "status = 'SENT', attempts = 2, sent_at = now()");
        broadcasts.retryFailures(campaign);
        broadcasts.cancel(BroadcastService.retryCampaign(campaign));

        Http.Response csv = as("sumber.office").get("/api/broadcasts/{pi}/recipients.csv", pi);
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        List<String> lines = Arrays.asList(csv.body().split("\n"));
        assertThat(lines.get(0)).isEqualTo(BroadcastRecipientsController.HEADER.strip());
        assertThat(lines).hasSize(1 + 4 + 2 + 1);
        assertThat(line(lines, "97699112201,")).startsWith("97699112201,govisumber.sumber.2,delivered,1,1,");
        assertThat(lines).filteredOn(l -> l.startsWith("97688112201,")).extracting(l -> l.split(",")[2])
                .containsExactly("failed", "cancelled");
        assertThat(line(lines, "97699112204,")).startsWith("97699112204,govisumber.sumber.2,sent,2,1,");
        assertThat(lines).filteredOn(l -> l.startsWith("97699112202,")).extracting(l -> l.split(",")[2])
                .containsExactly("failed", "cancelled");
        assertThat(lines).filteredOn(l -> l.contains(",cancelled,")).extracting(l -> l.split(",")[4])
                .containsOnly("2");
        assertThat(line(lines, "97699112203,")).isEqualTo("97699112203,govisumber.sumber.2,opted out,0,,,");
        assertThat(lines).noneMatch(l -> l.startsWith("97699112205"));
        assertThat(csv.body()).doesNotContain("Хурал");

        assertThat(as("sumber.khural").get("/api/broadcasts/{pi}/recipients.csv", pi).status()).isEqualTo(200);
        assertThat(as("jargalant.office").get("/api/broadcasts/{pi}/recipients.csv", pi).status()).isEqualTo(403);
        assertThat(as("sumber.health").get("/api/broadcasts/{pi}/recipients.csv", pi).status()).isEqualTo(403);
        assertThat(as("demo").get("/api/broadcasts/{pi}/recipients.csv", pi).status()).isEqualTo(403);
        assertThat(http().get("/api/broadcasts/{pi}/recipients.csv", pi).status()).isEqualTo(401);
        assertThat(as("sumber.office").get("/api/broadcasts/{pi}/recipients.csv", "nope").status()).isEqualTo(404);
    }

    private void outcome(String campaign, String phone, String set) {
        assertThat(jdbc.sql("UPDATE outbox SET " + set + " WHERE message_key = ?").param(campaign + ":" + phone)
                .update()).isEqualTo(1);
    }

    private static String line(List<String> lines, String start) {
        List<String> found = lines.stream().filter(l -> l.startsWith(start)).toList();
        assertThat(found).as(start).hasSize(1);
        return found.get(0);
    }
}
