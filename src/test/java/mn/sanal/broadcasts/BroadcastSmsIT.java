package mn.sanal.broadcasts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import mn.sanal.channels.sms.SmscSimulator;
import mn.sanal.channels.sms.SmscSimulator.SentSms;
import mn.sanal.citizens.Audience;
import mn.sanal.citizens.RegisterImport;
import mn.sanal.support.IntegrationTest;

/**
 * A bag broadcast on PostgreSQL over SMPP to a jSMPP SMSC peer: it reaches exactly the registered, not opted-out
 * phones of that bag, once each, Cyrillic in UCS-2; sending it again (a retried job,
 * a restart) sends nobody a second copy; a petition's acknowledgement written during the broadcast is submitted
 * before the broadcast's remaining messages.
 */
class BroadcastSmsIT extends IntegrationTest {

    static final int PORT = freePort();
    static final SmscSimulator smsc = startSmsc();
    private static final String SUMBER = "govisumber.sumber";
    private static final String TEXT = "Сумын иргэдийн Хурал 12 сарын 5-нд 10 цагт соёлын төвд болно.";
    private static final int BAG2 = 300;

    @DynamicPropertySource
    static void smpp(DynamicPropertyRegistry r) {
        r.add("sanal.sms.enabled", () -> "true");
        r.add("sanal.sms.simulator.enabled", () -> "false");
        r.add("sanal.sms.smsc.port", () -> PORT);
        r.add("sanal.sms.smsc.reconnect-delay", () -> "PT1S");
        r.add("sanal.sms.outbox-poll-interval", () -> "PT0.2S");
        r.add("sanal.sms.max-tps", () -> "20");
        r.add("camunda.bpm.job-execution.max-wait", () -> "500");
    }

    @Autowired
    BroadcastService broadcasts;
    @Autowired
    RegisterImport imports;
    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void stop() {
        smsc.close();
    }

    @Test
    void aBagBroadcastReachesItsRegisteredPhonesOnceInUcs2AndAcknowledgementsGoFirst() {
        await(smsc::receiverBound, "app bound to the SMSC");
        StringBuilder csv = new StringBuilder("регистр,овог,нэр,баг,утас\n");
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < BAG2; i++) {
            String phone = String.format("976880%05d", i);
            csv.append(String.format("УБ8001%02d%02d,Туршилт,Иргэн%d,2,%s%n", 1 + i % 28, i / 28, i, phone));
            expected.add(phone);
        }
        csv.append("УБ85010101,Туршилт,Өөрбаг,3,97688099999\n");
        csv.append("УБ85010102,Туршилт,Хоёрутас,2,97688099001 97699099001\n");
        expected.add("97688099001");
        expected.add("97699099001");
        assertThat(imports.importCsv(SUMBER, "sumber.office", "list.csv", csv.toString()).refused()).isEmpty();
        String optedOut = String.format("976880%05d", 7);
        jdbc.sql("INSERT INTO opt_out (channel, address, opted_out, updated_at) VALUES ('SMS', ?, TRUE, ?)")
                .params(optedOut, OffsetDateTime.now()).update();
        expected.remove(optedOut);

        Audience bag2 = Audience.bags(SUMBER, Set.of("govisumber.sumber.2"));
        BroadcastService.Sent sent = broadcasts.send(bag2, TEXT, "broadcast:it");
        assertThat(sent.recipients()).isEqualTo(expected.size());
        // a citizen petitions while the broadcast drains
        smsc.send("99110077", "1111", "ГОМДОЛ Гудамжны гэрэл асахгүй байна");
        // the same broadcast again, as a retried job or a restart would: nothing new
        assertThat(broadcasts.send(bag2, TEXT, "broadcast:it").written()).isZero();

        await(() -> broadcastSms().size() >= expected.size(), "every broadcast SMS submitted");
        List<SentSms> got = broadcastSms();
        assertThat(got).extracting(SentSms::to).doesNotHaveDuplicates();
        assertThat(new HashSet<>(got.stream().map(SentSms::to).toList())).isEqualTo(expected);
        assertThat(got).allSatisfy(s -> {
            assertThat(s.dataCoding()).isEqualTo((byte) 8);
            assertThat(s.parts()).isEqualTo(1);
            assertThat(s.text()).isEqualTo(TEXT);
        });

        List<SmscSimulator.SubmittedPart> order = new ArrayList<>(smsc.submitted());
        int ack = indexOf(order, "97699110077");
        int lastBroadcast = 0;
        for (int i = 0; i < order.size(); i++) {
            if (expected.contains(order.get(i).to())) {
                lastBroadcast = i;
            }
        }
        assertThat(ack).as("the acknowledgement was submitted").isGreaterThanOrEqualTo(0);
        assertThat(ack).as("before the broadcast's last message").isLessThan(lastBroadcast);
        await(() -> broadcasts.report("broadcast:it", 1).delivered() == expected.size(), "receipts recorded");
        BroadcastService.Report report = broadcasts.report("broadcast:it", 1);
        assertThat(report.recipients()).isEqualTo(expected.size());
        assertThat(report.sent()).isEqualTo(expected.size());
        assertThat(report.failed()).isZero();
    }

    private static int indexOf(List<SmscSimulator.SubmittedPart> parts, String to) {
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).to().equals(to)) {
                return i;
            }
        }
        return -1;
    }

    private static List<SentSms> broadcastSms() {
        return smsc.sent().stream().filter(s -> s.text().equals(TEXT)).toList();
    }

    private static void await(Supplier<Boolean> condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
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
        throw new AssertionError("Timed out waiting for: " + what);
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
