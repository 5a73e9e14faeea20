package mn.sanal.ldf;

import java.util.List;

/**
 * What the fund says to citizens by SMS and mail. Every automatic text fits one UCS-2 SMS (70 characters); proposal
 * numbers and amounts are counted at their longest (a 7-digit number, an amount of 1 billion).
 */
public final class LdfTexts {

    private LdfTexts() {
    }

    public static String received(long number) {
        return "ОНХС: таны саналын дугаар " + number + ". Баярлалаа.";
    }

    public static final String CLOSED = "ОНХС: энэ оны санал авах хугацаа дууссан. Баярлалаа.";
    public static final String NO_CYCLE = "ОНХС: таны суманд санал авч буй мөчлөг алга.";
    public static final String NO_PLACE = "ОНХС: сум, багаа бичнэ үү. Ж: ОНХС Сүмбэр 2-р баг худаг";
    public static final String EMPTY = "ОНХС: саналаа бичнэ үү. Ж: ОНХС Сүмбэр 2-р баг худаг";
    public static final String TOO_LONG = "ОНХС: санал 2000 тэмдэгтээс урт байна.";
    public static final String NO_PROPOSAL = "ОНХС: ийм дугаартай, санал авч буй төсөл алга.";

    public static String commentReceived(long number) {
        return "ОНХС №" + number + ": таны саналыг хүлээн авлаа.";
    }

    public static String approved(long number, long amount) {
        return "ОНХС №" + number + ": ИТХ баталлаа, " + amount + "₮.";
    }

    public static String refused(long number) {
        return "ОНХС №" + number + ": ИТХ энэ жил батлаагүй. Баярлалаа.";
    }

    public static String voted(long number) {
        return "ОНХС №" + number + ": таны үнэлгээг бүртгэлээ. Баярлалаа.";
    }

    public static String votedBefore(long number) {
        return "ОНХС №" + number + ": таны үнэлгээ өмнө бүртгэгдсэн.";
    }

    /** The draft list's announcement to a bag (a broadcast: up to 670 characters). */
    public static String draftAnnouncement(String bag, List<String> items, String until) {
        StringBuilder s = new StringBuilder("ОНХС " + bag + ", хэлэлцүүлэг:");
        String tail = " Санал: ОНХС <дугаар> <санал>, " + until + " хүртэл.";
        for (String item : items) {
            if (s.length() + item.length() + 2 + tail.length() > 670) {
                break;
            }
            s.append(' ').append(item).append(';');
        }
        return s.append(tail).toString();
    }

    /** The citizens' verdict question (a broadcast). */
    public static String verdictQuestion(long number, String title) {
        String t = title.length() > 60 ? title.substring(0, 59) + "…" : title;
        return "ОНХС №" + number + " \"" + t + "\"-ын чанарыг 1-5 оноогоор үнэлнэ үү. Хариу: ОНХС " + number + " 5";
    }

    public static String reviewReminder(String title) {
        return "ОНХС: \"" + title + "\" төслийн улирлын хяналтыг хийнэ үү.";
    }

    /** Every fixed text, for the length test. */
    static List<String> fixed() {
        return List.of(received(9_999_999), CLOSED, NO_CYCLE, NO_PLACE, EMPTY, TOO_LONG, NO_PROPOSAL,
                commentReceived(9_999_999), approved(9_999_999, 1_000_000_000L), refused(9_999_999),
                voted(9_999_999), votedBefore(9_999_999));
    }
}
