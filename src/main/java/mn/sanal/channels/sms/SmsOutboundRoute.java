package mn.sanal.channels.sms;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import mn.sanal.channels.LeasedRoutes;

/** Outbox rows of channel SMS → submit_sm over the transmitter bind, paced by {@link SmsOutbound}. */
@Component
@ConditionalOnProperty(name = "sanal.sms.enabled", havingValue = "true", matchIfMissing = true)
class SmsOutboundRoute extends RouteBuilder {

    private final SmppEndpoints endpoints;
    private final SmsProperties properties;
    private final SmsOutbound outbound;
    private final LeasedRoutes leased;

    SmsOutboundRoute(SmppEndpoints endpoints, SmsProperties properties, SmsOutbound outbound, LeasedRoutes leased) {
        this.leased = leased;
        this.endpoints = endpoints;
        this.properties = properties;
        this.outbound = outbound;
    }

    @Override
    public void configure() {
        from("timer:sms-outbound?delay=1000&period=" + properties.outboxPollInterval().toMillis())
                .routeId("sms-outbound")
                .autoStartup(properties.binds() == SmsProperties.Binds.ALL)
                .routeConfigurationId(SmsRouteConfiguration.ID)
                .bean(outbound, "claim")
                .split(body())
                    .bean(outbound, "prepare")
                    // a row released while this node was taken for dead is another node's now
                    .filter(exchangeProperty(SmsOutbound.OUTBOX_ID).isNotNull())
                        .doTry()
                            .to(endpoints.transmitter())
                            .bean(outbound, "sent")
                        .doCatch(Exception.class)
                            .bean(outbound, "failed")
                        .end()
                    .end()
                .end();
        if (properties.binds() == SmsProperties.Binds.ONE) {
            leased.register(SmsInboundRoute.BIND_LEASE, "sms-outbound");
        }
    }
}
