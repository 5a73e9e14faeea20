package mn.sanal.citizens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The register's public API on the demo register (loaded at start here, on H2). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "sanal.citizens.demo-register=true")
@ActiveProfiles("test")
class CitizenRegisterTest {

    private static final String SUMBER = "govisumber.sumber";
    private static final List<DemoRegisterData.Person> PEOPLE = DemoRegisterData.people();

    @Autowired
    CitizenRegister register;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void noOptOuts() {
        jdbc.sql("DELETE FROM opt_out").update();
    }

    @Test
    void thePersonOfAPhone() {
        DemoRegisterData.Person p = PEOPLE.get(7);
        Citizen c = register.personOfPhone("99000007").orElseThrow();
        assertThat(c.registerNo()).isEqualTo(p.registerNo());
        assertThat(c.bagCode()).isEqualTo("govisumber.sumber.1");
        assertThat(register.personOfPhone("+976 8800-0007")).contains(c);
        assertThat(register.phonesOf(c.id())).containsExactly("97688000007", "97699000007");
        assertThat(register.byRegisterNo(p.registerNo().toLowerCase(java.util.Locale.forLanguageTag("mn"))))
                .contains(c);
        assertThat(register.personOfPhone("97688000049")).isEmpty();
        assertThat(register.personOfPhone("70112233")).isEmpty();
        assertThat(c.toString()).doesNotContain(p.registerNo()).doesNotContain(p.givenName());
    }

    @Test
    void ageAtADate() {
        DemoRegisterData.Person p = PEOPLE.get(100);
        long id = register.byRegisterNo(p.registerNo()).orElseThrow().id();
        LocalDate birthday18 = p.birthDate().plusYears(18);
        assertThat(register.ageAt(id, birthday18).getAsInt()).isEqualTo(18);
        assertThat(register.ageAt(id, birthday18.minusDays(1)).getAsInt()).isEqualTo(17);
        assertThat(register.ageAt(-1, birthday18)).isEmpty();
    }

    @Test
    void residentsPerBag() {
        Map<String, Long> sumber = register.residentsPerBag(SUMBER);
        assertThat(sumber).containsExactly(Map.entry("govisumber.sumber.1", 2400L),
                Map.entry("govisumber.sumber.2", 2200L), Map.entry("govisumber.sumber.3", 2100L),
                Map.entry("govisumber.sumber.4", 1900L), Map.entry("govisumber.sumber.5", 1800L),
                Map.entry("govisumber.sumber.6", 1800L));
        assertThat(register.residentsPerBag("khovd.jargalant")).hasSize(12).containsEntry("khovd.jargalant.10", 25L);
        assertThat(register.residentsPerBag("khentii.batshireet")).hasSize(4).containsEntry("khentii.batshireet.4", 50L);
        assertThat(register.countResidents(Audience.soum(SUMBER))).isEqualTo(12_200);
    }

    @Test
    void theEligiblePhonesOfABagAreItsResidentsPhonesLessOptOutsPageByPage() {
        Audience bag3 = Audience.bags(SUMBER, Set.of("govisumber.sumber.3"));
        Set<String> expected = new HashSet<>();
        PEOPLE.stream().filter(p -> p.bagCode().equals("govisumber.sumber.3")).forEach(p -> expected.addAll(p.phones()));
        String optedOut = expected.stream().sorted().skip(500).findFirst().orElseThrow();
        jdbc.sql("INSERT INTO opt_out (channel, address, opted_out, updated_at) VALUES ('SMS', ?, TRUE, ?)")
                .params(optedOut, OffsetDateTime.now()).update();
        // opted back in: still eligible
        String optedBackIn = expected.stream().sorted().skip(501).findFirst().orElseThrow();
        jdbc.sql("INSERT INTO opt_out (channel, address, opted_out, updated_at) VALUES ('SMS', ?, FALSE, ?)")
                .params(optedBackIn, OffsetDateTime.now()).update();
        expected.remove(optedOut);

        List<String> seen = new ArrayList<>();
        List<Integer> pages = new ArrayList<>();
        long n = register.forEachEligiblePage(bag3, page -> {
            pages.add(page.size());
            page.forEach(p -> {
                assertThat(p.bagCode()).isEqualTo("govisumber.sumber.3");
                seen.add(p.phone());
            });
        });
        assertThat(seen).hasSize(expected.size()).doesNotHaveDuplicates().isSorted();
        assertThat(new HashSet<>(seen)).isEqualTo(expected);
        assertThat(n).isEqualTo(expected.size());
        assertThat(pages).allMatch(s -> s <= CitizenRegister.PAGE_SIZE).hasSizeGreaterThan(1);
        assertThat(register.countEligiblePhones(bag3)).isEqualTo(expected.size());
        assertThat(register.countOptedOutPhones(bag3)).isEqualTo(1);

        List<RegisteredPhone> first = register.eligiblePhones(bag3, null, 10);
        List<RegisteredPhone> next = register.eligiblePhones(bag3, first.get(9).phone(), 10);
        assertThat(next.get(0).phone()).isEqualTo(seen.get(10));
    }

    @Test
    void theWholeSoumAndSeveralBags() {
        long phones = PEOPLE.stream().filter(p -> p.soumCode().equals(SUMBER)).mapToLong(p -> p.phones().size()).sum();
        assertThat(register.countEligiblePhones(Audience.soum(SUMBER))).isEqualTo(phones);
        long bags12 = PEOPLE.stream().filter(p -> p.bagCode().matches("govisumber\\.sumber\\.[12]"))
                .mapToLong(p -> p.phones().size()).sum();
        assertThat(register.countEligiblePhones(Audience.bags(SUMBER,
                Set.of("govisumber.sumber.1", "govisumber.sumber.2")))).isEqualTo(bags12);
        Citizen c = register.personOfPhone("97688000000").orElseThrow();
        assertThat(CitizenRegister.includes(Audience.soum(SUMBER), c)).isTrue();
        assertThat(CitizenRegister.includes(Audience.bags(SUMBER, Set.of("govisumber.sumber.2")), c)).isFalse();
        assertThat(CitizenRegister.includes(Audience.soum("khovd.jargalant"), c)).isFalse();
    }

    @Test
    void aBagOfAnotherSoumOrNoSoumIsRefused() {
        assertThatThrownBy(() -> register.countEligiblePhones(Audience.bags(SUMBER, Set.of("khovd.jargalant.1"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> register.countEligiblePhones(Audience.soum("govisumber")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDemoRegisterIsLoadedOnce() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM citizen").query(Long.class).single()).isEqualTo(13_100);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM register_import WHERE imported_by = 'demo'")
                .query(Long.class).single()).isEqualTo(5);
    }
}
