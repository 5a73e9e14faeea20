package mn.sanal.outbox;

import java.util.Set;

/**
 * The channels whose rows the generic drainer may send (through their adapter, or logged where a channel has no
 * adapter and does not drain itself). The outbox names no channel itself: the layer that owns them says which.
 */
public interface OutboxChannels {

    Set<String> names();
}
