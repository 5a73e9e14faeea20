package mn.sanal.supervision;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * What the user narrowed the view to: aimag, soum, body, category, channel (each optional). Filters only narrow: they
 * are ANDed with the user's {@link Area}, never a way into another area.
 */
public record Filters(String aimag, String soum, String body, String category, String channel) {

    public static final Filters NONE = new Filters(null, null, null, null, null);

    public Filters {
        aimag = blankToNull(aimag);
        soum = blankToNull(soum);
        body = blankToNull(body);
        category = blankToNull(category);
        channel = blankToNull(channel);
    }

    /** The SQL condition on a petition table alias, starting with " AND " when there is one. */
    public String condition(String alias, MapSqlParameterSource params) {
        StringBuilder sql = new StringBuilder();
        add(sql, params, alias + ".aimag_code", "fAimag", aimag);
        add(sql, params, alias + ".soum_code", "fSoum", soum);
        add(sql, params, alias + ".responsible_body", "fBody", body);
        add(sql, params, alias + ".category", "fCategory", category);
        add(sql, params, alias + ".channel", "fChannel", channel);
        return sql.toString();
    }

    private static void add(StringBuilder sql, MapSqlParameterSource params, String column, String name,
                            String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = :").append(name);
            params.addValue(name, value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
