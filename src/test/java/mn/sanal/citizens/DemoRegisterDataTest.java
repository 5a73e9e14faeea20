package mn.sanal.citizens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DemoRegisterDataTest {

    @Test
    void theDemoRegisterIsTheSameEveryTimeAndValid() {
        List<DemoRegisterData.Person> people = DemoRegisterData.people();
        assertThat(DemoRegisterData.people()).isEqualTo(people);
        assertThat(people).hasSize(13_100);
        assertThat(people.stream().filter(p -> p.soumCode().equals("govisumber.sumber"))).hasSize(12_200);
        assertThat(people.stream().filter(p -> p.soumCode().equals("khovd.jargalant"))).hasSize(300);
        assertThat(people.stream().filter(p -> p.soumCode().equals("khentii.batshireet"))).hasSize(200);

        Set<String> numbers = new HashSet<>();
        Set<String> phones = new HashSet<>();
        for (DemoRegisterData.Person p : people) {
            RegisterNumbers.Checked c = RegisterNumbers.check(p.registerNo(), LocalDate.of(2026, 1, 1));
            assertThat(c.refusal()).as(p.registerNo()).isNull();
            assertThat(c.birthDate()).isEqualTo(p.birthDate());
            assertThat(p.registerNo()).startsWith(DemoRegisterData.LETTERS);
            assertThat(numbers.add(p.registerNo())).isTrue();
            for (String phone : p.phones()) {
                assertThat(CitizenPhones.normalize(phone)).contains(phone);
                assertThat(phones.add(phone)).as(phone).isTrue();
            }
            assertThat(p.bagCode()).startsWith(p.soumCode() + ".");
        }
        assertThat(people.stream().filter(p -> p.phones().size() == 2).count()).isEqualTo(655);
        assertThat(people.stream().filter(p -> p.phones().isEmpty()).count()).isEqualTo(262);
        assertThat(people.get(0).phones()).containsExactly("97688000000");
        assertThat(people.get(7).phones()).containsExactly("97688000007", "97699000007");
        assertThat(people.get(49).phones()).isEmpty();
        assertThat(people.stream().anyMatch(p -> p.birthDate().getYear() >= 2000)).isTrue();
    }
}
