package mn.sanal.petitions;

import static mn.sanal.platform.Clocks.formatDate;

import java.time.OffsetDateTime;

/**
 * What citizens read, in Mongolian. Most of it goes out as SMS: every text the system writes by itself fits one UCS-2
 * segment (70 characters) with the longest values it can carry (AutomaticSmsLengthTest), so one reply is one billed
 * message. Texts that carry an official's words keep their frame short.
 */
public final class CitizenTexts {

    private CitizenTexts() {
    }

    /** The code is given as the status command itself, which also tells how to check. */
    public static String acknowledged(Petition p) {
        if (!p.type().hasDeadline()) {
            return "Баярлалаа! Талархлыг тань байгууллагад уламжилна. Код " + p.trackingCode();
        }
        String object = p.type().accusativeMn();
        return Character.toUpperCase(object.charAt(0)) + object.substring(1) + " хүлээн авлаа. Хугацаа "
                + formatDate(p.dueAt()) + ". Шалгах: ШАЛГАХ " + p.trackingCode();
    }

    public static String extended(Petition p, OffsetDateTime newDue, String reason) {
        return "Өргөдөл " + p.trackingCode() + ": хугацааг " + formatDate(newDue) + " хүртэл сунгалаа."
                + (blank(reason) ? "" : " " + reason.strip());
    }

    /** The due date stays. One segment only for a body name of up to 11 characters: real names (24-46) take two. */
    public static String transferred(Petition p, String bodyName) {
        return "Өргөдөл " + p.trackingCode() + " шилжлээ. Хариуцагч: " + bodyName + ". Хугацаа "
                + formatDate(p.dueAt()) + ".";
    }

    public static String informationRequested(Petition p, String question, String waitDays) {
        return "Өргөдөл " + p.trackingCode() + ", асуулт: " + question.strip() + " Хариуг " + waitDays
                + " хоногт бичнэ үү.";
    }

    public static String answered(Petition p) {
        return "Өргөдөл " + p.trackingCode() + ", хариу: " + p.answer().strip() + " Үнэлнэ үү: 1-5 (5 маш сайн).";
    }

    public static String thanksForRating(Petition p, int rating) {
        return rating <= 2
                ? "Үнэлгээнд баярлалаа. Өргөдөл " + p.trackingCode() + ": хариуг хянагч дахин хянана."
                : "Үнэлгээ өгсөнд баярлалаа. Өргөдөл " + p.trackingCode() + " хаагдлаа.";
    }

    public static String reopened(Petition p) {
        return "Өргөдөл " + p.trackingCode() + ": дахин шалгаж байна. Хариу өгөх хугацаа: "
                + formatDate(p.dueAt()) + ".";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
