package mn.sanal.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mn.sanal.petitions.PetitionType;
import mn.sanal.petitions.TrackingCodes;

/**
 * What a citizen's message asks for, on every channel: keywords in Mongolian Cyrillic or the Latin people type, any
 * case, in the text (an SMS, a mail's own words, a web reply) or in a mail's subject. Anything that is not a keyword
 * is text: a new petition, information we asked for, or a follow-up to a case it names.
 */
sealed interface Command {

    /** Free text; {@code type} from an optional leading word, {@code typeGiven} if that word was there. */
    record Text(String text, PetitionType type, boolean typeGiven) implements Command {
    }

    /** ШАЛГАХ / shalgah / STATUS with what followed; {@code code} empty if it is no tracking code. */
    record Status(Optional<String> code, String typed) implements Command {
    }

    record Rating(int value) implements Command {
    }

    record Stop() implements Command {
    }

    record Start() implements Command {
    }

    record Help() implements Command {
    }

    record Empty() implements Command {
    }

    Locale MN = Locale.forLanguageTag("mn");
    Set<String> STATUS = Set.of("шалгах", "shalgah", "shalgakh", "status", "статус");
    Set<String> STOP = Set.of("зогс", "зогсоох", "stop", "zogs");
    Set<String> START = Set.of("эхлэх", "start", "ehleh", "ekhlekh");
    Set<String> HELP = Set.of("тусламж", "help", "tuslamj", "tuslamzh", "?");

    /** A tracking code written with its dash anywhere in a text: K7Q2-9XMD, k7q2-9xmd. */
    Pattern CODE = Pattern.compile("(?<![0-9A-Za-z])([0-9A-Za-z]{4}-[0-9A-Za-z]{4})(?![0-9A-Za-z])");
    /** A mail reply that rates: "5", "5/5", "4. Баярлалаа", "3 дунд зэрэг". */
    Pattern LEADING_RATING = Pattern.compile("^\\s*([1-5])\\s*(?:/\\s*5)?\\s*(?:$|[.!,\\s].*)", Pattern.DOTALL);

    /** One text: an SMS, a web reply, a mail without subject. */
    static Command parse(String message) {
        String original = message == null ? "" : message.strip();
        String text = original.replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return new Empty();
        }
        String[] words = text.split(" ", 2);
        String first = words[0].toLowerCase(MN).replaceAll("[.,:!;]+$", "");
        String rest = words.length > 1 ? words[1].strip() : "";
        if (STATUS.contains(first)) {
            return new Status(TrackingCodes.normalize(rest), rest);
        }
        if (rest.isEmpty()) {
            if (STOP.contains(first)) {
                return new Stop();
            }
            if (START.contains(first)) {
                return new Start();
            }
            if (HELP.contains(first)) {
                return new Help();
            }
            if (first.matches("[1-5]")) {
                return new Rating(Integer.parseInt(first));
            }
        }
        Optional<PetitionType> type = PetitionType.fromKeyword(first);
        if (type.isPresent()) {
            // the citizen's own line breaks stay; only the leading word goes
            return new Text(original.substring(original.split("\\s", 2)[0].length()).strip(), type.get(), true);
        }
        return new Text(original, PetitionType.REQUEST, false);
    }

    /**
     * A mail: the subject's command when the subject is one ({@code ШАЛГАХ <код>} whatever the body says; ЗОГС, ЭХЛЭХ,
     * ТУСЛАМЖ or a rating when the body is empty), else a keyword that is the whole body, else text: subject and body
     * together, the type from the subject's first word or else the body's.
     */
    static Command parse(String subject, String body) {
        if (subject == null || subject.isBlank()) {
            return parse(body);
        }
        boolean bodyBlank = body == null || body.isBlank();
        Command s = parse(subject);
        if (s instanceof Status st && (st.code().isPresent() || bodyBlank)) {
            return s;
        }
        if (bodyBlank && !(s instanceof Text)) {
            return s;
        }
        Command b = parse(body);
        if (!(b instanceof Text) && !(b instanceof Empty)) {
            return b;
        }
        String whole = bodyBlank ? subject.strip() : subject.strip() + "\n\n" + body.strip();
        if (s instanceof Text st && st.typeGiven()) {
            return new Text(whole, st.type(), true);
        }
        if (b instanceof Text bt && bt.typeGiven()) {
            return new Text(whole, bt.type(), true);
        }
        return new Text(whole, PetitionType.REQUEST, false);
    }

    /** The tracking codes a text names, in order: written with the dash anywhere, or without it as the first word. */
    static List<String> codes(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        String first = text.strip().split("\\s+", 2)[0].replaceAll("[.,:!;]+$", "");
        if (first.matches("[0-9A-Za-z]{8}")) {
            TrackingCodes.normalize(first).ifPresent(out::add);
        }
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            TrackingCodes.normalize(m.group(1)).filter(c -> !out.contains(c)).ifPresent(out::add);
        }
        return out;
    }

    /** The rating a reply to our answer starts with ("5", "4/5", "3. Дунд зэрэг"), if it starts with one. */
    static OptionalInt leadingRating(String text) {
        Matcher r = LEADING_RATING.matcher(text == null ? "" : text);
        return r.matches() ? OptionalInt.of(Integer.parseInt(r.group(1))) : OptionalInt.empty();
    }
}
