package mn.sanal.platform.tasks;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * The server's reading of our deployed forms, without an engine: what a completion may write and the form-js rules
 * it must pass, with FEEL evaluated by the engine's own FEEL engine.
 */
class TaskFormTest {

    private static final FeelEngine FEEL = new ScalaFeelEngineFactory().createInstance();

    @Test
    void onlyTheFormsInputsMayBeWritten() throws IOException {
        TaskForm resolve = form("ResolvePetition");
        Map<String, Object> answer = Map.of("resolveAction", "ANSWER", "answerText", "Засна.", "outcome", "RESOLVED");
        assertThatCode(() -> check(resolve, answer, Map.of())).doesNotThrowAnyException();

        refused(resolve, with(answer, "petitionId", 42L), Map.of(), "«petitionId» нь энэ даалгаврын маягтын талбар биш");
        refused(resolve, with(answer, "supervisorGroup", "supervisors-khentii"), Map.of(), "supervisorGroup");
        // a display field is disabled: Tasklist does not submit it, nobody may write it
        refused(resolve, with(answer, "petitionText", "өөр текст"), Map.of(),
                "«Өргөдлийн агуулга» (petitionText) талбарыг зөвхөн харуулна");
    }

    @Test
    void valuesHaveTheFieldsTypeAndOptions() throws IOException {
        TaskForm resolve = form("ResolvePetition");
        refused(resolve, Map.of("resolveAction", "CLOSE_QUIETLY"), Map.of(), "«CLOSE_QUIETLY» сонголтуудад байхгүй");
        refused(resolve, Map.of("resolveAction", "ANSWER", "answerText", 5, "outcome", "RESOLVED"), Map.of(),
                "(answerText) талбарт текст оруулна уу");
        Map<String, Object> bodies = Map.of("bodyOptions", List.of(Map.of("label", "Газрын алба", "value", "sumber-land")));
        Map<String, Object> transfer = Map.of("resolveAction", "TRANSFER", "transferReason", "Газрын асуудал");
        assertThatCode(() -> check(resolve, with(transfer, "transferBody", "sumber-land"), bodies))
                .doesNotThrowAnyException();
        refused(resolve, with(transfer, "transferBody", "delgerkhaan-land"), bodies, "(transferBody)");

        TaskForm request = form("RequestExtension");
        refused(request, Map.of("extensionDays", "10", "extensionReason", "Шалтгаан"), Map.of(), "тоо оруулна уу");
        refused(request, Map.of("extensionDays", 0L, "extensionReason", "Шалтгаан"), Map.of(), "хамгийн багадаа 1");
        refused(request, Map.of("extensionDays", 31L, "extensionReason", "Шалтгаан"), Map.of(), "хамгийн ихдээ 30");
        refused(form("ReadThanks"), Map.of("thanksRead", "тийм"), Map.of(), "тийм эсвэл үгүй");
    }

    @Test
    void visibleFieldsFollowTheFormsRulesHiddenOnesAreSkipped() throws IOException {
        TaskForm resolve = form("ResolvePetition");
        refused(resolve, Map.of("resolveAction", "ANSWER", "outcome", "RESOLVED"), Map.of(),
                "«Иргэнд өгөх хариу» (answerText) талбарыг бөглөнө үү");
        refused(resolve, Map.of("resolveAction", "ANSWER", "answerText", "а".repeat(1001), "outcome", "RESOLVED"),
                Map.of(), "1000 тэмдэгтээс урт");
        // answerText and outcome are hidden unless the action is ANSWER: neither required nor checked
        assertThatCode(() -> check(resolve, Map.of("resolveAction", "EXTEND"), Map.of())).doesNotThrowAnyException();
        refused(form("ReadThanks"), Map.of("thanksRead", false), Map.of(), "(thanksRead) талбарыг сонгоно уу");
    }

    @Test
    void textLongerThanTheEnginesColumnIsRefusedByName() {
        TaskForm note = TaskForm.parse("""
                {"id": "Note", "components": [{"type": "textarea", "key": "note", "label": "Тэмдэглэл"}]}"""
                .getBytes(StandardCharsets.UTF_8));
        assertThatCode(() -> check(note, Map.of("note", "а".repeat(4000)), Map.of())).doesNotThrowAnyException();
        refused(note, Map.of("note", "а".repeat(4001)), Map.of(), "«Тэмдэглэл» (note) талбар 4000 тэмдэгтээс урт");
    }

    @Test
    void patternEmailAndFeelRulesAsFormJsAppliesThem() {
        TaskForm form = TaskForm.parse("""
                {"id": "Rules", "components": [
                  {"type": "textfield", "key": "register", "label": "Регистр",
                   "validate": {"required": true, "pattern": "^[А-ЯӨҮ]{2}[0-9]{8}$"}},
                  {"type": "textfield", "key": "email", "validate": {"validationType": "email"}},
                  {"type": "number", "key": "days", "decimalDigits": 0, "validate": {"max": "=maxDays"}},
                  {"type": "textfield", "key": "locked", "readonly": "=register != null"},
                  {"type": "group", "path": "address", "components": [{"type": "textfield", "key": "street"}]}
                ]}""".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> ok = Map.of("register", "УБ99112233", "email", "bat@example.mn", "days", 5L);
        Map<String, Object> scope = Map.of("maxDays", 10L);
        assertThatCode(() -> check(form, ok, scope)).doesNotThrowAnyException();
        refused(form, with(ok, "register", "12345"), scope, "хэлбэрт тохирохгүй");
        refused(form, with(ok, "email", "bat@"), scope, "имэйл");
        refused(form, with(ok, "days", 11L), scope, "хамгийн ихдээ 10");
        refused(form, with(ok, "days", 2.5), scope, "бүхэл тоо");
        refused(form, with(ok, "locked", "x"), scope, "зөвхөн харуулна");
        // a group with its own data path nests its fields: they are not variables
        refused(form, with(ok, "street", "Энхтайвны өргөн чөлөө"), scope, "«street» нь энэ даалгаврын маягтын талбар биш");
    }

    @Test
    void aTaskWithoutAFormTheServerCanReadTakesNoValues() {
        refused(TaskForm.NONE, Map.of("approved", true), Map.of(), "маягтыг сервер шалгаж чадахгүй");
        assertThatCode(() -> check(TaskForm.NONE, Map.of(), Map.of())).doesNotThrowAnyException();
    }

    private static void refused(TaskForm form, Map<String, Object> written, Map<String, Object> scope,
                                String message) {
        assertThatThrownBy(() -> check(form, written, scope)).isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining(message);
    }

    /** As at completion: what was written is also what the task's scope now holds. */
    private static void check(TaskForm form, Map<String, Object> written, Map<String, Object> scope) {
        Map<String, Object> all = new HashMap<>(scope);
        all.putAll(written);
        List<TaskForm.Written> w = new ArrayList<>();
        written.forEach((k, v) -> w.add(new TaskForm.Written(k, v)));
        form.check(w, new TaskForm.Scope() {
            @Override
            public Object value(String name) {
                return all.get(name);
            }

            @Override
            public Object evaluate(String expression) {
                try {
                    return FEEL.evaluateSimpleExpression(expression, Variables.fromMap(all).asVariableContext());
                } catch (RuntimeException e) {
                    return null;
                }
            }
        });
    }

    private static Map<String, Object> with(Map<String, Object> base, String name, Object value) {
        Map<String, Object> out = new HashMap<>(base);
        out.put(name, value);
        return out;
    }

    private static TaskForm form(String id) throws IOException {
        return TaskForm.parse(Files.readAllBytes(Path.of("forms/petitions/" + id + ".form")));
    }
}
