package mn.sanal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import mn.sanal.support.Citizen;
import mn.sanal.support.Http;
import mn.sanal.support.IntegrationTest;

/**
 * Object variables: Java serialization is refused (a serialized object from a client is a remote code execution
 * risk), and objects are stored as JSON by default.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VariableSerializationIT extends IntegrationTest {

    private static final String JAVA_SERIALIZED = "application/x-java-serialized-object";

    @Autowired
    RuntimeService runtime;

    private String processInstanceId;

    /** A case waiting at its user task, so nothing else changes it while the tests set variables. */
    @BeforeAll
    void aCaseAtRest() {
        String code = new Citizen(http()).fileHealthComplaint("Хувьсагчийн шалгалт: эмийн сангийн цаг.");
        Http admin = as("demo");
        eventually().untilAsserted(() -> assertThat(admin.get("/engine-rest/task?processInstanceBusinessKey={code}",
                code).json()).hasSize(1));
        processInstanceId = admin.get("/engine-rest/task?processInstanceBusinessKey={code}", code).json().get(0)
                .get("processInstanceId").asText();
    }

    @Test
    void aJavaSerializedObjectFromARestClientIsRefused() throws IOException {
        Http admin = as("demo");
        Http.Response r = admin.putJson("/engine-rest/process-instance/{id}/variables/{name}", Map.of(
                "value", javaSerialized(new ArrayList<>(List.of("Сүмбэр"))),
                "type", "Object",
                "valueInfo", Map.of("objectTypeName", "java.util.ArrayList",
                        "serializationDataFormat", JAVA_SERIALIZED)), processInstanceId, "itJavaObject");

        assertThat(r.status()).as("%s", r).isBetween(400, 599);
        assertThat(r.json().get("message").asText()).containsIgnoringCase("java serialization");
        assertThat(admin.get("/engine-rest/process-instance/{id}/variables/{name}", processInstanceId,
                "itJavaObject").status()).isEqualTo(404);
        assertThat(runtime.getVariable(processInstanceId, "itJavaObject")).isNull();
    }

    /**
     * The engine flag {@code java-serialization-format-enabled: false} is about values handed over already serialized
     * (what a client could forge); an object our own code serializes is not affected by it.
     */
    @Test
    void aJavaSerializedValueFromCodeIsRefused() throws IOException {
        String serialized = javaSerialized(new ArrayList<>(List.of("Сүмбэр")));
        assertThatThrownBy(() -> runtime.setVariable(processInstanceId, "itJavaObjectApi",
                Variables.serializedObjectValue(serialized).objectTypeName("java.util.ArrayList")
                        .serializationDataFormat(SerializationDataFormats.JAVA).create()))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Java serialization format is prohibited");
        assertThat(runtime.getVariable(processInstanceId, "itJavaObjectApi")).isNull();
    }

    @Test
    void objectsAreStoredAsJsonByDefault() {
        runtime.setVariable(processInstanceId, "itProbe", new Probe("Сүмбэр", 3));

        JsonNode variable = as("demo").get("/engine-rest/process-instance/{id}/variables/{name}?deserializeValue=false",
                processInstanceId, "itProbe").json();
        assertThat(variable.get("type").asText()).isEqualTo("Object");
        assertThat(variable.get("valueInfo").get("serializationDataFormat").asText()).isEqualTo("application/json");
        assertThat(variable.get("valueInfo").get("objectTypeName").asText()).isEqualTo(Probe.class.getName());
        assertThat(variable.get("value").asText()).contains("\"place\":\"Сүмбэр\"").contains("\"count\":3");

        Probe back = (Probe) runtime.getVariable(processInstanceId, "itProbe");
        assertThat(back.getPlace()).isEqualTo("Сүмбэр");
        assertThat(back.getCount()).isEqualTo(3);
    }

    /**
     * A JSON object variable names the class it becomes. Only our own packages and Camunda's plain JDK types may be
     * instantiated (deserialization-type-validation), so a value naming any other class (a gadget) is never built.
     */
    @Test
    void aJsonObjectNamingAClassOutsideOurPackagesIsNotInstantiated() {
        Http admin = as("demo");
        Http.Response set = admin.putJson("/engine-rest/process-instance/{id}/variables/{name}", Map.of(
                "value", "\"/etc/passwd\"",
                "type", "Object",
                "valueInfo", Map.of("objectTypeName", "java.io.File",
                        "serializationDataFormat", "application/json")), processInstanceId, "itForeignType");
        if (set.status() >= 400) {
            assertThat(set.body()).contains("java.io.File");
            assertThat(admin.get("/engine-rest/process-instance/{id}/variables/{name}?deserializeValue=false",
                    processInstanceId, "itForeignType").status()).isEqualTo(404);
            return;
        }
        // stored as text; refused the moment anyone asks for the object
        Http.Response read = admin.get("/engine-rest/process-instance/{id}/variables/{name}", processInstanceId,
                "itForeignType");
        assertThat(read.status()).as("%s", read).isGreaterThanOrEqualTo(400);
        assertThat(read.body()).contains("java.io.File");
        assertThatThrownBy(() -> runtime.getVariable(processInstanceId, "itForeignType"))
                .hasMessageContaining("java.io.File");
    }

    private static String javaSerialized(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** A plain bean, as a delegate might store. */
    public static class Probe {
        private String place;
        private int count;

        public Probe() {
        }

        Probe(String place, int count) {
            this.place = place;
            this.count = count;
        }

        public String getPlace() {
            return place;
        }

        public void setPlace(String place) {
            this.place = place;
        }

        public int getCount() {
            return count;
        }

        public void setCount(int count) {
            this.count = count;
        }
    }
}
