package mn.sanal.citizens;

import java.util.List;

/** What a citizen is told about enrolling a phone by SMS: each one UCS-2 SMS (at most 70 characters). */
public final class EnrolmentTexts {

    public static final String BOUND = "Таны утас иргэдийн бүртгэлд холбогдсон байна. Баярлалаа.";
    public static final String PENDING = "Хүсэлтийг багийн Засаг даргад илгээлээ. Хариуг SMS-ээр мэдэгдэнэ.";
    public static final String OTHER_PERSON = "Энэ утас өөр иргэний нэр дээр бүртгэлтэй. Багийн даргад хандана уу.";
    public static final String NOT_ON_REGISTER = "Регистр бүртгэлд алга. Сумын Засаг даргын Тамгын газарт хандана уу.";
    public static final String BAD_NUMBER = "Регистрийн дугаар буруу байна. Жишээ: БҮРТГЭЛ УБ90011512";
    public static final String NOT_MOBILE = "Зөвхөн Монголын гар утсыг бүртгэнэ.";
    public static final String APPROVED = "Багийн Засаг дарга зөвшөөрч, таны утсыг бүртгэлд холболоо.";
    public static final String REFUSED = "Утсыг бүртгэлд холбох хүсэлтийг багийн Засаг дарга зөвшөөрсөнгүй.";

    public static final List<String> ALL = List.of(BOUND, PENDING, OTHER_PERSON, NOT_ON_REGISTER, BAD_NUMBER,
            NOT_MOBILE, APPROVED, REFUSED);

    private EnrolmentTexts() {
    }
}
