package mn.sanal.channels.sms;

import org.springframework.stereotype.Component;

/** The camel-smpp endpoint URIs for the configured SMSC: a receiver bind (inbound) and a transmitter bind (outbound). */
@Component
class SmppEndpoints {

    private final SmsProperties properties;

    SmppEndpoints(SmsProperties properties) {
        this.properties = properties;
    }

    String receiver() {
        return uri();
    }

    String transmitter() {
        return uri() + "&lazySessionCreation=true";
    }

    private String uri() {
        SmsProperties.Smsc s = properties.smsc();
        return "smpp://" + s.systemId() + "@" + s.host() + ":" + s.port()
                + "?password=RAW(" + s.password() + ")"
                + "&systemType=RAW(" + s.systemType() + ")"
                + "&enquireLinkTimer=" + s.enquireLink().toMillis()
                + "&transactionTimer=" + s.transactionTimer().toMillis()
                + "&initialReconnectDelay=" + s.reconnectDelay().toMillis()
                + "&reconnectDelay=" + s.reconnectDelay().toMillis()
                + "&sessionStateListener=#sms"
                + "&sourceAddr=" + properties.sourceAddress();
    }
}
