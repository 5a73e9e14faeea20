package mn.sanal.platform.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Our Mongolian locale ({@code locales/mn.json} of each Camunda webapp) against Camunda's own {@code en.json}, read
 * from the webjar on the classpath: every key there is here (an upgrade of Camunda shows what is new as a failure
 * naming the keys), no key of ours is unknown to Camunda, every {{placeholder}} and HTML tag survives translation,
 * and no label is still the English text, apart from the few names below that are the same in Mongolian.
 */
class MongolianLocaleTest {

    private static final String APP = "META-INF/resources/webjars/camunda/app/";

    /** Names and signs that read the same in Mongolian: product names, abbreviations, operators, Camunda's empty label. */
    static final Set<String> SAME_IN_MONGOLIAN = Set.of(
            "Camunda", "Cockpit", "Camunda Cockpit", "Optimize", // product names
            "ID", "ID*", "CSV", "JSON", // abbreviations
            "<", "<=", ">", ">=", // operators in the filter editor
            ""); // a label Camunda leaves empty

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}|%[sd]");
    private static final Pattern HTML_TAG =
            Pattern.compile("</?(a|br|b|strong|em|code|span|p|i|ul|li|div|pre)\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyLabelOfCamundasEnglishIsTranslated(String app) throws IOException {
        JsonNode en = camundasEnglish(app).get("labels");
        JsonNode mn = ours(app).get("labels");

        assertThat(fieldNames(en)).as("keys of Camunda's %s en.json missing from our mn.json", app)
                .isSubsetOf(fieldNames(mn));
        assertThat(fieldNames(mn)).as("keys of our %s mn.json that Camunda's en.json no longer has", app)
                .isSubsetOf(fieldNames(en));

        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = en.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            String english = entry.getValue().asText();
            String mongolian = mn.get(key).asText();
            if (!placeholders(english).equals(placeholders(mongolian))) {
                problems.add(key + ": placeholders " + placeholders(english) + " became " + placeholders(mongolian));
            }
            if (!tags(english).equals(tags(mongolian))) {
                problems.add(key + ": HTML " + tags(english) + " became " + tags(mongolian));
            }
            if (english.equals(mongolian) && !SAME_IN_MONGOLIAN.contains(english)) {
                problems.add(key + ": still English: " + english);
            }
        }
        assertThat(problems).as("%s mn.json", app).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void dateNamesAreMongolian(String app) throws IOException {
        JsonNode en = camundasEnglish(app).get("dateLocales");
        JsonNode mn = ours(app).get("dateLocales");

        assertThat(mn).as("%s mn.json dateLocales", app).isNotNull();
        assertThat(fieldNames(mn)).containsAll(fieldNames(en));
        for (String list : List.of("months", "monthsShort", "weekdays", "weekdaysShort", "weekdaysMin")) {
            assertThat(mn.get(list)).as(list).hasSameSizeAs(en.get(list));
            for (int i = 0; i < en.get(list).size(); i++) {
                assertThat(mn.get(list).get(i).asText()).as(list + "[" + i + "]")
                        .isNotEqualTo(en.get(list).get(i).asText())
                        .matches(".*[А-Яа-яӨөҮүЁё].*");
            }
        }
        assertThat(mn.get("months").get(10).asText()).isEqualTo("Арван нэгдүгээр сар");
        assertThat(mn.get("weekdays").get(1).asText()).isEqualTo("Даваа");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void mongolianIsFirstAndTheFallback(String app) throws IOException {
        String config = read(ourResource(app, "scripts/config.js"));

        assertThat(config.replaceAll("\\s+", ""))
                .contains("availableLocales:['mn','en']")
                .contains("fallbackLocale:'mn'");
    }

    private JsonNode camundasEnglish(String app) throws IOException {
        List<URL> found = Collections.list(getClass().getClassLoader().getResources(APP + app + "/locales/en.json"));
        URL webjar = found.stream().filter(url -> url.toString().contains("camunda-webapp-webjar")).findFirst()
                .orElseThrow(() -> new AssertionError("Camunda's webjar with " + app + "/locales/en.json is not on the classpath: " + found));
        return parse(read(webjar));
    }

    private JsonNode ours(String app) throws IOException {
        return parse(read(ourResource(app, "locales/mn.json")));
    }

    private URL ourResource(String app, String path) throws IOException {
        return Collections.list(getClass().getClassLoader().getResources(APP + app + "/" + path)).stream()
                .filter(url -> !url.toString().contains(".jar!"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("our " + app + "/" + path + " is missing"));
    }

    private JsonNode parse(String text) throws IOException {
        return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text); // Camunda's files start with a BOM
    }

    private static String read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> placeholders(String text) {
        return sortedMatches(PLACEHOLDER, text);
    }

    private static List<String> tags(String text) {
        return sortedMatches(HTML_TAG, text);
    }

    private static List<String> sortedMatches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group().replaceAll("\\s+", ""));
        }
        Collections.sort(found);
        return found;
    }
}
