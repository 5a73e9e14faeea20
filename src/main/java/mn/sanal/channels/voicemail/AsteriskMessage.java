package mn.sanal.channels.voicemail;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mn.sanal.channels.fax.FaxNumbers;

/** Asterisk's msgNNNN.txt: an INI file whose [message] section holds callerid, origtime, duration... */
record AsteriskMessage(String callerId, long origTime, int durationSeconds, String mailbox, String context) {

    private static final Pattern ANGLE_NUMBER = Pattern.compile("<\\s*([^<>]*)\\s*>");

    /** Parses the metadata; empty when it is not (yet) a complete Asterisk message file. */
    static Optional<AsteriskMessage> parse(String txt) {
        Map<String, String> values = new HashMap<>();
        boolean inMessage = false;
        for (String raw : txt.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                inMessage = line.equalsIgnoreCase("[message]");
                continue;
            }
            int eq = line.indexOf('=');
            if (inMessage && eq > 0) {
                values.put(line.substring(0, eq).strip().toLowerCase(), line.substring(eq + 1).strip());
            }
        }
        String origtime = values.get("origtime");
        String duration = values.get("duration");
        if (origtime == null || !origtime.matches("\\d+") || duration == null || !duration.matches("\\d+")) {
            return Optional.empty();
        }
        return Optional.of(new AsteriskMessage(values.getOrDefault("callerid", ""), Long.parseLong(origtime),
                Integer.parseInt(duration), values.get("origmailbox"), values.get("context")));
    }

    /** The caller's number from {@code "Name" <99112233>} or a bare number; empty for "Unknown"/withheld. */
    Optional<String> callerNumber() {
        Matcher m = ANGLE_NUMBER.matcher(callerId);
        return FaxNumbers.normalize(m.find() ? m.group(1) : callerId);
    }

    Optional<String> callerName() {
        int lt = callerId.indexOf('<');
        String name = (lt > 0 ? callerId.substring(0, lt) : "").replace("\"", "").strip();
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    Instant origInstant() {
        return Instant.ofEpochSecond(origTime);
    }
}
