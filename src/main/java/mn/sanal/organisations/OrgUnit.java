package mn.sanal.organisations;

/** An aimag, soum or bag. Codes nest: {@code khovd}, {@code khovd.jargalant}, {@code khovd.jargalant.3}. */
public record OrgUnit(String code, Level level, String nameMn, String nameLatin, String parentCode, Double latitude,
                      Double longitude) {

    public enum Level { AIMAG, SOUM, BAG }
}
