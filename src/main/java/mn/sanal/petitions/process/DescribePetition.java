package mn.sanal.petitions.process;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import mn.sanal.organisations.CaseAccess;
import mn.sanal.organisations.OrgUnit;
import mn.sanal.organisations.OrganisationService;
import mn.sanal.organisations.Place;
import mn.sanal.organisations.PlaceResolver;
import mn.sanal.petitions.NewPetition;
import mn.sanal.petitions.PetitionHandlingProcess.Data;
import mn.sanal.petitions.PetitionHandlingProcess.Vars;
import mn.sanal.petitions.PetitionService;
import mn.sanal.petitions.PetitionType;
import mn.sanal.platform.tasks.StringVariables;

/**
 * UserTask_DescribePetition: a fax or voicemail came without text. On create the triage group of the place may see
 * the case (and its scan or recording) and the form gets its options; on complete what the official read or heard
 * goes to {@link PetitionService#describe} and the type, category and place into the variables the deadlines and
 * routing decisions read.
 */
@Component("describePetition")
public class DescribePetition implements TaskListener {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * What an official types travels as a String variable (Tasklist submits text so), so it stays within the
     * engine's column; the form's {@code maxLength} says the same.
     */
    static final int MAX_TRANSCRIPTION_LENGTH = Math.min(NewPetition.MAX_TEXT_LENGTH, StringVariables.MAX_LENGTH);

    private final PetitionService petitions;
    private final OrganisationService organisations;
    private final CaseAccess access;
    private final PlaceResolver places;

    DescribePetition(PetitionService petitions, OrganisationService organisations, CaseAccess access,
                     PlaceResolver places) {
        this.petitions = petitions;
        this.organisations = organisations;
        this.access = access;
        this.places = places;
    }

    /** The group that reads faxes and listens to voicemail for the petition's place (clerks when unknown). */
    public String triageGroup(DelegateExecution execution) {
        return organisations.triageGroup(Data.SOUM.orNull(execution), Data.AIMAG.orNull(execution));
    }

    @Override
    public void notify(DelegateTask task) {
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            access.grantGroup(task.getProcessInstanceId(), triageGroup(task.getExecution()));
            // the text is what the official types here: no display copy on the task, so that a completion's value
            // (complete or submit-form alike) is the one read below
            task.removeVariableLocal(Vars.PETITION_TEXT);
            task.setVariableLocal("petitionTypeOptions", json(List.of(PetitionType.values()).stream()
                    .map(t -> Map.of("label", t.labelMn(), "value", t.name())).toList()));
            task.setVariableLocal("categoryOptions", json(petitions.categories().stream()
                    .map(c -> Map.of("label", c.nameMn(), "value", c.code())).toList()));
            task.setVariableLocal("aimagOptions", json(units(OrgUnit.Level.AIMAG)));
            task.setVariableLocal("soumOptions", json(units(OrgUnit.Level.SOUM)));
        } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            complete(task);
        }
    }

    private void complete(DelegateTask task) {
        String text = ProcessVariables.text(task, Data.PETITION_TEXT);
        if (text == null) {
            throw new BadUserRequestException("Өргөдлийн агуулгыг бичнэ үү.");
        }
        if (text.length() > MAX_TRANSCRIPTION_LENGTH) {
            throw new BadUserRequestException("Агуулга " + MAX_TRANSCRIPTION_LENGTH + " тэмдэгтээс урт байна.");
        }
        PetitionType type;
        try {
            type = Data.PETITION_TYPE.get(task);
        } catch (IllegalStateException absentOrNotAType) {
            throw new BadUserRequestException("Өргөдлийн төрлийг сонгоно уу.");
        }
        String category = ProcessVariables.text(task, Data.CATEGORY);
        if (category != null && petitions.category(category).isEmpty()) {
            throw new BadUserRequestException("Ангилал буруу байна.");
        }
        Place place = places.validate(ProcessVariables.text(task, Data.AIMAG), ProcessVariables.text(task, Data.SOUM),
                        null)
                .orElseThrow(() -> new BadUserRequestException(
                        "Байршил буруу: сум сонгосон аймагт харьяалагдахгүй байна."));
        // taskCompletion, the task's first complete listener, has recorded who did it
        petitions.describe(ProcessVariables.petitionId(task, petitions), text.strip(), type, category,
                new NewPetition.Location(place.aimagCode(), place.soumCode(), null, null, null, null),
                ProcessVariables.actor(task));
        DelegateExecution execution = task.getExecution();
        Data.PETITION_TYPE.set(execution, type);
        Data.CATEGORY.set(execution, category);
        Data.AIMAG.set(execution, place.aimagCode());
        Data.SOUM.set(execution, place.soumCode());
        Data.PETITION_TEXT.remove(execution);
    }

    private List<Map<String, String>> units(OrgUnit.Level level) {
        return organisations.units().stream().filter(u -> u.level() == level)
                .map(u -> Map.of("label", level == OrgUnit.Level.SOUM
                        ? organisations.describe(u.parentCode(), u.code(), null) : u.nameMn(), "value", u.code()))
                .toList();
    }

    private static Object json(Object value) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
