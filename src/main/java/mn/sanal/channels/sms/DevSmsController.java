package mn.sanal.channels.sms;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Development only (never in prod, only with the simulator): play the citizen. {@code POST /dev/sms} with {@code from}
 * and {@code text} sends an SMS as that phone to the short number; {@code GET /dev/sms/sent} lists what the app sent.
 */
@RestController
@Profile("!prod")
@ConditionalOnProperty(name = {"sanal.sms.enabled", "sanal.sms.simulator.enabled"}, havingValue = "true",
        matchIfMissing = true)
@RequestMapping(path = "/dev/sms", produces = MediaType.APPLICATION_JSON_VALUE)
class DevSmsController {

    private final SmscSimulator simulator;
    private final SmsProperties properties;

    DevSmsController(SmscSimulator simulator, SmsProperties properties) {
        this.simulator = simulator;
        this.properties = properties;
    }

    @PostMapping
    Map<String, Object> send(@RequestParam String from, @RequestParam String text) {
        List<SmscSimulator.DeliverResult> results = simulator.send(from, properties.sourceAddress(), text);
        return Map.of("parts", results.size(),
                "status", results.stream().map(r -> r.status() == 0 ? "OK" : "0x" + Integer.toHexString(r.status()))
                        .toList());
    }

    @GetMapping("/sent")
    List<SmscSimulator.SentSms> sent() {
        return simulator.sent();
    }
}
