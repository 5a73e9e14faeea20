package mn.sanal.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a citizen does on the Open311 web channel. */
public final class Citizen {

    public static final String SUMBER_ADDRESS = "Говьсүмбэр, Сүмбэр, 3-р баг";
    public static final String PHONE = "99112233";

    private final Http http;

    public Citizen(Http http) {
        this.http = http;
    }

    /** The form a citizen fills in for a health complaint in Sumber soum; change what a test needs. */
    public static Map<String, String> healthComplaint(String description) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("service_code", "HEALTH");
        form.put("description", description);
        form.put("address_string", SUMBER_ADDRESS);
        form.put("phone", PHONE);
        form.put("attribute[petition_type]", "COMPLAINT");
        return form;
    }

    public Http.Response file(Map<String, String> form) {
        return http.postForm("/open311/v2/requests.json", form);
    }

    /** Files the petition and returns its tracking code (the service_request_id). */
    public String fileHealthComplaint(String description) {
        Http.Response created = file(healthComplaint(description));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String code = created.json().get(0).get("service_request_id").asText();
        assertThat(code).isNotBlank();
        return code;
    }

    public Http.Response lookup(String trackingCode) {
        return http.get("/open311/v2/requests/{id}.json", trackingCode);
    }
}
