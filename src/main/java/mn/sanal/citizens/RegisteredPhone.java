package mn.sanal.citizens;

/** A phone of a person on the register, with where the person lives. */
public record RegisteredPhone(String phone, long citizenId, String bagCode) {

    @Override
    public String toString() {
        return "RegisteredPhone[" + CitizenPhones.masked(phone) + ", citizen=" + citizenId + ", bag=" + bagCode + "]";
    }
}
