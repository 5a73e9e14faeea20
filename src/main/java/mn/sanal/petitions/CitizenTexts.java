package mn.sanal.petitions;

import static mn.sanal.platform.Clocks.formatDate;

import java.time.OffsetDateTime;

/** What citizens read, in Mongolian. Short: most of it goes out as SMS. */
public final class CitizenTexts {

    private CitizenTexts() {
    }

    public static String acknowledged(Petition p) {
        if (!p.type().hasDeadline()) {
            return "Таны талархлыг хүлээн авлаа, холбогдох байгууллагад уламжилна. Баярлалаа! Код: "
                    + p.trackingCode();
        }
        return "Таны " + p.type().accusativeMn() + " хүлээн авлаа. Код: " + p.trackingCode()
                + ". Хариу өгөх хугацаа: " + formatDate(p.dueAt()) + ". Шалгах: ШАЛГАХ " + p.trackingCode();
    }

    public static String extended(Petition p, OffsetDateTime newDue, String reason) {
        return "Өргөдөл " + p.trackingCode() + ": шийдвэрлэх хугацааг " + formatDate(newDue)
                + " хүртэл сунгалаа." + (blank(reason) ? "" : " Шалтгаан: " + reason.strip());
    }

    public static String transferred(Petition p, String bodyName) {
        return "Өргөдөл " + p.trackingCode() + ": харьяаллын дагуу шилжүүллээ. Хариуцагч: " + bodyName
                + ". Хариу өгөх хугацаа: " + formatDate(p.dueAt()) + ".";
    }

    public static String informationRequested(Petition p, String question, String waitDays) {
        return "Өргөдөл " + p.trackingCode() + ": нэмэлт мэдээлэл хэрэгтэй байна. " + question.strip()
                + " Энэ мессежид " + waitDays + " хоногийн дотор хариу бичнэ үү.";
    }

    public static String answered(Petition p) {
        return "Өргөдөл " + p.trackingCode() + ", хариу: " + p.answer().strip()
                + " Хариуг 1-5 оноогоор үнэлнэ үү (5 - маш сайн).";
    }

    public static String thanksForRating(Petition p, int rating) {
        return rating <= 2
                ? "Үнэлгээ өгсөнд баярлалаа. Өргөдөл " + p.trackingCode()
                        + ": хяналтын албан тушаалтан дахин хянана."
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
