package mn.sanal.citizens;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who a message goes to: the residents of a soum, or of some of its bags. {@code bagCodes} empty = the whole soum.
 * Bags must belong to the soum (checked by {@link CitizenRegister}).
 */
public record Audience(String soumCode, Set<String> bagCodes) {

    public Audience {
        Objects.requireNonNull(soumCode, "soumCode");
        bagCodes = bagCodes == null ? Set.of() : Set.copyOf(new TreeSet<>(bagCodes));
    }

    public static Audience soum(String soumCode) {
        return new Audience(soumCode, Set.of());
    }

    public static Audience bags(String soumCode, Set<String> bagCodes) {
        return new Audience(soumCode, bagCodes);
    }

    public boolean wholeSoum() {
        return bagCodes.isEmpty();
    }
}
