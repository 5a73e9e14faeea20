package mn.sanal.platform.tasks;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The input fields of one task form and the rules Tasklist applies to them before it submits, applied again on the
 * server to what a completion wrote. A Camunda Form (form-js schema) as Tasklist 7 renders it:
 * <ul>
 * <li>an input is a component with a {@code key} of type textfield, textarea, number, checkbox, radio, select,
 * checklist, taglist or datetime, neither {@code disabled} nor {@code readonly}. Tasklist submits every rendered
 * keyed field except the disabled ones, so a display field must be {@code disabled};</li>
 * <li>the value's type follows the field's type; a radio or select value is one of its {@code values}, of the options
 * in its {@code valuesKey} variable or of its {@code valuesExpression};</li>
 * <li>a field hidden by its {@code conditional.hide} expression is neither rendered nor validated; the others are
 * validated as form-js does: {@code required}, {@code minLength}/{@code maxLength} (of the trimmed text),
 * {@code min}/{@code max}, {@code pattern}, {@code validationType: email}, {@code decimalDigits: 0}.</li>
 * </ul>
 * Any text goes into a String variable, which Camunda stores in a column of {@value StringVariables#MAX_LENGTH}
 * characters; longer text is refused here, with the field's name, not by the database at commit.
 */
final class TaskForm {

    /** A task without a form the server can read (none, embedded HTML, external): nothing may be written. */
    static final TaskForm NONE = new TaskForm(null, Map.of());

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "checkbox", "radio", "select",
            "checklist", "taglist", "datetime");
    private static final Set<String> CHOICES = Set.of("radio", "select", "checklist", "taglist");
    private static final Pattern EMAIL = Pattern.compile("^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9]"
            + "(?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$");

    /** What the task's scope answers: current values, option lists and FEEL expressions (null when they fail). */
    interface Scope {
        Object value(String name);

        Object evaluate(String feelExpression);
    }

    /** A variable the completion wrote: its name and plain value (null when removed). */
    record Written(String name, Object value) {
    }

    record Field(String key, String label, String type, boolean disabled, JsonNode readonly, String hide,
                 JsonNode validate, List<String> values, String valuesKey, String valuesExpression,
                 boolean serializeToString, Integer decimalDigits) {

        String title() {
            return label == null || label.isBlank() ? "«" + key + "»" : "«" + label + "» (" + key + ")";
        }
    }

    private final String formId;
    private final Map<String, Field> fields;

    private TaskForm(String formId, Map<String, Field> fields) {
        this.formId = formId;
        this.fields = fields;
    }

    String formId() {
        return formId;
    }

    /** A Camunda Form's schema (the deployed {@code .form} file). */
    static TaskForm parse(byte[] schema) {
        try {
            JsonNode root = JSON.readTree(schema);
            Map<String, Field> fields = new LinkedHashMap<>();
            collect(root.path("components"), fields);
            return new TaskForm(root.path("id").asText(null), fields);
        } catch (IOException e) {
            throw new IllegalStateException("Not a Camunda Form: " + e.getMessage(), e);
        }
    }

    /** A generated task form ({@code camunda:formData}): its fields' ids, types and enum values. */
    static TaskForm generated(String formId, List<FormField> formFields) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (FormField f : formFields) {
            String type = switch (f.getTypeName()) {
                case "string" -> "textfield";
                case "long" -> "number";
                case "boolean" -> "checkbox";
                case "enum" -> "select";
                default -> "generated-" + f.getTypeName();
            };
            List<String> values = new ArrayList<>();
            if (f.getType() != null && f.getType().getInformation("values") instanceof Map<?, ?> m) {
                m.keySet().forEach(k -> values.add(String.valueOf(k)));
            }
            fields.put(f.getId(), new Field(f.getId(), f.getLabel(), type, false, null, null, null, values, null,
                    null, false, "number".equals(type) ? 0 : null));
        }
        return new TaskForm(formId, fields);
    }

    private static void collect(JsonNode components, Map<String, Field> out) {
        for (JsonNode c : components) {
            String key = c.path("key").asText(null);
            if (key != null && !key.isBlank()) {
                List<String> values = new ArrayList<>();
                c.path("values").forEach(v -> values.add(v.path("value").asText()));
                out.put(key, new Field(key, c.path("label").asText(null), c.path("type").asText(""),
                        c.path("disabled").asBoolean(false), c.get("readonly"),
                        text(c.path("conditional").path("hide")), c.get("validate"), values,
                        text(c.path("valuesKey")), text(c.path("valuesExpression")),
                        c.path("serializeToString").asBoolean(false),
                        c.has("decimalDigits") ? c.get("decimalDigits").asInt() : null));
            }
            // a group or list with its own data path nests its fields' values: nothing under it is a variable
            if (c.has("components") && !c.hasNonNull("path")) {
                collect(c.get("components"), out);
            }
        }
    }

    /**
     * Refuses, with the field's name in Mongolian, what the form would not have submitted: a variable that is not one
     * of its inputs, a value of the wrong type or outside the options, or a visible field breaking its rules.
     */
    void check(List<Written> written, Scope scope) {
        // names first: nothing of the case (values, options, form values) is read before every name the completion
        // wrote is known to be one of the form's inputs
        for (Written w : written) {
            field(w.name());
        }
        Map<String, Object> writtenValues = new LinkedHashMap<>();
        for (Written w : written) {
            Field f = field(w.name());
            if (isTrue(f.readonly(), scope)) {
                throw readOnly(f);
            }
            checkType(f, w.value(), scope);
            writtenValues.put(w.name(), w.value());
        }
        for (Field f : fields.values()) {
            boolean input = INPUTS.contains(f.type()) && !f.disabled() && !isTrue(f.readonly(), scope);
            if (input && !(f.hide() != null && Boolean.TRUE.equals(scope.evaluate(feel(f.hide()))))) {
                checkRules(f, writtenValues.containsKey(f.key()) ? writtenValues.get(f.key()) : scope.value(f.key()),
                        scope);
            }
        }
    }

    /** The form's field of that name if it may be written (an input, not disabled), else the refusal. */
    private Field field(String name) {
        Field f = fields.get(name);
        if (f == null) {
            throw refused(formId == null
                    ? "Энэ даалгаврын маягтыг сервер шалгаж чадахгүй тул «" + name + "» утгыг хадгалах боломжгүй."
                    : "«" + name + "» нь энэ даалгаврын маягтын талбар биш тул утгыг нь өөрчлөх боломжгүй.");
        }
        if (!INPUTS.contains(f.type())) {
            throw refused(f.title() + " талбарын төрлийг (" + f.type() + ") сервер шалгаж чадахгүй тул хадгалах "
                    + "боломжгүй.");
        }
        if (f.disabled()) {
            throw readOnly(f);
        }
        return f;
    }

    private static FormFieldValidationException readOnly(Field f) {
        return refused(f.title() + " талбарыг зөвхөн харуулна, утгыг нь өөрчлөх боломжгүй.");
    }

    private static void checkType(Field f, Object value, Scope scope) {
        if (value == null) {
            return;
        }
        switch (f.type()) {
            case "textfield", "textarea", "datetime" -> {
                if (!(value instanceof String s)) {
                    throw refused(f.title() + " талбарт текст оруулна уу.");
                }
                if (s.length() > StringVariables.MAX_LENGTH) {
                    throw refused(f.title() + " талбар " + StringVariables.MAX_LENGTH + " тэмдэгтээс урт байна.");
                }
            }
            case "number" -> {
                if (number(value, f.serializeToString()) == null) {
                    throw refused(f.title() + " талбарт тоо оруулна уу.");
                }
            }
            case "checkbox" -> {
                if (!(value instanceof Boolean)) {
                    throw refused(f.title() + " талбарт тийм эсвэл үгүй гэсэн утга байна.");
                }
            }
            default -> { // radio, select, checklist, taglist
                List<String> options = options(f, scope);
                Collection<?> chosen = f.type().equals("checklist") || f.type().equals("taglist")
                        ? (value instanceof Collection<?> c ? c : null) : List.of(value);
                if (chosen == null) {
                    throw refused(f.title() + " талбарт жагсаалтаас сонгоно уу.");
                }
                for (Object v : chosen) {
                    boolean empty = v instanceof String s && s.isEmpty();
                    if (!empty && (v instanceof Map || v instanceof Collection || !options.contains(String.valueOf(v)))) {
                        throw refused(f.title() + " талбарын утга «" + v + "» сонголтуудад байхгүй байна.");
                    }
                }
            }
        }
    }

    private static void checkRules(Field f, Object value, Scope scope) {
        JsonNode rules = f.validate();
        if (rules == null) {
            rules = JSON.createObjectNode();
        }
        boolean empty = value == null || "".equals(value) || (value instanceof Collection<?> c && c.isEmpty())
                || ("checkbox".equals(f.type()) && Boolean.FALSE.equals(value));
        if (isTrue(rules.get("required"), scope) && empty) {
            throw refused(f.title() + (CHOICES.contains(f.type()) || "checkbox".equals(f.type())
                    ? " талбарыг сонгоно уу." : " талбарыг бөглөнө үү."));
        }
        if (empty) {
            return;
        }
        if (value instanceof String s) {
            int length = s.strip().length();
            BigDecimal min = limit(rules.get("minLength"), scope);
            if (min != null && length < min.intValue()) {
                throw refused(f.title() + " талбар дор хаяж " + min.intValue() + " тэмдэгт байна.");
            }
            BigDecimal max = limit(rules.get("maxLength"), scope);
            if (max != null && length > max.intValue()) {
                throw refused(f.title() + " талбар " + max.intValue() + " тэмдэгтээс урт байна.");
            }
            String pattern = rules.path("pattern").asText("");
            if (!pattern.isEmpty() && !Pattern.compile(pattern).matcher(s).find()) {
                throw refused(f.title() + " талбарын утга шаардлагатай хэлбэрт тохирохгүй байна.");
            }
            if ("email".equals(rules.path("validationType").asText()) && !EMAIL.matcher(s).matches()) {
                throw refused(f.title() + " талбарт зөв имэйл хаяг оруулна уу.");
            }
        }
        if ("number".equals(f.type())) {
            BigDecimal n = number(value, f.serializeToString());
            if (n == null) {
                throw refused(f.title() + " талбарт тоо оруулна уу.");
            }
            if (Objects.equals(f.decimalDigits(), 0) && n.stripTrailingZeros().scale() > 0) {
                throw refused(f.title() + " талбарт бүхэл тоо оруулна уу.");
            }
            BigDecimal min = limit(rules.get("min"), scope);
            if (min != null && n.compareTo(min) < 0) {
                throw refused(f.title() + " талбарын утга хамгийн багадаа " + min.toPlainString() + " байна.");
            }
            BigDecimal max = limit(rules.get("max"), scope);
            if (max != null && n.compareTo(max) > 0) {
                throw refused(f.title() + " талбарын утга хамгийн ихдээ " + max.toPlainString() + " байна.");
            }
        }
    }

    /** The values a choice field offers: static, from the options variable, or from its FEEL expression. */
    private static List<String> options(Field f, Scope scope) {
        if (!f.values().isEmpty()) {
            return f.values();
        }
        Object source = f.valuesKey() != null ? scope.value(f.valuesKey())
                : f.valuesExpression() != null ? scope.evaluate(feel(f.valuesExpression())) : null;
        List<String> out = new ArrayList<>();
        if (source instanceof Collection<?> items) {
            for (Object item : items) {
                out.add(String.valueOf(item instanceof Map<?, ?> m ? m.get("value") : item));
            }
        }
        return out;
    }

    private static BigDecimal number(Object value, boolean fromString) {
        if (value instanceof Number n) {
            try {
                return new BigDecimal(n.toString());
            } catch (NumberFormatException nanOrInfinity) {
                return null;
            }
        }
        if (fromString && value instanceof String s) {
            try {
                return new BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A rule's bound: a number, or a FEEL expression ({@code "=..."}) giving one. */
    private static BigDecimal limit(JsonNode rule, Scope scope) {
        if (rule == null || rule.isNull()) {
            return null;
        }
        if (rule.isNumber()) {
            return rule.decimalValue();
        }
        String text = rule.asText("").strip();
        return number(text.startsWith("=") ? scope.evaluate(feel(text)) : text, true);
    }

    /** A flag that may be a FEEL expression ({@code "=..."}). */
    private static boolean isTrue(JsonNode flag, Scope scope) {
        if (flag == null || flag.isNull()) {
            return false;
        }
        if (flag.isBoolean()) {
            return flag.booleanValue();
        }
        String text = flag.asText("").strip();
        return text.startsWith("=") ? Boolean.TRUE.equals(scope.evaluate(feel(text))) : Boolean.parseBoolean(text);
    }

    private static String feel(String expression) {
        return expression.startsWith("=") ? expression.substring(1) : expression;
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    /** Camunda's own exception for a form value the server refuses: REST answers it with 400 and the message. */
    private static FormFieldValidationException refused(String message) {
        return new FormFieldValidationException(null, message);
    }
}
