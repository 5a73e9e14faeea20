package mn.sanal.outbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * For the cluster tests' second node only (profile {@code slow-sender}): "sends" an SMS row in 50 ms, so that the node
 * holds claims long enough to be killed holding them, and writes the id of every row it sent to a file the test
 * reads after the kill.
 */
@Component
@Profile("slow-sender")
@Order(0)
class SlowRecordingSmsSender implements OutboxSender {

    private final Path record;

    SlowRecordingSmsSender(@Value("${sanal.test.sent-record}") Path record) {
        this.record = record;
    }

    @Override
    public boolean supports(String channel) {
        return "SMS".equals(channel);
    }

    @Override
    public synchronized String send(OutboxMessage m) throws Exception {
        Thread.sleep(50);
        write(m.id() + "\n");
        return "slow-" + m.id();
    }

    private void write(String line) throws IOException {
        Files.writeString(record, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.SYNC);
    }
}
