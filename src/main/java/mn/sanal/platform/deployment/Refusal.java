package mn.sanal.platform.deployment;

/**
 * One reason a deployment is refused: the rule broken, the resource (file name), the element (its id, or the nearest
 * enclosing element that has one) and the technical detail, e.g. the attribute and the expression.
 */
public record Refusal(Rule rule, String resource, String elementId, String detail) {

    /** The rules a process owner's deployment must keep. Texts are for process owners (Mongolian). */
    public enum Rule {
        SCRIPT("Загварт скрипт ашиглах эрхгүй"),
        JAVA_CLASS("Загварт Java класс заах эрхгүй"),
        CONNECTOR("Загварт коннектор ашиглах эрхгүй"),
        FIELD_INJECTION("Делегатын талбарт утга (camunda:field) оноох эрхгүй"),
        DELEGATE("Зөвхөн Саналын делегатыг (Spring bean) заана"),
        EXPRESSION("Илэрхийлэлд зөвхөн хувьсагч, тогтмол утга, үйлдэл, Саналын делегатын арга бичнэ"),
        DMN_LANGUAGE("Шийдвэрийн хүснэгтэд зөвхөн FEEL хэл ашиглана"),
        FEEL_CALL("FEEL илэрхийлэлд Java функц, объектын арга дуудах эрхгүй"),
        RESOURCE_TYPE("Энэ төрлийн файлыг байршуулах эрхгүй"),
        UNREADABLE("Файлыг уншиж чадсангүй"),
        ADMIN_MODEL("Админы загварт хамаарах түлхүүрийг өөрчлөх эрхгүй"),
        // the house rules (HouseRules, notes/house-rules.md): maintainable models, lawful cases
        GENERATED_ID("Id-г утга учиртай бичнэ (Modeler-ийн үүсгэсэн id биш)"),
        PROCESS_ATTRIBUTE("Заавал бичих шинж алга"),
        LAYOUT("Элемент бүр диаграммд байрлалтай байна"),
        FORM("Хэрэглэгчийн ажлын маягтыг formRefBinding=\"deployment\"-аар холбож, маягтыг хамт байршуулна"),
        CANDIDATES("Хэрэглэгчийн ажилд camunda:candidateGroups, camunda:candidateUsers эсвэл camunda:assignee бичнэ"),
        LEGAL_DEADLINE("Хуулиар тогтсон хугацааг загвараас хасах, өөрчлөх эрхгүй"),
        UNDECLARED_VARIABLE("Загварын уншдаг хувьсагч процессын тогтмолын ангид зарлагдаагүй"),
        HIT_POLICY("Шийдвэрийн хүснэгтэд hitPolicy-г тодорхой бичнэ"),
        RULE_ANNOTATION("Шийдвэрийн хүснэгтийн мөрийн тайлбарт \"law: <эх сурвалж>\" эсвэл \"policy\" гэж бичнэ");

        private final String text;

        Rule(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * E.g. {@code Загварт скрипт ашиглах эрхгүй: Task_X (scriptTask) — exploit.bpmn}, or for a whole file
     * {@code Энэ төрлийн файлыг байршуулах эрхгүй: exploit.js (.js)}.
     */
    public String message() {
        if (elementId == null) {
            return rule.text() + ": " + resource + (detail == null ? "" : " (" + detail + ")");
        }
        return rule.text() + ": " + elementId + (detail == null ? "" : " (" + detail + ")") + " — " + resource;
    }
}
