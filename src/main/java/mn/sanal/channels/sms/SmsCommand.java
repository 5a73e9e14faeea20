package mn.sanal.channels.sms;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import mn.sanal.petitions.PetitionType;
import mn.sanal.petitions.TrackingCodes;

/**
 * What a citizen's SMS asks for. Keywords in Mongolian Cyrillic or the Latin people type, any case; anything that is
 * not a keyword is text (a new petition, or a reply to our question).
 */
sealed interface SmsCommand {

    /** Free text; {@code type} from an optional leading word, {@code typeGiven} if that word was there. */
    record Text(String text, PetitionType type, boolean typeGiven) implements SmsCommand {
    }

    /** ШАЛГАХ / shalgah / STATUS with what followed; {@code code} empty if it is no tracking code. */
    record Status(Optional<String> code, String typed) implements SmsCommand {
    }

    record Rating(int value) implements SmsCommand {
    }

    record Stop() implements SmsCommand {
    }

    record Start() implements SmsCommand {
    }

    record Help() implements SmsCommand {
    }

    record Empty() implements SmsCommand {
    }

    Locale MN = Locale.forLanguageTag("mn");
    Set<String> STATUS = Set.of("шалгах", "shalgah", "shalgakh", "status", "статус");
    Set<String> STOP = Set.of("зогс", "зогсоох", "stop", "zogs");
    Set<String> START = Set.of("эхлэх", "start", "ehleh", "ekhlekh");
    Set<String> HELP = Set.of("тусламж", "help", "tuslamj", "tuslamzh", "?");

    static SmsCommand parse(String sms) {
        String text = sms == null ? "" : sms.strip().replaceAll("\\s+", " ");
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
            return new Text(rest, type.get(), true);
        }
        return new Text(text, PetitionType.REQUEST, false);
    }
}
