package mn.sanal.petitions.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import mn.sanal.petitions.Category;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionService;

/**
 * Names a petition's user task so that an official tells ten "Өргөдөл шийдвэрлэх" apart in Tasklist's list: the
 * model's name, the tracking code and a short subject ("Өргөдөл шийдвэрлэх · XTSQ-712G · Эмнэлэгт эмч ирэхгүй…"),
 * and a description with the kind, the category and the beginning of the citizen's text. Installed on every user
 * task of the petition process by {@link TaskTitlesPlugin}, so the models stay as process owners drew them.
 */
class TaskTitles implements TaskListener {

    /** Camunda's task name column holds 255 characters. */
    static final int NAME_LIMIT = 255;
    static final int SUBJECT_LIMIT = 48;
    static final int DESCRIPTION_TEXT_LIMIT = 300;
    static final String SEPARATOR = " · ";

    private final PetitionService petitions;

    TaskTitles(PetitionService petitions) {
        this.petitions = petitions;
    }

    @Override
    public void notify(DelegateTask task) {
        Petition p = ProcessVariables.petition(task, petitions);
        String category = petitions.category(p.category()).map(Category::nameMn).orElse(null);
        task.setName(name(task.getName(), p.trackingCode(), subject(p.text(), category, p.type().labelMn())));
        task.setDescription(description(p, category));
    }

    static String name(String modelName, String trackingCode, String subject) {
        String name = (modelName == null ? "" : modelName + SEPARATOR) + trackingCode + SEPARATOR + subject;
        return cut(name, NAME_LIMIT);
    }

    /** The beginning of what the citizen wrote, else the category, else the kind of petition. */
    static String subject(String text, String category, String typeLabel) {
        if (text != null && !text.isBlank()) {
            return cut(text.strip().replaceAll("\\s+", " "), SUBJECT_LIMIT);
        }
        return category != null ? category : typeLabel;
    }

    private static String description(Petition p, String category) {
        StringBuilder d = new StringBuilder(p.trackingCode()).append(SEPARATOR).append(p.type().labelMn());
        if (category != null) {
            d.append(SEPARATOR).append(category);
        }
        if (p.text() != null && !p.text().isBlank()) {
            d.append(": ").append(cut(p.text().strip().replaceAll("\\s+", " "), DESCRIPTION_TEXT_LIMIT));
        }
        return d.toString();
    }

    /** At most {@code limit} characters, cut at a word where one is near, marked with an ellipsis. */
    static String cut(String s, int limit) {
        if (s.length() <= limit) {
            return s;
        }
        String head = s.substring(0, limit - 1);
        int space = head.lastIndexOf(' ');
        if (space > limit / 2) {
            head = head.substring(0, space);
        }
        return head.stripTrailing() + "…";
    }
}
