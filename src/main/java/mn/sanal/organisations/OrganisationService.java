package mn.sanal.organisations;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The administrative units and the bodies that answer petitions. */
@Service
@Transactional(readOnly = true)
public class OrganisationService {

    private final JdbcClient jdbc;
    private volatile List<OrgUnit> units;

    OrganisationService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OrgUnit> unit(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return units().stream().filter(u -> u.code().equals(code)).findFirst();
    }

    /**
     * Every aimag, soum and bag. Reference data that only Flyway migrations change, so it is read once per run: intake
     * matches each SMS and mail against it.
     */
    public List<OrgUnit> units() {
        List<OrgUnit> all = units;
        if (all == null) {
            all = jdbc.sql("SELECT * FROM org_unit ORDER BY code").query(OrganisationService::mapUnit).list();
            units = all;
        }
        return all;
    }

    public Optional<Body> body(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM body WHERE code = ? AND active").param(code)
                .query(OrganisationService::mapBody).optional();
    }

    public List<Body> bodies() {
        return jdbc.sql("SELECT * FROM body WHERE active ORDER BY aimag_code, unit_code, kind")
                .query(OrganisationService::mapBody).list();
    }

    /** The body of that kind for the place: the soum's own, else the aimag's. */
    public Optional<Body> findBody(Body.Kind kind, String soumCode, String aimagCode) {
        for (String unit : new String[] {soumCode, aimagCode}) {
            if (unit == null) {
                continue;
            }
            Optional<Body> b = jdbc.sql("SELECT * FROM body WHERE unit_code = ? AND kind = ? AND active "
                            + "ORDER BY code LIMIT 1")
                    .params(unit, kind.name()).query(OrganisationService::mapBody).optional();
            if (b.isPresent()) {
                return b;
            }
        }
        return Optional.empty();
    }

    /**
     * Who sorts out a petition no rule routed: the soum Governor's office (it receives citizens' petitions in every
     * soum), else the aimag's supervisors, else the national clerks.
     */
    public String triageGroup(String soumCode, String aimagCode) {
        return findBody(Body.Kind.GOVERNOR_OFFICE, soumCode, null).map(Body::groupId)
                .orElse(aimagCode != null ? Groups.supervisors(aimagCode) : Groups.CLERKS);
    }

    /** "Говьсүмбэр, Сүмбэр, 3-р баг": the place as people read it. */
    public String describe(String aimagCode, String soumCode, String bagCode) {
        StringBuilder sb = new StringBuilder();
        for (String code : new String[] {aimagCode, soumCode, bagCode}) {
            unit(code).ifPresent(u -> sb.append(sb.isEmpty() ? "" : ", ").append(u.nameMn()));
        }
        return sb.isEmpty() ? "Тодорхойгүй" : sb.toString();
    }

    /** Registers a body (or updates its name and head). Its group and access are set up by {@link BodyAccess}. */
    @Transactional
    public void saveBody(Body b) {
        int n = jdbc.sql("UPDATE body SET name_mn = ?, head_user_id = ?, active = TRUE WHERE code = ?")
                .params(b.nameMn(), b.headUserId(), b.code()).update();
        if (n == 0) {
            jdbc.sql("INSERT INTO body (code, name_mn, kind, unit_code, aimag_code, group_id, head_user_id) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(b.code(), b.nameMn(), b.kind().name(), b.unitCode(), b.aimagCode(), b.groupId(),
                            b.headUserId())
                    .update();
        }
    }

    private static OrgUnit mapUnit(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new OrgUnit(rs.getString("code"), OrgUnit.Level.valueOf(rs.getString("level")),
                rs.getString("name_mn"), rs.getString("name_latin"), rs.getString("parent_code"),
                (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"));
    }

    private static Body mapBody(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Body(rs.getString("code"), rs.getString("name_mn"), Body.Kind.valueOf(rs.getString("kind")),
                rs.getString("unit_code"), rs.getString("aimag_code"), rs.getString("group_id"),
                rs.getString("head_user_id"));
    }
}
