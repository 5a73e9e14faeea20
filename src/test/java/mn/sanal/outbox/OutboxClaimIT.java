package mn.sanal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import mn.sanal.support.IntegrationTest;

/**
 * Two app instances draining one database: each outbox row is claimed, and so sent, by exactly one of them. The two
 * claimants here are two threads with their own transactions on the real PostgreSQL, which is what two instances
 * are to the database. The channel is one no drainer of the running app serves, so only the two claimants compete.
 */
class OutboxClaimIT extends IntegrationTest {

    private static final String CHANNEL = "TWO_INSTANCES";
    private static final int MESSAGES = 300;

    @Autowired
    OutboxService outbox;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoInstancesNeverClaimTheSameRow() throws Exception {
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < MESSAGES; i++) {
                outbox.enqueue(new NewOutboxMessage("two-instances:" + i, null, "TEST", CHANNEL, "97699000000",
                        null, "Мессеж " + i));
            }
        });

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<Long>> a = pool.submit(drainer("instance-a", start));
            Future<List<Long>> b = pool.submit(drainer("instance-b", start));
            start.countDown();
            List<Long> sentByA = a.get(60, TimeUnit.SECONDS);
            List<Long> sentByB = b.get(60, TimeUnit.SECONDS);

            Set<Long> both = new HashSet<>(sentByA);
            both.retainAll(new HashSet<>(sentByB));
            assertThat(both).as("rows sent by both instances").isEmpty();
            assertThat(new HashSet<>(sentByA)).hasSameSizeAs(sentByA);
            assertThat(new HashSet<>(sentByB)).hasSameSizeAs(sentByB);
            assertThat(sentByA.size() + sentByB.size()).isEqualTo(MESSAGES);
            assertThat(sentByA).as("both instances take part").isNotEmpty();
            assertThat(sentByB).as("both instances take part").isNotEmpty();
            System.out.printf("OutboxClaimIT: instance-a sent %d, instance-b sent %d%n", sentByA.size(),
                    sentByB.size());
        } finally {
            pool.shutdownNow();
        }

        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE channel = ? AND status = 'SENT' AND attempts = 1")
                .param(CHANNEL).query(Integer.class).single()).isEqualTo(MESSAGES);
    }

    private int pending() {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE channel = ? AND status = 'PENDING'").param(CHANNEL)
                .query(Integer.class).single();
    }

    private Callable<List<Long>> drainer(String claimant, CountDownLatch start) {
        return () -> {
            start.await();
            List<Long> sent = new ArrayList<>();
            // like a poller: keep claiming while anything is still pending, whatever the last batch brought
            while (pending() > 0) {
                for (OutboxMessage m : outbox.claim(List.of(CHANNEL), 7, claimant)) {
                    Thread.sleep(1); // sending takes a moment: the two instances interleave
                    outbox.markSent(m.id(), claimant + "-" + m.id());
                    sent.add(m.id());
                }
            }
            return sent;
        };
    }
}
