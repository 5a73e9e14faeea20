package mn.sanal.ldf;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import mn.sanal.ldf.Ldf.Cycle;
import mn.sanal.ldf.Ldf.CycleStatus;
import mn.sanal.ldf.Ldf.Project;
import mn.sanal.ldf.Ldf.Proposal;
import mn.sanal.ldf.Ldf.ProposalStatus;
import mn.sanal.ldf.Ldf.ReviewKind;
import mn.sanal.ldf.LocalDevelopmentFundProcess.Data;
import mn.sanal.ldf.LocalDevelopmentFundProcess.Elements;

/**
 * The user tasks of {@code LocalDevelopmentFund.bpmn} ({@code ${ldfTask}} on create and complete): on create, the
 * task-local values its form shows (long texts as Json, as the petition forms do); on complete, what the form
 * produced, recorded through {@link LdfService}. The form guard has already checked the fields against the form;
 * the rules of the procedure (the ranking names the bag's proposals, the shortlist fits the fund) are checked here and
 * refused with the reason (HTTP 400 in Tasklist).
 */
@Component("ldfTask")
public class LdfTasks implements TaskListener {

    // display fields (task-local, disabled in the forms)
    static final String BAG_NAME = "bagName";
    static final String PROPOSALS_TEXT = "proposalsText";
    static final String FUND_TEXT = "fundText";
    static final String WORKING_GROUP_RULE = "workingGroupRule";
    static final String PROJECT_TEXT = "projectText";
    static final String REVIEW_KIND_TEXT = "reviewKindText";
    static final String REASON_TEXT = "reasonText";
    static final String REPORT_TEXT = "reportText";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LdfService service;
    private final LdfSteps steps;

    LdfTasks(LdfService service, LdfSteps steps) {
        this.service = service;
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            created(task);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            completed(task);
        }
    }

    private void created(DelegateTask task) {
        DelegateExecution ex = task.getExecution();
        switch (task.getTaskDefinitionKey()) {
            case Elements.BAG_MEETING -> {
                Cycle c = steps.cycle(ex);
                String bag = Data.BAG_CODE.get(ex);
                task.setVariableLocal(BAG_NAME, service.placeName(c.soumCode()) + " сум, " + service.placeName(bag));
                task.setVariableLocal(PROPOSALS_TEXT, json(service.proposals(c.id(), bag).stream()
                        .map(p -> "№" + p.id() + ": " + p.text()).collect(Collectors.joining("\n"))));
            }
            case Elements.WORKING_GROUP_REVIEW -> {
                Cycle c = steps.cycle(ex);
                task.setVariableLocal(FUND_TEXT, service.fundText(c, ProposalStatus.SHORTLISTED));
                task.setVariableLocal(WORKING_GROUP_RULE, service.settings(c)
                        .integer(LdfCalendar.WORKING_GROUP_MIN_MEMBERS) + "-оос доошгүй гишүүн (Сангийн сайдын 2021 "
                        + "оны 86 дугаар тушаал)");
                task.setVariableLocal(PROPOSALS_TEXT, json(service.proposals(c.id()).stream()
                        .filter(p -> p.status() == ProposalStatus.RANKED)
                        .map(p -> service.placeName(p.bagCode()) + ", эрэмбэ " + p.meetingRank() + ": №" + p.id()
                                + " " + p.text()).collect(Collectors.joining("\n"))));
            }
            case Elements.KHURAL_APPROVAL -> {
                Cycle c = steps.cycle(ex);
                service.setStatus(c.id(), CycleStatus.KHURAL);
                task.setVariableLocal(FUND_TEXT, service.fundText(c, ProposalStatus.SHORTLISTED));
                task.setVariableLocal(PROPOSALS_TEXT, json(service.proposals(c.id()).stream()
                        .filter(p -> p.status() == ProposalStatus.SHORTLISTED).map(this::withComments)
                        .collect(Collectors.joining("\n"))));
            }
            case Elements.CONTRACT, Elements.REPORT_PROGRESS, Elements.ACCEPTANCE ->
                    task.setVariableLocal(PROJECT_TEXT, service.projectText(steps.project(ex)));
            case Elements.OVERSIGHT_REVIEW, Elements.FINAL_REVIEW -> {
                task.setVariableLocal(PROJECT_TEXT, service.projectText(steps.project(ex)));
                task.setVariableLocal(REVIEW_KIND_TEXT, Elements.FINAL_REVIEW.equals(task.getTaskDefinitionKey())
                        ? "Ажил дууссаны дараах хяналт" : "Улирлын хяналт");
            }
            case Elements.MISSED_REVIEW, Elements.POOR_REVIEW, Elements.FINAL_POOR_REVIEW, Elements.VERDICT_REVIEW -> {
                Project p = steps.project(ex);
                task.setVariableLocal(PROJECT_TEXT, service.projectText(p));
                task.setVariableLocal(REASON_TEXT, json(reason(task.getTaskDefinitionKey(), p)));
            }
            case Elements.ANNUAL_HEARING -> task.setVariableLocal(REPORT_TEXT, json(report(steps.cycle(ex))));
            default -> {
            }
        }
    }

    private void completed(DelegateTask task) {
        DelegateExecution ex = task.getExecution();
        String by = user(task);
        switch (task.getTaskDefinitionKey()) {
            case Elements.BAG_MEETING -> service.recordMeeting(steps.cycle(ex).id(), Data.BAG_CODE.get(ex),
                    text(task, "meetingDate"), number(task, "attendance"), text(task, "ranking"),
                    text(task, "merges"), text(task, "notes"), by);
            case Elements.WORKING_GROUP_REVIEW -> service.recordReview(steps.cycle(ex), number(task, "membersPresent"),
                    text(task, "decisions"));
            case Elements.KHURAL_APPROVAL -> {
                int approved = service.recordApproval(steps.cycle(ex), text(task, "decisions"),
                        text(task, "resolutionNumber"), text(task, "resolutionDate"));
                Data.APPROVED_COUNT.set(ex.getProcessInstance(), approved);
            }
            case Elements.CONTRACT -> service.contract(steps.project(ex), text(task, "contractor"),
                    number(task, "contractAmount"), text(task, "startsOn"), text(task, "endsOn"));
            case Elements.REPORT_PROGRESS -> service.reportProgress(steps.project(ex), by,
                    number(task, "progressPercent"), text(task, "note"),
                    Boolean.TRUE.equals(task.getVariable("finished")));
            case Elements.OVERSIGHT_REVIEW, Elements.FINAL_REVIEW -> service.review(steps.project(ex),
                    Elements.FINAL_REVIEW.equals(task.getTaskDefinitionKey()) ? ReviewKind.FINAL
                            : ReviewKind.OVERSIGHT, by, number(task, "progressPercent"), number(task, "quality"),
                    text(task, "problems"));
            case Elements.ACCEPTANCE -> service.accept(steps.project(ex), by, text(task, "acceptedOn"),
                    text(task, "note"));
            case Elements.ANNUAL_HEARING -> service.hearing(steps.cycle(ex).id(), text(task, "hearingDate"),
                    number(task, "attendance"), text(task, "notes"));
            default -> {
                // follow-ups: the action taken stays in the task's history
            }
        }
    }

    private String withComments(Proposal p) {
        List<Ldf.Comment> comments = service.comments(p.id());
        StringBuilder s = new StringBuilder(service.placeName(p.bagCode()) + ": №" + p.id() + " " + p.text()
                + " (өртөг " + LdfService.money(LdfService.nz(p.costEstimate())) + ")");
        s.append("\n  олон нийтийн санал: ").append(comments.size());
        comments.forEach(c -> s.append("\n  - ").append(c.text()));
        return s.toString();
    }

    private String reason(String key, Project p) {
        return switch (key) {
            case Elements.MISSED_REVIEW -> "ИТХ-ын төлөөлөгчдийн улирлын хяналт хугацаандаа хийгдээгүй ("
                    + LdfGroups.khuralReps(p.bagCode()) + ").";
            case Elements.VERDICT_REVIEW -> "Иргэдийн дундаж үнэлгээ " + p.verdictAverage() + " (" + p.verdictCount()
                    + " санал; 1-5: " + distribution(p.verdictDistribution()) + ").";
            default -> service.reviews(p.id()).stream().reduce((a, b) -> b)
                    .map(r -> "Хяналтын чанарын үнэлгээ " + r.quality() + ", гүйцэтгэл " + r.progressPercent()
                            + "%. Асуудал: " + (r.problems() == null ? "-" : r.problems()))
                    .orElse("Хяналтын дүн муу.");
        };
    }

    static String distribution(int[] d) {
        return d[0] + "/" + d[1] + "/" + d[2] + "/" + d[3] + "/" + d[4];
    }

    private String report(Cycle c) {
        return service.projects(c.id()).stream().map(p -> service.projectText(p) + ": " + p.status() + ", гүйцэтгэл "
                + p.progressPercent() + "%, иргэдийн үнэлгээ " + (p.verdictAverage() == null ? "-" : p.verdictAverage())
                + " (" + p.verdictCount() + ")").collect(Collectors.joining("\n", c.year() + " оны тайлан\n", ""));
    }

    private static String user(DelegateTask task) {
        var ctx = Context.getCommandContext();
        String id = ctx == null ? null : ctx.getAuthenticatedUserId();
        return id != null ? id : task.getAssignee() != null ? task.getAssignee() : "unknown";
    }

    private static String text(DelegateTask task, String name) {
        Object v = task.getVariable(name);
        return v instanceof String s && !s.isBlank() ? s : null;
    }

    private static Long number(DelegateTask task, String name) {
        Object v = task.getVariable(name);
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v == null) {
            return null;
        }
        throw new BadUserRequestException(name + " тоо байна.");
    }

    private static Object json(String text) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(text)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
