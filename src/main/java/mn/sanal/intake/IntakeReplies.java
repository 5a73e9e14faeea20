package mn.sanal.intake;

import mn.sanal.petitions.Petition;
import mn.sanal.platform.Clocks;

/**
 * What intake itself answers, in Mongolian, on whatever channel the message came (most of it goes out as SMS).
 * Acknowledgements of new petitions, thanks for a rating and answers come from the process.
 */
final class IntakeReplies {

    static final String HELP = "Санал: өргөдлөө бичээд илгээнэ үү (эхэнд нь ГОМДОЛ, САНАЛ, ХҮСЭЛТ эсвэл ТАЛАРХАЛ "
            + "гэж бичиж болно). Шалгах: ШАЛГАХ <код>. Хариуг үнэлэх: 1-5. Мэдээлэл зогсоох: ЗОГС, дахин авах: ЭХЛЭХ.";
    static final String EMPTY = "Хоосон мессеж ирлээ. " + HELP;
    static final String STOPPED = "Та мэдээллийн жагсаалтаас гарлаа. Өргөдлийнхөө хариуг авсаар байна. "
            + "Дахин авах бол ЭХЛЭХ гэж илгээнэ үү.";
    static final String STARTED = "Та мэдээлэл дахин авахаар бүртгэгдлээ. Зогсоох бол ЗОГС гэж илгээнэ үү.";
    static final String STATUS_NO_CODE = "Өргөдлийн кодоо бичнэ үү, жишээ нь: ШАЛГАХ K7Q2-9XMD";
    static final String NO_RATING_AWAITED = "Танд үнэлгээ хүлээж буй өргөдөл алга байна. "
            + "Шинэ өргөдөл илгээх бол текстээ бичнэ үү. Тусламж: ТУСЛАМЖ";
    static final String TYPE_WITHOUT_TEXT = "Өргөдлийнхөө агуулгыг бичнэ үү, жишээ нь: ГОМДОЛ Манай багт ус тасарсан.";
    static final String RATING_RANGE = "Үнэлгээ 1-5 хооронд байна.";
    static final String INFORMATION_EMPTY = "Хоосон мессеж ирлээ. Нэмэлт мэдээллээ бичиж илгээнэ үү.";
    /** The text of a petition or follow-up that came with files only. */
    static final String FILES_ONLY = "(Иргэн зөвхөн хавсралт илгээсэн)";

    private IntakeReplies() {
    }

    static String status(Petition p) {
        StringBuilder sb = new StringBuilder("Өргөдөл ").append(p.trackingCode()).append(": ")
                .append(p.status().labelMn()).append('.');
        if (p.dueAt() != null && p.status().isOpen()) {
            sb.append(" Хариу өгөх хугацаа: ").append(Clocks.formatDate(p.dueAt())).append('.');
            if (p.overdue()) {
                sb.append(" Хугацаа хэтэрсэн.");
            }
        }
        return sb.toString();
    }

    static String statusNotFound(String code) {
        return code + " кодтой өргөдөл энэ дугаараас бүртгэгдээгүй байна. Кодоо шалгаад дахин илгээнэ үү.";
    }

    static String notAwaitingRating(Petition p) {
        return "Өргөдөл " + p.trackingCode() + " одоогоор үнэлгээ хүлээгээгүй байна.";
    }

    static String notAwaitingInformation(Petition p) {
        return "Өргөдөл " + p.trackingCode() + " одоогоор нэмэлт мэдээлэл хүлээгээгүй байна.";
    }

    static String informationReceived(Petition p) {
        return "Өргөдөл " + p.trackingCode() + ": нэмэлт мэдээллийг хүлээн авлаа. Баярлалаа.";
    }

    /** A follow-up was added to the open case: the official who holds it sees it. */
    static String followUpAdded(Petition p) {
        return "Өргөдөл " + p.trackingCode() + ": таны мэдээллийг хэрэгт нэмж, шийдвэрлэж буй албан тушаалтанд "
                + "хүргэлээ.";
    }
}
