package mn.sanal.intake;

import mn.sanal.petitions.Petition;
import mn.sanal.platform.Clocks;

/**
 * What intake itself answers, in Mongolian, on whatever channel the message came. Most of it goes out as SMS: each
 * fits one UCS-2 segment (70 characters) with the longest values it can carry (IntakeRepliesLengthTest).
 * Acknowledgements of new petitions, thanks for a rating and answers come from the process.
 */
final class IntakeReplies {

    /** The type keywords (ГОМДОЛ, САНАЛ...) do not fit beside these; they are optional (a request by default). */
    static final String HELP = "Өргөдлөө бичиж илгээнэ үү. Явц: ШАЛГАХ код. Үнэлэх: 1-5. Зогсоох: ЗОГС";
    static final String EMPTY = "Хоосон мессеж ирлээ. Өргөдлөө бичиж илгээнэ үү. Тусламж: ТУСЛАМЖ";
    static final String STOPPED = "Мэдээлэл зогсоолоо. Өргөдлийн хариу ирсээр байна. Дахин авах: ЭХЛЭХ";
    static final String STARTED = "Та мэдээлэл дахин авахаар бүртгэгдлээ. Зогсоох: ЗОГС";
    static final String STATUS_NO_CODE = "Өргөдлийн кодоо бичнэ үү, жишээ нь: ШАЛГАХ K7Q2-9XMD";
    /** What followed ШАЛГАХ is no tracking code; it is not echoed (it may be long). */
    static final String STATUS_BAD_CODE = "Код буруу байна. Жишээ нь: ШАЛГАХ K7Q2-9XMD";
    static final String NO_RATING_AWAITED = "Танд үнэлгээ хүлээж буй өргөдөл алга байна. Тусламж: ТУСЛАМЖ";
    static final String TYPE_WITHOUT_TEXT = "Өргөдлийн агуулгаа бичнэ үү, жишээ нь: ГОМДОЛ Манай багт ус тасарсан.";
    static final String RATING_RANGE = "Үнэлгээ 1-5 хооронд байна.";
    static final String INFORMATION_EMPTY = "Хоосон мессеж ирлээ. Нэмэлт мэдээллээ бичиж илгээнэ үү.";
    /** The text of a petition or follow-up that came with files only. */
    static final String FILES_ONLY = "(Иргэн зөвхөн хавсралт илгээсэн)";

    private IntakeReplies() {
    }

    static String tooLong() {
        return "Мессеж хэт урт байна (" + IntakeService.MAX_TEXT_LENGTH + " тэмдэгтээс ихгүй).";
    }

    static String status(Petition p) {
        StringBuilder sb = new StringBuilder("Өргөдөл ").append(p.trackingCode()).append(": ")
                .append(p.status().labelMn()).append('.');
        if (p.dueAt() != null && p.status().isOpen()) {
            sb.append(p.overdue() ? " Хугацаа хэтэрсэн." : " Хугацаа " + Clocks.formatDate(p.dueAt()) + ".");
        }
        return sb.toString();
    }

    static String statusNotFound(String code) {
        return code + " кодтой өргөдөл энэ дугаараас олдсонгүй. Кодоо шалгана уу.";
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
        return "Өргөдөл " + p.trackingCode() + ": мэдээллийг тань хэрэгт нэмж, хариуцагчид хүргэлээ.";
    }
}
