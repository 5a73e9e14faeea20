package mn.sanal.citizens;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The synthetic demo register, generated the same every time (fixed seed, fixed order): 12,200 people across
 * Sumber's 6 bags, 25 per bag for Jargalant's 12 bags (300) and 50 per bag for each Khentii soum's 4 bags (200 each).
 * <p>
 * Clearly synthetic: every register number starts with the letters {@value #LETTERS}; person number {@code i}
 * (0-based, in the order below) has the phone {@code 97688} + {@code i} in six digits, every person with
 * {@code i % 20 == 7} also {@code 97699} + {@code i} in six digits, and every person with {@code i % 50 == 49} no phone.
 * Names are drawn from a list of common Mongolian names; birth dates from 1941 to 2010 (some are under 18).
 */
public final class DemoRegisterData {

    public static final String LETTERS = "ЯЯ";
    static final long SEED = 20261123L;

    /** Residents per bag, in generation order. */
    public static final Map<String, Integer> BAGS = bags();

    private static final String[] GIVEN = {"Батболд", "Сарантуяа", "Оюунчимэг", "Төмөрбаатар", "Нарангэрэл",
            "Болормаа", "Мөнх-Очир", "Алтанцэцэг", "Отгонбаяр", "Дэлгэрмаа", "Эрдэнэбат", "Уранчимэг", "Байгалмаа",
            "Ариунаа", "Ганхуяг", "Золзаяа", "Энхтуяа", "Хишигт", "Цэцэгмаа", "Мөнхзул", "Бямбасүрэн", "Солонго",
            "Тэмүүлэн", "Навчаа", "Батжаргал", "Анужин", "Ганбат", "Номин", "Жаргал", "Оюунаа", "Билгүүн",
            "Мөнхтуяа", "Түмэнжаргал", "Сэлэнгэ", "Өлзий", "Тэлмүүн", "Хулан", "Энхжин", "Дөлгөөн", "Сүхбат"};
    private static final String[] FAMILY = {"Дорж", "Ганбаатар", "Бат-Эрдэнэ", "Нямдорж", "Сүхбаатар", "Пүрэвдорж",
            "Энхбаяр", "Ганзориг", "Цэрэндорж", "Жаргалсайхан", "Лхагвасүрэн", "Баттулга", "Чинбат", "Мягмарсүрэн",
            "Очирбат", "Баасанжав", "Дашням", "Болд", "Түвшин", "Амарсанаа", "Гомбо", "Даваадорж", "Сономдорж",
            "Цогт", "Буянтогтох", "Пүрэв", "Сэр-Од", "Дамдин", "Батсүх", "Ренчин", "Гантулга", "Жамсран"};

    /** One generated person: {@code index} is the person number the phones are made of. */
    public record Person(int index, String registerNo, String familyName, String givenName, LocalDate birthDate,
                         String aimagCode, String soumCode, String bagCode, List<String> phones) {
    }

    private DemoRegisterData() {
    }

    private static Map<String, Integer> bags() {
        Map<String, Integer> b = new LinkedHashMap<>();
        int[] sumber = {2400, 2200, 2100, 1900, 1800, 1800};
        for (int i = 0; i < sumber.length; i++) {
            b.put("govisumber.sumber." + (i + 1), sumber[i]);
        }
        for (int i = 1; i <= 12; i++) {
            b.put("khovd.jargalant." + i, 25);
        }
        for (String soum : List.of("khentii.delgerkhaan", "khentii.jargaltkhaan", "khentii.batshireet")) {
            for (int i = 1; i <= 4; i++) {
                b.put(soum + "." + i, 50);
            }
        }
        return Collections.unmodifiableMap(b);
    }

    /** Phone 1 of person {@code i}. */
    public static String firstPhone(int i) {
        return String.format("97688%06d", i);
    }

    /** Phone 2 of person {@code i} (only if {@code i % 20 == 7}). */
    public static String secondPhone(int i) {
        return String.format("97699%06d", i);
    }

    /** Everybody, in order. */
    public static List<Person> people() {
        Random random = new Random(SEED);
        Set<String> numbers = new HashSet<>();
        List<Person> people = new ArrayList<>();
        LocalDate first = LocalDate.of(1941, 1, 1);
        int span = (int) (LocalDate.of(2010, 12, 31).toEpochDay() - first.toEpochDay());
        int i = 0;
        for (Map.Entry<String, Integer> bag : BAGS.entrySet()) {
            String bagCode = bag.getKey();
            String soumCode = bagCode.substring(0, bagCode.lastIndexOf('.'));
            String aimagCode = soumCode.substring(0, soumCode.indexOf('.'));
            for (int k = 0; k < bag.getValue(); k++, i++) {
                LocalDate birth = first.plusDays(random.nextInt(span + 1));
                String given = GIVEN[random.nextInt(GIVEN.length)];
                String family = FAMILY[random.nextInt(FAMILY.length)];
                int serial = random.nextInt(100);
                String number;
                do {
                    number = LETTERS + RegisterNumbers.dateDigits(birth) + String.format("%02d", serial);
                    serial = (serial + 1) % 100;
                } while (!numbers.add(number));
                List<String> phones = i % 50 == 49 ? List.of()
                        : i % 20 == 7 ? List.of(firstPhone(i), secondPhone(i)) : List.of(firstPhone(i));
                people.add(new Person(i, number, family, given, birth, aimagCode, soumCode, bagCode, phones));
            }
        }
        return people;
    }
}
