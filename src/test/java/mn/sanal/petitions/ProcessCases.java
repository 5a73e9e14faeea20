package mn.sanal.petitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import mn.sanal.intake.IntakeResult;
import mn.sanal.intake.IntakeResult.PetitionAccepted;
import mn.sanal.intake.IntakeService;

/**
 * What the model-safety process tests share: a petition submitted as a channel submits it, the instance's due jobs
 * run one by one (the job executor is off under profile "test"), and the shipped models read from the repository to
 * deploy changed copies of them.
 */
final class ProcessCases {

    static final NewPetition.Location SUMBER =
            new NewPetition.Location("govisumber", "govisumber.sumber", null, null, null, null);
    static final String PHONE = "97699112233";

    private final ProcessEngine engine;
    private final IntakeService intake;

    ProcessCases(ProcessEngine engine, IntakeService intake) {
        this.engine = engine;
        this.intake = intake;
    }

    Petition submit(PetitionType type, String category) {
        IntakeResult result = intake.submit(new NewPetition(Channel.SMS, "sms-" + UUID.randomUUID(), type,
                "Сүмбэр сумын эрүүл мэндийн төвд эмч байхгүй байна", PHONE, null, null, null, category, SUMBER, null));
        assertThat(result).isInstanceOf(PetitionAccepted.class);
        return ((PetitionAccepted) result).petition();
    }

    /** A fax without text: it waits for a clerk to describe it. */
    Petition fax() {
        IntakeResult result = intake.submit(new NewPetition(Channel.FAX, "fax-" + UUID.randomUUID(),
                PetitionType.REQUEST, "", null, null, "70112233", null, null, NewPetition.Location.UNKNOWN, null));
        assertThat(result).isInstanceOf(PetitionAccepted.class);
        return ((PetitionAccepted) result).petition();
    }

    ProcessInstance instance(Petition p) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(p.processInstanceId())
                .singleResult();
    }

    /** Runs the instance's due jobs one at a time until only waits remain. */
    void executeDueJobs(String processInstanceId) {
        for (int i = 0; i < 100; i++) {
            List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
                    .executable().list();
            if (due.isEmpty()) {
                return;
            }
            engine.getManagementService().executeJob(due.get(0).getId());
        }
        fail("Jobs of %s keep coming", processInstanceId);
    }

    Task task(String processInstanceId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
    }

    Job timer(String processInstanceId, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
                .activityId(activityId).singleResult();
    }

    /** The shipped files of processes/petitions and forms/petitions by file name, to deploy changed copies. */
    static Map<String, String> shipped() {
        Map<String, String> files = new LinkedHashMap<>();
        for (Path dir : new Path[] {Path.of("processes/petitions"), Path.of("forms/petitions")}) {
            try (Stream<Path> list = Files.list(dir)) {
                for (Path f : list.sorted().toList()) {
                    files.put(f.getFileName().toString(), Files.readString(f));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    static Date date(OffsetDateTime t) {
        return Date.from(t.toInstant());
    }
}
