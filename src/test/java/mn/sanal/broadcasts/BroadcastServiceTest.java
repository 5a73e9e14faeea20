package mn.sanal.broadcasts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import mn.sanal.support.RegisterTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import mn.sanal.citizens.Audience;
import mn.sanal.citizens.RegisterImport;
import mn.sanal.outbox.NewOutboxMessage;
import mn.sanal.outbox.OutboxMessage;
import mn.sanal.outbox.OutboxService;

/** BroadcastService on a small register: who gets a row, once; bulk after case messages; cancel; retry; report. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class BroadcastServiceTest {

    private static final String SUMBER = "govisumber.sumber";
    private static final Audience BAG_2 = Audience.bags(SUMBER, Set.of("govisumber.sumber.2"));
    private static final String TEXT = "Сумын иргэдийн Хурал 12 сарын 5-нд 10 цагт болно.";

    @Autowired
    BroadcastService broadcasts;
    @Autowired
    OutboxService outbox;
    @Autowired
    RegisterImport imports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @BeforeEach
    void register() {
        RegisterTestData.clear(jdbc);
        jdbc.sql("DELETE FROM outbox").update();
        jdbc.sql("DELETE FROM opt_out").update();
        imports.importCsv(SUMBER, "sumber.office", "list.csv", """
                регистр,овог,нэр,баг,утас
                УБ90011512,Дорж,Батболд,2,99112201 88112201
                УБ90011513,Дорж,Сарнай,2,99112202
                УБ90011514,Дорж,Зогсоосон,2,99112203
                УБ90011515,Дорж,Утасгүй,2,
                УБ90011516,Дорж,Өөрбаг,3,99112205
                """);
        jdbc.sql("INSERT INTO opt_out (channel, address, opted_out, updated_at) VALUES ('SMS', '97699112203', TRUE, ?)")
                .param(OffsetDateTime.now()).update();
    }

    @Test
    void aBagGetsOneRowPerEligiblePhoneOnceEvenWhenSentAgain() {
        BroadcastService.Preview preview = broadcasts.preview(BAG_2, TEXT);
        assertThat(preview).isEqualTo(new BroadcastService.Preview(4, 3, 1, SmsSegments.Encoding.UCS2, 1, 3));

        BroadcastService.Sent sent = broadcasts.send(BAG_2, TEXT, "broadcast:1");
        assertThat(sent.recipients()).isEqualTo(3);
        assertThat(sent.written()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT recipient FROM outbox WHERE campaign = 'broadcast:1' ORDER BY recipient")
                .query(String.class).list()).containsExactly("97688112201", "97699112201", "97699112202");
        assertThat(jdbc.sql("SELECT DISTINCT priority FROM outbox WHERE campaign = 'broadcast:1'")
                .query(Integer.class).list()).containsExactly(OutboxService.PRIORITY_BULK);
        assertThat(jdbc.sql("SELECT message_key FROM outbox WHERE recipient = '97699112202'").query(String.class)
                .single()).isEqualTo("broadcast:1:97699112202");

        BroadcastService.Sent again = broadcasts.send(BAG_2, TEXT, "broadcast:1");
        assertThat(again.written()).isZero();
        assertThat(again.recipients()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox").query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aCaseMessageWrittenAfterTheBroadcastIsClaimedFirst() {
        broadcasts.send(Audience.soum(SUMBER), TEXT, "broadcast:2");
        tx.executeWithoutResult(s -> outbox.enqueue(new NewOutboxMessage("petition:1:ACKNOWLEDGED", null,
                "ACKNOWLEDGED", "SMS", "97699000001", null, "Өргөдлийг хүлээн авлаа.")));
        List<OutboxMessage> claimed = outbox.claim(Set.of("SMS"), 2, "test");
        assertThat(claimed).extracting(OutboxMessage::messageKey).first().isEqualTo("petition:1:ACKNOWLEDGED");
        assertThat(claimed).hasSize(2);
    }

    @Test
    void cancelStopsWhatIsNotSentAndTheReportCountsIt() {
        broadcasts.send(BAG_2, TEXT, "broadcast:3");
        List<OutboxMessage> first = outbox.claim(Set.of("SMS"), 1, "test");
        outbox.markSent(first.get(0).id(), "smsc-1");
        assertThat(broadcasts.cancel("broadcast:3")).isEqualTo(2);
        assertThat(outbox.claim(Set.of("SMS"), 10, "test")).isEmpty();
        BroadcastService.Report r = broadcasts.report("broadcast:3", 1);
        assertThat(r).isEqualTo(new BroadcastService.Report(3, 1, 0, 0, 0, 2, 0, 1));
    }

    @Test
    void failuresAreRetriedOnceUnderTheirOwnKeys() {
        broadcasts.send(BAG_2, TEXT, "broadcast:4");
        List<OutboxMessage> rows = outbox.claim(Set.of("SMS"), 10, "test");
        for (int i = 0; i < rows.size(); i++) {
            outbox.markSent(rows.get(i).id(), "smsc-" + i);
            outbox.recordDelivery("smsc-" + i, i == 0 ? "FAILED" : "DELIVERED", OffsetDateTime.now());
        }
        assertThat(broadcasts.retryFailures("broadcast:4")).isEqualTo(1);
        assertThat(broadcasts.retryFailures("broadcast:4")).isZero();
        List<OutboxMessage> retry = outbox.claim(Set.of("SMS"), 10, "test");
        assertThat(retry).extracting(OutboxMessage::messageKey)
                .containsExactly("broadcast:4:retry:" + rows.get(0).recipient());
        outbox.markSent(retry.get(0).id(), "smsc-r");
        outbox.recordDelivery("smsc-r", "DELIVERED", OffsetDateTime.now());
        assertThat(broadcasts.report("broadcast:4", 0))
                .isEqualTo(new BroadcastService.Report(3, 4, 3, 0, 1, 0, 0, 0));
    }
}
