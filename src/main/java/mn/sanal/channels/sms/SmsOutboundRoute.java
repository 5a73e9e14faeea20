package mn.sanal.channels.sms;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Outbox rows of channel SMS → submit_sm over the transmitter bind, paced by {@link SmsOutbound}. */
@Component
@ConditionalOnProperty(name = "sanal.sms.enabled", havingValue = "true", matchIfMissing = true)
class SmsOutboundRoute extends RouteBuilder {

    private final SmppEndpoints endpoints;
    private final SmsProperties properties;
    private final SmsOutbound outbound;

    SmsOutboundRoute(SmppEndpoints endpoints, SmsProperties properties, SmsOutbound outbound) {
        this.endpoints = endpoints;
        this.properties = properties;
        this.outbound = outbound;
    }

    @Override
    public void configure() {
        from("timer:sms-outbound?delay=1000&period=" + properties.outboxPollInterval().toMillis())
                .routeId("sms-outbound")
                .routeConfigurationId(SmsRouteConfiguration.ID)
                .bean(outbound, "claim")
                .split(body())
                    .bean(outbound, "prepare")
                    .doTry()
                        .to(endpoints.transmitter())
                        .bean(outbound, "sent")
                    .doCatch(Exception.class)
                        .bean(outbound, "failed")
                    .end()
                .end();
    }
}
