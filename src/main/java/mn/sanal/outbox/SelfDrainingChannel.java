package mn.sanal.outbox;

/** A channel adapter that drains its channel's outbox rows itself; the generic drainer leaves them alone. */
public interface SelfDrainingChannel {

    String channel();
}
