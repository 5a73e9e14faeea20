package mn.sanal.organisations;

/**
 * A state body that answers petitions (a soum Governor's office, its Khural, health centre...). Its officials are
 * the members of the Camunda group {@code groupId}; {@code headUserId} approves extensions.
 */
public record Body(String code, String nameMn, Kind kind, String unitCode, String aimagCode, String groupId,
                   String headUserId) {

    public enum Kind {
        GOVERNOR_OFFICE("Засаг даргын Тамгын газар"),
        KHURAL("Иргэдийн Төлөөлөгчдийн Хурал"),
        HEALTH("Эрүүл мэндийн төв"),
        EDUCATION("Ерөнхий боловсролын сургууль"),
        LAND("Газрын алба");

        private final String labelMn;

        Kind(String labelMn) {
            this.labelMn = labelMn;
        }

        public String labelMn() {
            return labelMn;
        }
    }
}
