package mn.sanal.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import mn.sanal.supervision.CockpitSession;
import mn.sanal.support.IntegrationTest;

/**
 * Heads of bodies decide the tasks assigned to them by name (extensions) in Tasklist, so they may log in to it; they
 * are no body's members (no candidate tasks) and have no Cockpit. Before the group {@link Groups#HEADS} a soum
 * governor's login to Tasklist was refused (found by WebappsBrowserIT).
 */
class HeadsTasklistIT extends IntegrationTest {

    @Test
    void aGovernorAndAKhuralChairLogInToTasklistButNotToCockpit() throws Exception {
        for (String head : new String[] {"sumber.governor", "sumber.chair"}) {
            JsonNode me = CockpitSession.login(port, head, DEMO_PASSWORD, "tasklist")
                    .getJson("/camunda/api/admin/auth/user/default");
            assertThat(me.get("userId").asText()).isEqualTo(head);
            assertThat(me.get("authorizedApps").toString()).contains("tasklist").doesNotContain("cockpit");
            assertThatThrownBy(() -> CockpitSession.login(port, head, DEMO_PASSWORD, "cockpit"))
                    .hasMessageContaining("HTTP 403");
        }
    }
}
