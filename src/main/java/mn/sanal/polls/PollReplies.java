package mn.sanal.polls;

import java.util.List;

/**
 * What a voter is told, in Mongolian, one UCS-2 segment (70 characters) each with the longest code (С999999) and
 * option number: held by {@code PollRepliesLengthTest}.
 */
public final class PollReplies {

    public static final int MAX = 70;

    private PollReplies() {
    }

    public static String recorded(String code, int option) {
        return code + ": таны санал (" + option + ") бүртгэгдлээ. Баярлалаа.";
    }

    public static String alreadyVoted(String code) {
        return code + ": та өмнө санал өгсөн. Эхний санал тань тооцогдоно.";
    }

    public static String replaced(String code, int option) {
        return code + ": саналыг тань (" + option + ") болгож солилоо. Сүүлийнх тооцогдоно.";
    }

    /** A phone the register does not have (also a foreign number): how to enrol. */
    public static String notRegistered(String code) {
        return code + ": утас тань бүртгэлгүй. Бүртгүүлэх: БҮРТГЭЛ <регистр>";
    }

    public static String notInAudience(String code) {
        return code + ": энэ санал асуулга таны багт хамаарахгүй.";
    }

    public static String notEligible(String code, int minAge) {
        return code + ": " + minAge + " нас хүрээгүй тул санал өгөх эрхгүй.";
    }

    public static String closed(String code) {
        return code + ": санал авах хугацаа дууссан.";
    }

    public static String notOpenYet(String code, String opens) {
        return code + ": санал авч эхлээгүй. Эхлэх: " + opens;
    }

    /** Not one of the options: the options again when they fit, else their numbers; always an example. */
    public static String notAnOption(String code, List<String> options) {
        StringBuilder listed = new StringBuilder(code).append(":");
        for (int i = 0; i < options.size(); i++) {
            listed.append(' ').append(i + 1).append('=').append(options.get(i));
        }
        String full = listed + ". Жишээ: " + code + " 1";
        if (full.length() <= MAX) {
            return full;
        }
        return code + ": 1-" + options.size() + " хүртэлх дугаар илгээнэ үү. Жишээ: " + code + " 1";
    }

    /** How to answer, for the announcement: "С12 <дугаар>". */
    public static String howToAnswer(String code) {
        return "Хариулт: " + code + " <дугаар>";
    }
}
