package mn.sanal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import mn.sanal.support.Http;
import mn.sanal.support.IntegrationTest;

/**
 * Issue 13: the administrator's actions over HTTP on the real application (PostgreSQL): migrating running cases and
 * keeping the working-day calendar need a login and membership of camunda-admin; the process owner and officials are
 * refused (403), a caller without login too (401).
 */
class AdminActionsIT extends IntegrationTest {

    private static final String DRY_RUN = "/admin/migrations/PetitionHandling/versions/{v}?dryRun=true";
    private static final String OVERRIDE = "/admin/calendar/overrides/{date}";

    @Test
    void onlyAdministratorsMigrateOrChangeTheCalendar() {
        for (String user : new String[] {"owner", "sumber.health"}) {
            Http http = as(user);
            assertThat(http.postJson(DRY_RUN, Map.of(), 1).status()).as(user).isEqualTo(403);
            assertThat(http.postJson("/admin/migrations/PetitionHandling/versions/{v}", Map.of(), 1).status())
                    .as(user).isEqualTo(403);
            assertThat(http.putJson(OVERRIDE, Map.of("working", false, "reason", "x"), "2026-02-17").status())
                    .as(user).isEqualTo(403);
            assertThat(http.get("/admin/calendar/2026").status()).as(user).isEqualTo(403);
        }
        assertThat(http().postJson(DRY_RUN, Map.of(), 1).status()).isEqualTo(401);
        assertThat(http().get("/admin/calendar/2026").status()).isEqualTo(401);
        assertThat(as("demo").get("/admin/calendar/2026").json().get("overrides")).isEmpty();
    }

    @Test
    void theAdministratorMakesADayOffAndTakesItBack() {
        Http admin = as("demo");
        Http.Response set = admin.putJson(OVERRIDE, Map.of("working", false,
                "reason", "Засгийн газрын тогтоол: битүүний өдөр амарна"), "2026-02-17");
        assertThat(set.status()).as("%s", set).isEqualTo(200);
        assertThat(set.json().get("changedBy").asText()).isEqualTo("demo");
        try {
            JsonNode year = admin.get("/admin/calendar/2026").json();
            assertThat(year.get("daysOff").findValuesAsText("date")).contains("2026-02-17", "2026-02-18",
                    "2026-02-19", "2026-02-20", "2026-07-10");
            assertThat(year.get("overrides").get(0).get("reason").asText()).contains("битүүний");
            assertThat(admin.putJson(OVERRIDE, Map.of("working", false), "2026-02-16").status()).isEqualTo(400);
        } finally {
            assertThat(admin.delete(OVERRIDE, "2026-02-17").status()).isEqualTo(204);
        }
        assertThat(admin.get("/admin/calendar/2026").json().get("daysOff").findValuesAsText("date"))
                .doesNotContain("2026-02-17");
    }

    @Test
    void theAdministratorsDryRunNamesWhatIsMissing() {
        Http.Response noNext = as("demo").postJson(DRY_RUN, Map.of(), 99);
        assertThat(noNext.status()).as("%s", noNext).isEqualTo(400);
        assertThat(noNext.json().get("message").asText()).contains("PetitionHandling", "99", "100");
    }
}
