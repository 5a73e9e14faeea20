package mn.sanal.channels.sms;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * Error handling the SMS routes opt into ({@code routeConfigurationId(ID)}): no redelivery inside Camel — the SMSC
 * redelivers an inbound message we answered with an error, and the outbox retries an outbound one — and a one-line
 * warning instead of a stack trace per failed message. The exception stays on the exchange (not handled), so camel-smpp
 * answers the deliver_sm with the status of the ProcessRequestException the inbound route threw.
 */
@Component
class SmsRouteConfiguration extends RouteConfigurationBuilder {

    static final String ID = "sms-error-handling";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class).handled(false).maximumRedeliveries(0).logExhausted(false)
                .log(LoggingLevel.WARN, "mn.sanal.channels.sms", "${routeId}: ${exception.class.name}");
    }
}
