package mn.sanal.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The working-day calendar on the shipped tables (V80): weekends, the annual holidays, the lunar table, and the
 * administrator's overrides (a government day swap, Labour Law art. 43.3).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class WorkingDaysTest {

    @Autowired
    WorkingDays days;

    @AfterEach
    void removeOverrides() {
        days.overrides(2026).forEach(o -> days.removeOverride(o.date(), "test"));
    }

    @Test
    void tsagaanSar2026IsFebruary18To20AndTheGovernmentMakesFebruary17ADayOff() {
        for (int d = 18; d <= 20; d++) {
            assertThat(days.dayOff(LocalDate.of(2026, 2, d))).get()
                    .satisfies(off -> assertThat(off.reason()).startsWith("Цагаан сар"));
        }
        LocalDate eve = LocalDate.of(2026, 2, 17); // a Tuesday
        assertThat(days.isWorkingDay(eve)).isTrue();
        assertThat(days.onOrNextWorkingDay(LocalDate.of(2026, 2, 18))).isEqualTo(LocalDate.of(2026, 2, 23));

        days.setOverride(eve, false, "Засгийн газрын тогтоол: битүүний өдөр амарна", "demo");
        assertThat(days.dayOff(eve)).get().extracting(DayOff::reason)
                .isEqualTo("Засгийн газрын тогтоол: битүүний өдөр амарна");
        assertThat(days.onOrNextWorkingDay(LocalDate.of(2026, 2, 16))).isEqualTo(LocalDate.of(2026, 2, 16));
        assertThat(days.overrides(2026)).extracting(WorkingDays.Override::changedBy).containsExactly("demo");
    }

    @Test
    void naadamIsJuly10To15From2023AndJuly11To15Before() {
        for (int d = 10; d <= 15; d++) {
            assertThat(days.isWorkingDay(LocalDate.of(2026, 7, d))).as("2026-07-%d", d).isFalse();
        }
        assertThat(days.dayOff(LocalDate.of(2026, 7, 13))).get().extracting(DayOff::reason).asString()
                .contains("наадам");
        assertThat(days.isWorkingDay(LocalDate.of(2026, 7, 9))).isTrue();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 7, 16))).isTrue();
        assertThat(days.onOrNextWorkingDay(LocalDate.of(2026, 7, 10))).isEqualTo(LocalDate.of(2026, 7, 16));
        // before the 2023 amendment July 10 (a Wednesday in 2019) was a working day
        assertThat(days.isWorkingDay(LocalDate.of(2019, 7, 10))).isTrue();
        assertThat(days.isWorkingDay(LocalDate.of(2019, 7, 11))).isFalse();
    }

    @Test
    void aSwapMakesASaturdayWorkingAndAWeekdayOff() {
        LocalDate saturday = LocalDate.of(2026, 3, 14);
        LocalDate monday = LocalDate.of(2026, 3, 9);
        assertThat(days.dayOff(saturday)).get().extracting(DayOff::reason).isEqualTo("Амралтын өдөр");
        assertThat(days.isWorkingDay(monday)).isTrue();

        days.setOverride(saturday, true, "Тогтоол №1: 3-р сарын 9-ний ажлыг 14-нд хийнэ", "demo");
        days.setOverride(monday, false, "Тогтоол №1: 3-р сарын 9-нд амарна", "demo");
        assertThat(days.isWorkingDay(saturday)).isTrue();
        assertThat(days.isWorkingDay(monday)).isFalse();
        // Mar 8 is a Sunday (a holiday on a weekend is not moved by the law; an override would say so)
        assertThat(days.onOrNextWorkingDay(LocalDate.of(2026, 3, 8))).isEqualTo(LocalDate.of(2026, 3, 10));

        assertThat(days.removeOverride(monday, "demo")).isTrue();
        assertThat(days.isWorkingDay(monday)).isTrue();
    }

    @Test
    void theYearListsEveryHolidayOnAWeekdayWithItsName() {
        assertThat(days.daysOff(2026)).extracting(DayOff::date).contains(LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 26),
                LocalDate.of(2026, 12, 29), LocalDate.of(2026, 5, 31));
        assertThat(days.dayOff(LocalDate.of(2026, 11, 10))).get().extracting(DayOff::reason)
                .isEqualTo("Их Эзэн Чингис хааны өдөр");
        // the lunar table runs to 2035
        assertThat(days.dayOff(LocalDate.of(2035, 2, 9))).get().extracting(DayOff::reason).asString()
                .startsWith("Цагаан сар");
        assertThat(days.daysOff(2026)).hasSizeGreaterThan(104 + 10);
    }
}
