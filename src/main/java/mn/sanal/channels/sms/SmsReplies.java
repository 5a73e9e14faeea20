package mn.sanal.channels.sms;

import mn.sanal.petitions.Petition;
import mn.sanal.platform.Clocks;

/**
 * What the SMS channel itself answers, in Mongolian; each fits one UCS-2 segment (70 characters) with the longest
 * values it can carry (AutomaticSmsLengthTest). Acknowledgements of new petitions come from the process.
 */
final class SmsReplies {

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

    private SmsReplies() {
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

    static String informationReceived(Petition p) {
        return "Өргөдөл " + p.trackingCode() + ": нэмэлт мэдээллийг хүлээн авлаа. Баярлалаа.";
    }

    static String incompleteNote(int arrived, int total) {
        return " [SMS дутуу ирсэн: " + total + " хэсгээс " + arrived + " нь]";
    }
}
