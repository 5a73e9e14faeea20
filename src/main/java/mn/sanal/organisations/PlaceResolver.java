package mn.sanal.organisations;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Turns what citizens write about a place into codes: "Говьсүмбэр, Сүмбэр, 3-р баг", "Khovd Jargalant 12 bag",
 * a soum name alone, or coordinates (the nearest soum centre within {@value #MAX_SOUM_DISTANCE_KM} km).
 */
@Component
public class PlaceResolver {

    static final double MAX_SOUM_DISTANCE_KM = 80;
    private static final Pattern BAG_NUMBER = Pattern.compile(
            "(\\d{1,2})\\s*-?\\s*(?:р|r|th|st|nd|rd)?\\s*(?:баг|bag)|(?:баг|bag)\\s*(?:№|no\\.?|#)?\\s*(\\d{1,2})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final OrganisationService organisations;

    PlaceResolver(OrganisationService organisations) {
        this.organisations = organisations;
    }

    /** Checks that the codes exist and nest; fills the aimag from the soum and the soum from the bag. */
    public Optional<Place> validate(String aimagCode, String soumCode, String bagCode) {
        String bag = bagCode;
        String soum = soumCode;
        String aimag = aimagCode;
        if (bag != null) {
            Optional<OrgUnit> b = organisations.unit(bag).filter(u -> u.level() == OrgUnit.Level.BAG);
            if (b.isEmpty() || (soum != null && !soum.equals(b.get().parentCode()))) {
                return Optional.empty();
            }
            soum = b.get().parentCode();
        }
        if (soum != null) {
            Optional<OrgUnit> s = organisations.unit(soum).filter(u -> u.level() == OrgUnit.Level.SOUM);
            if (s.isEmpty() || (aimag != null && !aimag.equals(s.get().parentCode()))) {
                return Optional.empty();
            }
            aimag = s.get().parentCode();
        }
        if (aimag != null && organisations.unit(aimag).filter(u -> u.level() == OrgUnit.Level.AIMAG).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Place(aimag, soum, bag));
    }

    /** The place an address names; {@link Place#UNKNOWN} if it names none we know. */
    public Place fromAddress(String address) {
        if (address == null || address.isBlank()) {
            return Place.UNKNOWN;
        }
        String text = address.toLowerCase(new Locale("mn"));
        List<OrgUnit> units = organisations.units();
        Optional<OrgUnit> aimag = best(units, OrgUnit.Level.AIMAG, null, text);
        Optional<OrgUnit> soum = best(units, OrgUnit.Level.SOUM, aimag.map(OrgUnit::code).orElse(null), text);
        if (soum.isEmpty()) {
            return aimag.map(a -> new Place(a.code(), null, null)).orElse(Place.UNKNOWN);
        }
        String bag = null;
        Matcher m = BAG_NUMBER.matcher(text);
        if (m.find()) {
            String n = m.group(1) != null ? m.group(1) : m.group(2);
            bag = organisations.unit(soum.get().code() + "." + Integer.parseInt(n)).map(OrgUnit::code).orElse(null);
        }
        return new Place(soum.get().parentCode(), soum.get().code(), bag);
    }

    /** The soum whose centre is nearest, if it is near enough to be the place meant. */
    public Place fromCoordinates(double latitude, double longitude) {
        return organisations.units().stream()
                .filter(u -> u.level() == OrgUnit.Level.SOUM && u.latitude() != null)
                .map(u -> new Object[] {u, distanceKm(latitude, longitude, u.latitude(), u.longitude())})
                .filter(p -> (double) p[1] <= MAX_SOUM_DISTANCE_KM)
                .min(Comparator.comparingDouble(p -> (double) p[1]))
                .map(p -> (OrgUnit) p[0])
                .map(s -> new Place(s.parentCode(), s.code(), null))
                .orElse(Place.UNKNOWN);
    }

    private static Optional<OrgUnit> best(List<OrgUnit> units, OrgUnit.Level level, String parent, String text) {
        return units.stream()
                .filter(u -> u.level() == level && (parent == null || parent.equals(u.parentCode())))
                .filter(u -> contains(text, u.nameMn()) || contains(text, u.nameLatin()))
                // an aimag and a soum may share a name (Khovd city is Jargalant soum of Khovd): prefer the longest
                .max(Comparator.comparingInt(u -> u.nameMn().length()));
    }

    private static boolean contains(String text, String name) {
        return name != null && text.contains(name.toLowerCase(new Locale("mn")));
    }

    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 6371 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
}
