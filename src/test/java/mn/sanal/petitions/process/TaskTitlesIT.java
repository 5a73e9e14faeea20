package mn.sanal.petitions.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import mn.sanal.petitions.PetitionHandlingProcess.Elements;
import mn.sanal.support.Citizen;
import mn.sanal.support.Http;
import mn.sanal.support.IntegrationTest;

/**
 * Two complaints to the same health centre: the official's task list (the engine REST API Tasklist calls) tells
 * them apart by tracking code and subject, though the model names both tasks "Өргөдөл шийдвэрлэх".
 */
@TestPropertySource(properties = "sanal.open311.lookups-per-minute=1000")
class TaskTitlesIT extends IntegrationTest {

    private static final String OFFICIAL = "sumber.health";

    @Test
    void anOfficialTellsTwoResolveTasksApartByCodeAndSubject() {
        Citizen citizen = new Citizen(http());
        String first = citizen.fileHealthComplaint("Эмнэлгийн хүлээлгийн танхимд халаалт ажиллахгүй байна.");
        String second = citizen.fileHealthComplaint("Шүдний эмч долоо хоног ирээгүй, хүүхдээ үзүүлж чадсангүй.");

        Http official = as(OFFICIAL);
        JsonNode firstTask = resolveTask(official, first);
        JsonNode secondTask = resolveTask(official, second);

        assertThat(firstTask.get("name").asText())
                .isEqualTo("Өргөдөл шийдвэрлэх · " + first + " · Эмнэлгийн хүлээлгийн танхимд халаалт…");
        assertThat(secondTask.get("name").asText())
                .isEqualTo("Өргөдөл шийдвэрлэх · " + second + " · Шүдний эмч долоо хоног ирээгүй, хүүхдээ үзүүлж…");
        assertThat(firstTask.get("description").asText())
                .startsWith(first + " · Гомдол · ")
                .endsWith(": Эмнэлгийн хүлээлгийн танхимд халаалт ажиллахгүй байна.");

        // Tasklist's search by name ("nameLike") finds a case by its code.
        JsonNode found = official.get("/engine-rest/task?nameLike={like}", "%" + second + "%").json();
        assertThat(found).singleElement().satisfies(t -> assertThat(t.get("id")).isEqualTo(secondTask.get("id")));
    }

    private JsonNode resolveTask(Http official, String code) {
        JsonNode tasks = eventuallyJson(() -> official.get("/engine-rest/task?processInstanceBusinessKey={code}", code),
                t -> t.size() == 1);
        assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo(Elements.RESOLVE);
        return tasks.get(0);
    }

    private static JsonNode eventuallyJson(Supplier<Http.Response> call, Predicate<JsonNode> done) {
        JsonNode[] last = new JsonNode[1];
        eventually().untilAsserted(() -> {
            Http.Response r = call.get();
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            assertThat(done.test(r.json())).as("not yet: %s", r).isTrue();
            last[0] = r.json();
        });
        return last[0];
    }
}
