package mn.sanal.channels.sms;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jsmpp.extra.SessionState;
import org.jsmpp.session.Session;
import org.jsmpp.session.SessionStateListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The SMPP sessions' states (the receiver and the transmitter bind), for health: "bound" while the receiver is bound.
 * An unbound SMSC is reported as UNKNOWN, not DOWN, so the app stays in service (the web channel works, outbound SMS
 * waits in the outbox) while the routes reconnect.
 */
@Component("sms")
class SmsSessionState extends AbstractHealthIndicator implements SessionStateListener {

    private final Map<String, SessionState> states = new ConcurrentHashMap<>();

    SmsSessionState(ObjectProvider<MeterRegistry> meters) {
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        Gauge.builder("sanal.sms.bound", this, s -> s.receiverBound() ? 1 : 0).tag("bind", "receiver")
                .description("1 while this node's SMPP bind is bound").register(registry);
        Gauge.builder("sanal.sms.bound", this, s -> s.transmitterBound() ? 1 : 0).tag("bind", "transmitter")
                .description("1 while this node's SMPP bind is bound").register(registry);
    }

    @Override
    public void onStateChange(SessionState newState, SessionState oldState, Session source) {
        if (newState == SessionState.CLOSED) {
            states.remove(source.getSessionId());
        } else {
            states.put(source.getSessionId(), newState);
        }
    }

    boolean receiverBound() {
        return states.values().stream().anyMatch(s -> s == SessionState.BOUND_RX || s == SessionState.BOUND_TRX);
    }

    boolean transmitterBound() {
        return states.values().stream().anyMatch(s -> s == SessionState.BOUND_TX || s == SessionState.BOUND_TRX);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (receiverBound()) {
            builder.up().withDetail("smpp", "bound").withDetail("sessions", Map.copyOf(states));
        } else {
            builder.unknown().withDetail("smpp", "unbound");
        }
    }
}
