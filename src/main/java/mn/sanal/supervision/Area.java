package mn.sanal.supervision;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import mn.sanal.organisations.Groups;

/**
 * What part of the country a logged-in user may watch, read from their Camunda groups: Camunda's administrators
 * everything, an aimag's supervisors ({@code supervisors-<aimag>}) that aimag, a body's officials
 * ({@code body-<code>}) that body's cases. Everybody else nothing. Every query of ours ANDs this condition with the
 * user's filters, so a filter naming another aimag or body (forged or not) finds nothing.
 */
public record Area(boolean everything, Set<String> aimags, Set<String> bodies) {

    private static final String SUPERVISORS_PREFIX = Groups.supervisors("");

    public static Area of(Authentication user) {
        if (user == null || user.getUserId() == null) {
            return nothing();
        }
        return ofGroups(user.getGroupIds() == null ? List.of() : user.getGroupIds());
    }

    public static Area ofGroups(Collection<String> groups) {
        if (groups.contains(Groups.ADMINS)) {
            return wholeCountry();
        }
        Set<String> aimags = new TreeSet<>();
        Set<String> bodies = new TreeSet<>();
        for (String g : groups) {
            if (g.startsWith(SUPERVISORS_PREFIX)) {
                aimags.add(g.substring(SUPERVISORS_PREFIX.length()));
            } else if (g.startsWith(Groups.BODY_PREFIX)) {
                bodies.add(g.substring(Groups.BODY_PREFIX.length()));
            }
        }
        return new Area(false, Set.copyOf(aimags), Set.copyOf(bodies));
    }

    /** Every aimag (the public statistics, which are aggregated and carry no personal data). */
    public static Area wholeCountry() {
        return new Area(true, Set.of(), Set.of());
    }

    public static Area nothing() {
        return new Area(false, Set.of(), Set.of());
    }

    public boolean isNothing() {
        return !everything && aimags.isEmpty() && bodies.isEmpty();
    }

    /** Supervises whole aimags (or everything): sees the aimag level; an official sees only their body. */
    public boolean supervises() {
        return everything || !aimags.isEmpty();
    }

    /**
     * The SQL condition on a petition table alias that keeps this area's cases: {@code (p.aimag_code IN (...) OR
     * p.responsible_body IN (...))}, {@code 1=1} for everything, {@code 1=0} for nothing.
     */
    public String condition(String alias, MapSqlParameterSource params) {
        if (everything) {
            return "1=1";
        }
        if (isNothing()) {
            return "1=0";
        }
        StringBuilder sql = new StringBuilder("(");
        if (!aimags.isEmpty()) {
            params.addValue("areaAimags", aimags);
            sql.append(alias).append(".aimag_code IN (:areaAimags)");
        }
        if (!bodies.isEmpty()) {
            params.addValue("areaBodies", bodies);
            sql.append(aimags.isEmpty() ? "" : " OR ").append(alias).append(".responsible_body IN (:areaBodies)");
        }
        return sql.append(")").toString();
    }

    /** Whether a body of that aimag is within the area (for lists of filter choices). */
    public boolean covers(String aimagCode, String bodyCode) {
        return everything || aimags.contains(aimagCode) || bodies.contains(bodyCode);
    }
}
