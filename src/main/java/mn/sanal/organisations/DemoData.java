package mn.sanal.organisations;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo organisation on real places (default and postgres profiles; never prod): for each demo soum a Governor's
 * office, Khural, health centre, school and land office with one official each; the soum Governor heads the
 * executive bodies and the Khural chair the Khural; one supervisor per aimag; a process owner and a clerk; two operators
 * of the 11-11 call centre and the staff of Jargalant's mobile citizens' hall, who register petitions brought in
 * person or by phone. Every demo password is "demo". Idempotent: runs at every start.
 */
@Component
@ConditionalOnProperty(name = "sanal.demo.enabled", havingValue = "true")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String PASSWORD = "demo";

    record DemoSoum(String code, String shortName) {
    }

    static final List<DemoSoum> SOUMS = List.of(
            new DemoSoum("govisumber.sumber", "sumber"),
            new DemoSoum("khentii.delgerkhaan", "delgerkhaan"),
            new DemoSoum("khentii.jargaltkhaan", "jargaltkhaan"),
            new DemoSoum("khentii.batshireet", "batshireet"),
            new DemoSoum("khovd.jargalant", "jargalant"));

    private static final String[][] NAMES = {
            {"Батболд", "Дорж"}, {"Сарантуяа", "Ганбаатар"}, {"Оюунчимэг", "Бат-Эрдэнэ"}, {"Төмөрбаатар", "Нямдорж"},
            {"Нарангэрэл", "Сүхбаатар"}, {"Болормаа", "Пүрэвдорж"}, {"Мөнх-Очир", "Энхбаяр"}, {"Алтанцэцэг", "Ганзориг"},
            {"Отгонбаяр", "Цэрэндорж"}, {"Дэлгэрмаа", "Жаргалсайхан"}, {"Эрдэнэбат", "Лхагвасүрэн"},
            {"Уранчимэг", "Баттулга"}, {"Байгалмаа", "Чинбат"}, {"Ариунаа", "Мягмарсүрэн"}, {"Ганхуяг", "Очирбат"},
            {"Золзаяа", "Баасанжав"}, {"Энхтуяа", "Дашням"}, {"Хишигт", "Болд"}, {"Цэцэгмаа", "Түвшин"},
            {"Мөнхзул", "Амарсанаа"}, {"Бямбасүрэн", "Гомбо"}, {"Солонго", "Даваадорж"}, {"Тэмүүлэн", "Халиун"},
            {"Навчаа", "Сономдорж"}, {"Батжаргал", "Цогт"}, {"Анужин", "Буянтогтох"}, {"Ганбат", "Пүрэв"},
            {"Номин", "Эрдэнэчимэг"}, {"Жаргал", "Сэр-Од"}, {"Оюунаа", "Дамдин"}, {"Билгүүн", "Батсүх"},
            {"Мөнхтуяа", "Ренчин"}, {"Түмэнжаргал", "Ганчимэг"}, {"Сэлэнгэ", "Гантулга"}, {"Өлзий", "Жамсран"},
            {"Тэлмүүн", "Эрдэнэсүх"}, {"Хулан", "Бадрах"}, {"Энхжин", "Лувсан"}};

    private final OrganisationService organisations;
    private final BodyAccess access;
    private final IdentityService identity;
    private int nameIndex;

    DemoData(OrganisationService organisations, BodyAccess access, IdentityService identity) {
        this.organisations = organisations;
        this.access = access;
        this.identity = identity;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    @Transactional
    void load() {
        nameIndex = 0;
        access.setUpHeads();
        for (DemoSoum soum : SOUMS) {
            OrgUnit unit = organisations.unit(soum.code()).orElseThrow();
            String governor = user(soum.shortName() + ".governor", "Засаг дарга");
            String chair = user(soum.shortName() + ".chair", "ИТХ-ын дарга");
            access.addMember(governor, Groups.HEADS);
            access.addMember(chair, Groups.HEADS);
            for (Body.Kind kind : Body.Kind.values()) {
                String code = soum.shortName() + "-" + kind.name().toLowerCase().replace('_', '-');
                Body body = new Body(code, unit.nameMn() + " сумын " + kind.labelMn(), kind, unit.code(),
                        unit.parentCode(), Groups.body(code), kind == Body.Kind.KHURAL ? chair : governor);
                organisations.saveBody(body);
                access.setUpBody(body);
                access.addMember(user(soum.shortName() + "." + shortKind(kind), kind.labelMn()), body.groupId());
            }
        }
        for (OrgUnit aimag : organisations.units()) {
            if (aimag.level() == OrgUnit.Level.AIMAG) {
                access.setUpSupervisors(aimag.code(), aimag.nameMn());
                access.addMember(user(aimag.code() + ".supervisor", aimag.nameMn() + " аймгийн хянагч"),
                        Groups.supervisors(aimag.code()));
            }
        }
        access.setUpProcessOwners();
        access.addMember(user("owner", "Үйл явцын эзэн"), Groups.PROCESS_OWNERS);
        access.setUpClerks();
        access.addMember(user("clerk", "Өргөдөл ангилагч"), Groups.CLERKS);
        access.setUpCallCentre();
        access.addMember(user("operator1", "11-11 төвийн оператор"), Groups.CALL_CENTRE);
        access.addMember(user("operator2", "11-11 төвийн оператор"), Groups.CALL_CENTRE);
        access.setUpMobileHall(Groups.mobileHall("jargalant"), "Жаргалант сумын иргэдэд үйлчлэх явуулын танхим");
        access.addMember(user("jargalant.hall", "Явуулын танхимын ажилтан"), Groups.mobileHall("jargalant"));
        log.info("Demo organisation ready: {} soums, {} bodies; every demo password is '{}'", SOUMS.size(),
                organisations.bodies().size(), PASSWORD);
    }

    static String shortKind(Body.Kind kind) {
        return switch (kind) {
            case GOVERNOR_OFFICE -> "office";
            case KHURAL -> "khural";
            case HEALTH -> "health";
            case EDUCATION -> "school";
            case LAND -> "land";
        };
    }

    private String user(String id, String role) {
        String[] name = NAMES[nameIndex++ % NAMES.length];
        if (identity.createUserQuery().userId(id).count() == 0) {
            User u = identity.newUser(id);
            u.setFirstName(name[0]);
            u.setLastName(name[1] + " (" + role + ")");
            u.setEmail(id + "@sanal.example");
            u.setPassword(PASSWORD);
            identity.saveUser(u);
        }
        return id;
    }
}
