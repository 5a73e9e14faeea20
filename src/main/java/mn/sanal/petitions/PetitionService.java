package mn.sanal.petitions;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import mn.sanal.platform.Clocks;

/**
 * The petition's lifecycle in our tables. Every change writes a history line with time and actor. Runs in the
 * caller's transaction: the intake's, or the engine's when a delegate calls it.
 */
@Service
@Transactional
public class PetitionService {

    private static final Logger log = LoggerFactory.getLogger(PetitionService.class);
    private static final long CATEGORIES_FRESH_NANOS = Duration.ofMinutes(1).toNanos();

    public static final String ACTOR_SYSTEM = "system";
    public static final String ACTOR_CITIZEN = "citizen";

    private final PetitionRepository repository;
    private final JdbcClient jdbc;
    /** The categories as last read ({@link #category}). */
    private volatile Categories categories;

    PetitionService(PetitionRepository repository, JdbcClient jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Category> categories() {
        return jdbc.sql("SELECT code, name_mn, description_mn FROM category ORDER BY sort_order")
                .query((rs, i) -> new Category(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /**
     * A category by its code. The categories are reference data that only migrations write, read by every task's
     * title and every intake: kept in memory and read again at most once a minute.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<Category> category(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Categories c = categories;
        long now = System.nanoTime();
        if (c == null || now - c.readAt() > CATEGORIES_FRESH_NANOS) {
            c = new Categories(categories().stream()
                    .collect(Collectors.toUnmodifiableMap(Category::code, cat -> cat)), now);
            categories = c;
        }
        return Optional.ofNullable(c.byCode().get(code));
    }

    private record Categories(Map<String, Category> byCode, long readAt) {
    }

    public Petition create(NewPetition p) {
        return create(p, null);
    }

    /**
     * A new petition; {@code follows} is the closed case the citizen wrote about again (null if none): the new one
     * links to it, and the old case's history says where it continues.
     */
    public Petition create(NewPetition p, Petition follows) {
        OffsetDateTime now = Clocks.now();
        String code = TrackingCodes.next();
        long id = repository.insert(p, code, PetitionStatus.RECEIVED, now, follows == null ? null : follows.id());
        repository.insertEvent(id, now, PetitionEvent.Kind.STATUS, PetitionStatus.RECEIVED, ACTOR_CITIZEN,
                "Суваг: " + p.channel().name()
                        + (follows == null ? "" : ". Хаагдсан өргөдөл " + follows.trackingCode() + "-ийн үргэлжлэл"));
        if (follows != null) {
            repository.insertEvent(follows.id(), now, PetitionEvent.Kind.CONTINUED, null, ACTOR_CITIZEN,
                    "Иргэн дахин хандсан: шинэ өргөдөл " + code);
        }
        return get(id);
    }

    /** The closed case a petition continues, if it does. */
    @Transactional(readOnly = true)
    public Optional<Petition> follows(long id) {
        return repository.follows(id).flatMap(repository::findById);
    }

    /** A message the citizen added to the open case: kept in its history, with how many files came with it. */
    public void followUp(long id, Channel channel, String words, int files) {
        repository.insertEvent(id, Clocks.now(), PetitionEvent.Kind.FOLLOW_UP, null, ACTOR_CITIZEN,
                "(" + channel.labelMn() + ") " + words + (files == 0 ? "" : " [хавсралт: " + files + "]"));
        repository.update(id, "updated_at = ?", Clocks.now());
    }

    @Transactional(readOnly = true)
    public Optional<Petition> find(long id) {
        return repository.findById(id);
    }

    @Transactional(readOnly = true)
    public Petition get(long id) {
        return repository.findById(id).orElseThrow(() -> new IllegalArgumentException("No petition " + id));
    }

    @Transactional(readOnly = true)
    public Optional<Petition> findByTrackingCode(String typed) {
        return TrackingCodes.normalize(typed).flatMap(repository::findByTrackingCode);
    }

    /** The petition a bare reply from this phone number refers to: the newest one waiting in that status. */
    @Transactional(readOnly = true)
    public Optional<Petition> findLatestByPhone(String phone, PetitionStatus status) {
        return repository.findLatestByPhoneAndStatus(phone, status);
    }

    @Transactional(readOnly = true)
    public Optional<Petition> findLatestByEmail(String email, PetitionStatus status) {
        return repository.findLatestByEmailAndStatus(email, status);
    }

    @Transactional(readOnly = true)
    public List<PetitionEvent> history(long id) {
        return repository.events(id);
    }

    @Transactional(readOnly = true)
    public int countEvents(long id, PetitionStatus status) {
        return repository.countEvents(id, status);
    }

    /**
     * Fails loudly unless petition {@code id} is the one {@code processInstanceId} was started for: the process's
     * {@code petitionId} variable is only a reference, and a reference that now points at another citizen's petition
     * must not be acted on (answer, SMS, case history).
     */
    @Transactional(readOnly = true)
    public void requireProcessInstance(long id, String processInstanceId) {
        List<String> linked = jdbc.sql("SELECT process_instance_id FROM petition WHERE id = ?").param(id)
                .query((rs, i) -> rs.getString(1)).list();
        if (linked.size() != 1 || processInstanceId == null || !processInstanceId.equals(linked.get(0))) {
            log.error("Process instance {} refers to petition {}, which belongs to process instance {}",
                    processInstanceId, id, linked);
            throw new IllegalStateException("Өргөдөл " + id + " энэ процесст (" + processInstanceId
                    + ") хамаарахгүй: petitionId хувьсагч өөрчлөгдсөн байна. Үйлдлийг зогсоов.");
        }
    }

    public void linkProcessInstance(long id, String processInstanceId) {
        repository.update(id, "process_instance_id = ?, updated_at = ?", processInstanceId, Clocks.now());
    }

    public void setDueDate(long id, OffsetDateTime dueAt) {
        repository.update(id, "due_at = ?, original_due_at = ?, updated_at = ?", dueAt, dueAt, Clocks.now());
    }

    public void markTriage(long id) {
        change(id, PetitionStatus.TRIAGE, ACTOR_SYSTEM, "Хариуцах байгууллагыг автоматаар тодорхойлж чадсангүй");
    }

    public void assign(long id, String bodyCode, String actor, String note) {
        repository.update(id, "responsible_body = ?, updated_at = ?", bodyCode, Clocks.now());
        change(id, PetitionStatus.ASSIGNED, actor, note);
    }

    public void transfer(long id, String toBody, String actor, String reason) {
        repository.update(id, "responsible_body = ?, updated_at = ?", toBody, Clocks.now());
        change(id, PetitionStatus.TRANSFERRED, actor, reason);
    }

    /** The one extension the law allows: the due date moves by {@code days}, counted from the current due date. */
    public OffsetDateTime extend(long id, int days, String actor, String reason) {
        Petition p = get(id);
        if (p.extended()) {
            throw new IllegalStateException("Petition " + p.trackingCode() + " was already extended");
        }
        OffsetDateTime newDue = p.dueAt().plusDays(days);
        repository.update(id, "due_at = ?, extension_days = ?, overdue = FALSE, updated_at = ?", newDue, days,
                Clocks.now());
        change(id, PetitionStatus.EXTENDED, actor, reason);
        return newDue;
    }

    public void note(long id, String actor, String note) {
        repository.insertEvent(id, Clocks.now(), PetitionEvent.Kind.NOTE, null, actor, note);
    }

    /**
     * Marks petition {@code id} overdue; like {@link #requireProcessInstance}, only when it is the petition of
     * {@code processInstanceId} (checked by the update itself: the deadline storm's one statement less).
     */
    public void markOverdue(long id, String processInstanceId) {
        if (!repository.updateOfInstance(id, processInstanceId, "overdue = TRUE, updated_at = ?", Clocks.now())) {
            requireProcessInstance(id, processInstanceId); // fails, naming both
            throw new IllegalStateException("No petition " + id);
        }
        repository.insertEvent(id, Clocks.now(), PetitionEvent.Kind.OVERDUE, null, ACTOR_SYSTEM,
                "Хуулийн хугацаа хэтэрсэн");
    }

    public void waitForCitizen(long id, String actor, String question) {
        change(id, PetitionStatus.WAITING_FOR_CITIZEN, actor, question);
    }

    /**
     * The citizen's answer to our question, kept in the case history only. The status is the process's to change
     * ({@link #informationReceived}), when the answer reaches it.
     */
    public void recordCitizenInformation(long id, String text) {
        repository.insertEvent(id, Clocks.now(), PetitionEvent.Kind.CITIZEN_INFORMATION, null, ACTOR_CITIZEN, text);
    }

    public void informationReceived(long id) {
        change(id, PetitionStatus.ASSIGNED, ACTOR_CITIZEN, "Иргэн нэмэлт мэдээлэл ирүүлсэн");
    }

    public void informationTimedOut(long id) {
        change(id, PetitionStatus.ASSIGNED, ACTOR_SYSTEM, "Иргэн хугацаандаа нэмэлт мэдээлэл ирүүлээгүй");
    }

    public void answer(long id, String answer, String outcome, String actor) {
        OffsetDateTime now = Clocks.now();
        repository.update(id, "answer = ?, outcome = ?, answered_at = ?, answered_by = ?, updated_at = ?", answer,
                outcome, now, actor, now);
        change(id, PetitionStatus.ANSWERED, actor, answer);
    }

    /** The citizen's rating; a low one puts the answer under the supervisor's review. */
    public void rate(long id, int rating, boolean low) {
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("Rating must be 1..5, was " + rating);
        }
        OffsetDateTime now = Clocks.now();
        repository.update(id, "rating = ?, rated_at = ?, updated_at = ?", rating, now, now);
        repository.insertEvent(id, now, PetitionEvent.Kind.RATED, null, ACTOR_CITIZEN, Integer.toString(rating));
        if (low) {
            change(id, PetitionStatus.UNDER_REVIEW, ACTOR_SYSTEM, "Бага үнэлгээ: хянагч хянана");
        }
    }

    public void reopen(long id, OffsetDateTime newDue, String actor, String note) {
        repository.update(id, "due_at = ?, overdue = FALSE, updated_at = ?", newDue, Clocks.now());
        change(id, PetitionStatus.REOPENED, actor, note);
    }

    public void close(long id, String actor, String note) {
        OffsetDateTime now = Clocks.now();
        repository.update(id, "closed_at = ?, updated_at = ?", now, now);
        change(id, PetitionStatus.CLOSED, actor, note);
    }

    /** What an official filled in for a petition that arrived without text (fax, voicemail). */
    public void describe(long id, String text, PetitionType type, String category, NewPetition.Location location,
                        String actor) {
        repository.update(id, "text = ?, type = ?, category = ?, aimag_code = ?, soum_code = ?, bag_code = ?, "
                        + "updated_at = ?", text, type.name(), category, location.aimagCode(), location.soumCode(),
                location.bagCode(), Clocks.now());
        note(id, actor, "Агуулгыг бичиж оруулсан");
    }

    private void change(long id, PetitionStatus status, String actor, String note) {
        OffsetDateTime now = Clocks.now();
        repository.update(id, "status = ?, updated_at = ?", status.name(), now);
        repository.insertEvent(id, now, PetitionEvent.Kind.STATUS, status, actor, note);
    }
}
