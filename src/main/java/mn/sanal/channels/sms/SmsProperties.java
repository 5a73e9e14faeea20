package mn.sanal.channels.sms;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMS channel: the SMSC we bind to as an ESME, the short number citizens text, the rate the operator allows, and
 * the embedded simulator for development. Every value can be overridden from the environment (SANAL_SMS_SMSC_HOST...).
 */
@ConfigurationProperties("sanal.sms")
public record SmsProperties(
        @DefaultValue Smsc smsc,
        @DefaultValue("1111") String sourceAddress,
        @DefaultValue("10") int maxTps,
        @DefaultValue("PT10M") Duration reassemblyTimeout,
        /** TLV tag (decimal or 0x hex) in which the SMSC gives its id of a mobile-originated message. */
        @DefaultValue("0x001E") String messageIdTag,
        @DefaultValue("PT1S") Duration outboxPollInterval,
        @DefaultValue Simulator simulator,
        /**
         * all: every node binds (receiver and transmitter), the SMSC spreads inbound messages over the binds, and each
         * node sends at max-tps divided by the live nodes. one: only the node holding the lease "sms-bind" binds, for
         * an SMSC that allows one bind per account; another node binds after lease-time when it dies.
         */
        @DefaultValue("all") Binds binds) {

    public enum Binds { ALL, ONE }

    public record Smsc(
            @DefaultValue("localhost") String host,
            @DefaultValue("2775") int port,
            @DefaultValue("sanal") String systemId,
            @DefaultValue("") String password,
            @DefaultValue("") String systemType,
            @DefaultValue("PT30S") Duration enquireLink,
            @DefaultValue("PT5S") Duration reconnectDelay,
            @DefaultValue("PT10S") Duration transactionTimer) {
    }

    public record Simulator(
            @DefaultValue("true") boolean enabled,
            /** Answer submit_sm with a delivery receipt after this long (zero: no receipts). */
            @DefaultValue("PT1S") Duration receiptDelay) {
    }

    short messageIdTlv() {
        String t = messageIdTag.strip().toLowerCase();
        return (short) (t.startsWith("0x") ? Integer.parseInt(t.substring(2), 16) : Integer.parseInt(t));
    }
}
