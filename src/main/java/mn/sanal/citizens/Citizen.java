package mn.sanal.citizens;

import java.time.LocalDate;
import java.time.Period;

/** A person on the register: where they live (aimag, soum, bag codes of {@code org_unit}). */
public record Citizen(long id, String registerNo, String familyName, String givenName, LocalDate birthDate,
                      String aimagCode, String soumCode, String bagCode) {

    /** Full years of age on {@code date}. */
    public int ageAt(LocalDate date) {
        return Period.between(birthDate, date).getYears();
    }

    /** Never the name or number: for logs and exceptions. */
    @Override
    public String toString() {
        return "Citizen[id=" + id + ", bag=" + bagCode + "]";
    }
}
