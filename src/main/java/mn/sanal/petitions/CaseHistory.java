package mn.sanal.petitions;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import mn.sanal.platform.Clocks;

/**
 * A case's history as officials read it on their task forms: one line per event with date, time, what happened
 * (Mongolian), who, and the note.
 */
public final class CaseHistory {

    /** The task-local form field that shows the history. */
    public static final String FORM_FIELD = "caseHistory";
    /** The task-local form field that lists the case's files. */
    public static final String ATTACHMENTS_FORM_FIELD = "attachmentsText";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseHistory() {
    }

    /**
     * A text for a task form: a Json variable holding a JSON string. Camunda stores it as bytes (a String variable has
     * a 4,000-character column), and Tasklist parses Json variables before it fills the form.
     */
    public static Object formValue(String text) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(text)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(List<PetitionEvent> events) {
        return events.stream().map(CaseHistory::line).collect(Collectors.joining("\n"));
    }

    /** The Tasklist comment an official sees on the open task when the citizen adds to the case. */
    public static String followUpComment(Channel channel, String words, int files) {
        return "Иргэн нэмэлт мэдээлэл ирүүлэв (" + channel.labelMn() + "): " + words
                + (files == 0 ? "" : " [хавсралт: " + files + "]");
    }

    static String line(PetitionEvent e) {
        return Clocks.formatDate(e.at()) + " " + e.at().atZoneSameInstant(Clocks.ZONE).toLocalTime().withNano(0)
                + " " + e.labelMn() + " (" + e.actor() + ")" + (e.note() == null ? "" : ": " + e.note());
    }
}
