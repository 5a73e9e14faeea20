package mn.sanal.citizens;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import mn.sanal.organisations.OrgUnit;
import mn.sanal.organisations.OrganisationService;

/**
 * The citizen register as other features read it: the person of a phone, the phones an audience (a soum, or some
 * of its bags) may be sent to, residents per bag, a person's age. Phones come in the stored form 976XXXXXXXX (other
 * forms are normalised, see {@link CitizenPhones}).
 * <p>
 * "Eligible" = a phone of a person who lives in the audience and has not opted out of broadcasts on SMS
 * ({@code ЗОГС} / {@code STOP}, intake's table {@code opt_out}). A person with two phones has two eligible phones.
 * Lists come in pages by keyset (phone order, {@code afterPhone} exclusive), never the whole soum in one list.
 */
@Service
@Transactional(readOnly = true)
public class CitizenRegister {

    /** Page size of {@link #forEachEligiblePage}. */
    public static final int PAGE_SIZE = 1000;

    private static final String CITIZEN_COLUMNS =
            "c.id, c.register_no, c.family_name, c.given_name, c.birth_date, c.aimag_code, c.soum_code, c.bag_code";

    private final JdbcClient jdbc;
    private final OrganisationService organisations;

    CitizenRegister(JdbcClient jdbc, OrganisationService organisations) {
        this.jdbc = jdbc;
        this.organisations = organisations;
    }

    /** The person this phone belongs to, if the register has the phone. */
    public Optional<Citizen> personOfPhone(String phone) {
        Optional<String> p = CitizenPhones.normalize(phone);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + CITIZEN_COLUMNS
                        + " FROM citizen_phone p JOIN citizen c ON c.id = p.citizen_id WHERE p.phone = ?")
                .param(p.get()).query(CitizenRegister::citizen).optional();
    }

    public Optional<Citizen> byRegisterNo(String registerNo) {
        return jdbc.sql("SELECT " + CITIZEN_COLUMNS + " FROM citizen c WHERE c.register_no = ?")
                .param(RegisterNumbers.normalize(registerNo)).query(CitizenRegister::citizen).optional();
    }

    public Optional<Citizen> byId(long id) {
        return jdbc.sql("SELECT " + CITIZEN_COLUMNS + " FROM citizen c WHERE c.id = ?")
                .param(id).query(CitizenRegister::citizen).optional();
    }

    /** The person's phones, in order. */
    public List<String> phonesOf(long citizenId) {
        return jdbc.sql("SELECT phone FROM citizen_phone WHERE citizen_id = ? ORDER BY phone")
                .param(citizenId).query(String.class).list();
    }

    /** Full years of age of the person on {@code date}; empty if there is no such person. */
    public OptionalInt ageAt(long citizenId, LocalDate date) {
        return byId(citizenId).map(c -> OptionalInt.of(c.ageAt(date))).orElse(OptionalInt.empty());
    }

    /** True if the person lives in the audience's soum and, if it names bags, in one of them. */
    public static boolean includes(Audience audience, Citizen citizen) {
        return audience.soumCode().equals(citizen.soumCode())
                && (audience.wholeSoum() || audience.bagCodes().contains(citizen.bagCode()));
    }

    /**
     * One page of the eligible phones of an audience, in phone order, after {@code afterPhone} (null: from the
     * start), at most {@code limit}. The next page starts after the last phone of this one; an empty page is the end.
     */
    public List<RegisteredPhone> eligiblePhones(Audience audience, String afterPhone, int limit) {
        check(audience);
        return jdbc.sql("SELECT p.phone, p.citizen_id, c.bag_code " + eligibleFrom(audience)
                        + " AND p.phone > :after ORDER BY p.phone LIMIT :limit")
                .params(params(audience, afterPhone == null ? "" : afterPhone, limit))
                .query((rs, i) -> new RegisteredPhone(rs.getString(1), rs.getLong(2), rs.getString(3))).list();
    }

    /**
     * Every eligible phone of the audience, page by page ({@link #PAGE_SIZE}): each page is read in its own short
     * read; {@code page} may write in transactions of its own between pages.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public long forEachEligiblePage(Audience audience, Consumer<List<RegisteredPhone>> page) {
        String after = null;
        long n = 0;
        while (true) {
            List<RegisteredPhone> phones = eligiblePhones(audience, after, PAGE_SIZE);
            if (phones.isEmpty()) {
                return n;
            }
            page.accept(phones);
            n += phones.size();
            after = phones.get(phones.size() - 1).phone();
        }
    }

    /** How many phones {@link #eligiblePhones} gives for the audience. */
    public long countEligiblePhones(Audience audience) {
        check(audience);
        return jdbc.sql("SELECT COUNT(*) " + eligibleFrom(audience))
                .params(params(audience, null, 0)).query(Long.class).single();
    }

    /** Registered phones of the audience that opted out (ЗОГС / STOP): the ones a broadcast leaves out. */
    public long countOptedOutPhones(Audience audience) {
        check(audience);
        return jdbc.sql("SELECT COUNT(*) FROM citizen_phone p JOIN citizen c ON c.id = p.citizen_id"
                        + " WHERE c.soum_code = :soum" + (audience.wholeSoum() ? "" : " AND c.bag_code IN (:bags)")
                        + " AND EXISTS (SELECT 1 FROM opt_out o WHERE o.channel = 'SMS' AND o.address = p.phone"
                        + " AND o.opted_out = TRUE)")
                .params(params(audience, null, 0)).query(Long.class).single();
    }

    /** Residents (people, not phones) per bag of the soum, every bag of the soum listed (0 if none), in code order. */
    public Map<String, Long> residentsPerBag(String soumCode) {
        Map<String, Long> perBag = new LinkedHashMap<>();
        bagsOf(soumCode).forEach(b -> perBag.put(b, 0L));
        jdbc.sql("SELECT bag_code, COUNT(*) FROM citizen WHERE soum_code = ? GROUP BY bag_code")
                .param(soumCode).query((ResultSet rs) -> {
                    perBag.put(rs.getString(1), rs.getLong(2));
                });
        return perBag;
    }

    /** Residents of the audience (people). */
    public long countResidents(Audience audience) {
        check(audience);
        return jdbc.sql("SELECT COUNT(*) FROM citizen c WHERE c.soum_code = :soum"
                        + (audience.wholeSoum() ? "" : " AND c.bag_code IN (:bags)"))
                .params(params(audience, null, 0)).query(Long.class).single();
    }

    /** The bag codes of a soum, in numeric order (bag 2 before bag 10). */
    public List<String> bagsOf(String soumCode) {
        return organisations.units().stream()
                .filter(u -> u.level() == OrgUnit.Level.BAG && soumCode.equals(u.parentCode()))
                .map(OrgUnit::code)
                .sorted(CitizenRegister::compareCodes)
                .toList();
    }

    static int compareCodes(String a, String b) {
        String na = a.substring(a.lastIndexOf('.') + 1);
        String nb = b.substring(b.lastIndexOf('.') + 1);
        if (na.matches("\\d+") && nb.matches("\\d+") && a.length() - na.length() == b.length() - nb.length()) {
            int c = Integer.compare(Integer.parseInt(na), Integer.parseInt(nb));
            if (c != 0) {
                return c;
            }
        }
        return a.compareTo(b);
    }

    /** The soum must be a soum and every bag one of its bags. */
    private void check(Audience audience) {
        OrgUnit soum = organisations.unit(audience.soumCode())
                .filter(u -> u.level() == OrgUnit.Level.SOUM)
                .orElseThrow(() -> new IllegalArgumentException("Not a soum: " + audience.soumCode()));
        List<String> bags = bagsOf(soum.code());
        for (String bag : audience.bagCodes()) {
            if (!bags.contains(bag)) {
                throw new IllegalArgumentException("Bag " + bag + " is not in soum " + soum.code());
            }
        }
    }

    private static String eligibleFrom(Audience audience) {
        return "FROM citizen_phone p JOIN citizen c ON c.id = p.citizen_id WHERE c.soum_code = :soum"
                + (audience.wholeSoum() ? "" : " AND c.bag_code IN (:bags)")
                + " AND NOT EXISTS (SELECT 1 FROM opt_out o WHERE o.channel = 'SMS' AND o.address = p.phone"
                + " AND o.opted_out = TRUE)";
    }

    private static Map<String, Object> params(Audience audience, String after, int limit) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("soum", audience.soumCode());
        if (!audience.wholeSoum()) {
            p.put("bags", List.copyOf(audience.bagCodes()));
        }
        if (after != null) {
            p.put("after", after);
            p.put("limit", limit);
        }
        return p;
    }

    static Citizen citizen(ResultSet rs, int row) throws SQLException {
        return new Citizen(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getString(8));
    }
}
