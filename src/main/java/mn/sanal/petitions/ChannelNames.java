package mn.sanal.petitions;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import mn.sanal.outbox.OutboxChannels;

/** The citizens' channels are the outbox's channels: a row for any other name is never drained. */
@Component
class ChannelNames implements OutboxChannels {

    @Override
    public Set<String> names() {
        return Stream.of(Channel.values()).map(Channel::name).collect(Collectors.toUnmodifiableSet());
    }
}
