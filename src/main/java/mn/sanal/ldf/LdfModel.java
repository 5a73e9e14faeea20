package mn.sanal.ldf;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import mn.sanal.ldf.LocalDevelopmentFundProcess.Data;
import mn.sanal.platform.deployment.CalledFromModels;

/**
 * What {@code LocalDevelopmentFund.bpmn} asks while it runs ({@code ${ldf.bags(execution)}}): the collections its
 * multi-instance parts run over and the groups its tasks go to.
 */
@Component("ldf")
@CalledFromModels
public class LdfModel {

    private final LdfService service;
    private final LdfSteps steps;

    LdfModel(LdfService service, LdfSteps steps) {
        this.service = service;
        this.steps = steps;
    }

    /** The soum's bags: one bag meeting each. */
    public List<String> bags(DelegateExecution execution) {
        return service.bags(steps.cycle(execution).soumCode());
    }

    public boolean hasProposals(DelegateExecution execution) {
        return service.hasProposals(steps.cycle(execution).id(), Data.BAG_CODE.get(execution));
    }

    public String bagGovernors(String bagCode) {
        return LdfGroups.bagGovernors(bagCode);
    }

    /** The projects the Khural approved: one implementation each. */
    public List<Long> projects(DelegateExecution execution) {
        return service.approvedProjectIds(steps.cycle(execution).id());
    }

    /** Whether the project's works are reported finished (the last progress report said so). */
    public boolean worksFinished(DelegateExecution execution) {
        return steps.project(execution).status() == Ldf.ProjectStatus.FINISHED;
    }

    /**
     * Whether the project's latest oversight or final review is poor. Read from the table, not from a variable: the
     * project's reviews run in parallel branches, and a form's variables land on the process instance.
     */
    public boolean reviewPoor(DelegateExecution execution) {
        return service.latestReviewPoor(steps.project(execution));
    }

    /** Whether the citizens' average score is below the policy's threshold. */
    public boolean lowVerdict(DelegateExecution execution) {
        return service.lowVerdict(steps.project(execution));
    }

    /** The Khural representatives of the project's bag. */
    public String reviewers(DelegateExecution execution) {
        return LdfGroups.khuralReps(steps.project(execution).bagCode());
    }
}
