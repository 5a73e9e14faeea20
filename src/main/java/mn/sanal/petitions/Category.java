package mn.sanal.petitions;

/** What a petition is about (the Open311 service, the routing decision's input). */
public record Category(String code, String nameMn, String descriptionMn) {
}
