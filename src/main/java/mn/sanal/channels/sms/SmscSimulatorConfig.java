package mn.sanal.channels.sms;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded SMSC simulator, on {@code sanal.sms.smsc.host} and {@code port} (the address the app binds to, loopback
 * by default), when {@code sanal.sms.simulator.enabled} (default on, off in prod). It accepts only the app's
 * {@code system-id} and {@code password}. It starts while the context is built, before Camel binds to it.
 */
@Configuration
@ConditionalOnProperty(name = {"sanal.sms.enabled", "sanal.sms.simulator.enabled"}, havingValue = "true",
        matchIfMissing = true)
class SmscSimulatorConfig {

    @Bean(initMethod = "start", destroyMethod = "close")
    SmscSimulator smscSimulator(SmsProperties properties) {
        SmsProperties.Smsc smsc = properties.smsc();
        return new SmscSimulator(smsc.host(), smsc.port(), smsc.systemId(), smsc.password(),
                properties.simulator().receiptDelay());
    }
}
