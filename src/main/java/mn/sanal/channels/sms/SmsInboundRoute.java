package mn.sanal.channels.sms;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.smpp.SmppMessage;
import org.jsmpp.bean.Command;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.extra.ProcessRequestException;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import mn.sanal.channels.LeasedRoutes;

/**
 * deliver_sm from the SMSC (receiver bind) → {@link SmsInbound}. camel-smpp answers the deliver_sm when this route
 * returns: OK only after what the message caused is committed; a database failure answers ESME_RX_T_APPDN (0x64,
 * temporary) so the SMSC delivers it again later. A second route gives incomplete concatenated messages to intake
 * once their time limit has passed.
 */
@Component
@ConditionalOnProperty(name = "sanal.sms.enabled", havingValue = "true", matchIfMissing = true)
class SmsInboundRoute extends RouteBuilder {

    /** The lease whose holder binds, with {@code sanal.sms.binds: one}. */
    static final String BIND_LEASE = "sms-bind";
    static final int ESME_RX_T_APPDN = 0x64;
    static final int ESME_RSYSERR = 0x08;

    private final SmppEndpoints endpoints;
    private final SmsInbound inbound;
    private final SmsProperties properties;
    private final LeasedRoutes leased;

    SmsInboundRoute(SmppEndpoints endpoints, SmsInbound inbound, SmsProperties properties, LeasedRoutes leased) {
        this.leased = leased;
        this.endpoints = endpoints;
        this.inbound = inbound;
        this.properties = properties;
    }

    @Override
    public void configure() {
        boolean everyNode = properties.binds() == SmsProperties.Binds.ALL;
        from(endpoints.receiver()).routeId("sms-inbound")
                .autoStartup(everyNode)
                .routeConfigurationId(SmsRouteConfiguration.ID)
                .process(exchange -> {
                    Command c = exchange.getIn(SmppMessage.class).getCommand();
                    if (c instanceof DeliverSm d) {
                        handle(d);
                    }
                });

        long period = Math.max(1000, Math.min(30_000, properties.reassemblyTimeout().toMillis() / 4));
        from("timer:sms-reassembly?period=" + period).routeId("sms-reassembly")
                .autoStartup(everyNode)
                .routeConfigurationId(SmsRouteConfiguration.ID)
                .process(exchange -> inbound.expireGroups());
        if (!everyNode) {
            leased.register(BIND_LEASE, "sms-inbound", "sms-reassembly");
        }
    }

    private void handle(DeliverSm d) throws ProcessRequestException {
        try {
            inbound.onDeliverSm(d);
        } catch (DataAccessException | TransactionException e) {
            // the type only: a database error's message may quote the citizen's values, and this one is logged
            throw new ProcessRequestException("database unavailable: " + e.getClass().getName(), ESME_RX_T_APPDN, e);
        } catch (RuntimeException e) {
            throw new ProcessRequestException(e.getClass().getName(), ESME_RSYSERR, e);
        }
    }
}
