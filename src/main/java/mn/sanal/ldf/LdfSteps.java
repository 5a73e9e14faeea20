package mn.sanal.ldf;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import mn.sanal.broadcasts.BroadcastService;
import mn.sanal.citizens.Audience;
import mn.sanal.ldf.Ldf.Cycle;
import mn.sanal.ldf.Ldf.CycleStatus;
import mn.sanal.ldf.Ldf.Project;
import mn.sanal.ldf.Ldf.ProjectStatus;
import mn.sanal.ldf.Ldf.Proposal;
import mn.sanal.ldf.Ldf.ProposalStatus;
import mn.sanal.ldf.LocalDevelopmentFundProcess.Data;
import mn.sanal.ldf.LocalDevelopmentFundProcess.Elements;
import mn.sanal.organisations.Body;
import mn.sanal.organisations.Groups;
import mn.sanal.organisations.OrganisationService;
import mn.sanal.outbox.NewOutboxMessage;
import mn.sanal.outbox.OutboxService;
import mn.sanal.platform.Clocks;

/**
 * The service tasks of {@code LocalDevelopmentFund.bpmn}, one bean for the fund's steps ({@code ${ldfStep}}): the
 * step is the activity it runs for. Each maps variables in, calls {@link LdfService}, maps the result out. Each step
 * checks that the cycle its {@code cycleId} names is this instance's cycle, so a changed variable never reaches another
 * soum's cycle.
 */
@Component("ldfStep")
public class LdfSteps implements JavaDelegate {

    private final LdfService service;
    private final OrganisationService organisations;
    private final IdentityService identity;
    private final OutboxService outbox;
    private final BroadcastService broadcasts;

    LdfSteps(LdfService service, OrganisationService organisations, IdentityService identity, OutboxService outbox,
             BroadcastService broadcasts) {
        this.service = service;
        this.organisations = organisations;
        this.identity = identity;
        this.outbox = outbox;
        this.broadcasts = broadcasts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String step = execution.getCurrentActivityId();
        switch (step) {
            case Elements.OPEN_CYCLE -> openCycle(execution);
            case Elements.CLOSE_COLLECTION -> {
                Cycle c = cycle(execution);
                service.setStatus(c.id(), CycleStatus.MEETINGS);
                Data.BAG_MEETINGS_DUE_AT.set(execution, Clocks.toDate(service.settings(c)
                        .after(LdfCalendar.BAG_MEETING_PERIOD, Clocks.now())));
            }
            case Elements.RECORD_EMPTY_BAG -> service.recordEmptyBag(cycle(execution).id(),
                    Data.BAG_CODE.get(execution));
            case Elements.START_REVIEW -> {
                Cycle c = cycle(execution);
                service.setStatus(c.id(), CycleStatus.REVIEW);
                Data.REVIEW_DUE_AT.set(execution, Clocks.toDate(service.settings(c)
                        .after(LdfCalendar.WORKING_GROUP_PERIOD, Clocks.now())));
            }
            case Elements.PUBLISH_DRAFT -> publishDraft(execution);
            case Elements.TELL_AUTHORS -> tellAuthors(execution);
            case Elements.REMIND_REVIEWERS -> remindReviewers(execution);
            case Elements.ASK_VERDICT -> askVerdict(execution);
            case Elements.TALLY_VERDICT -> service.tally(project(execution));
            case Elements.YEAR_REPORT -> service.setStatus(cycle(execution).id(), CycleStatus.REPORTED);
            case Elements.CLOSE_CYCLE -> service.setStatus(cycle(execution).id(), CycleStatus.CLOSED);
            default -> throw new IllegalStateException("ldfStep: " + step + " алхам биш.");
        }
    }

    /** The cycle of this process instance; an incident if the variable names another instance's cycle. */
    Cycle cycle(DelegateExecution execution) {
        Cycle c = service.cycle(Data.CYCLE_ID.get(execution));
        if (!execution.getProcessInstanceId().equals(c.processInstanceId())) {
            throw new IllegalStateException("cycleId " + c.id() + " энэ процессын мөчлөг биш.");
        }
        return c;
    }

    /** The project of this multi-instance part, which must belong to this instance's cycle. */
    Project project(DelegateExecution execution) {
        Project p = service.project(Data.PROJECT_ID.get(execution));
        if (p.cycleId() != cycle(execution).id()) {
            throw new IllegalStateException("projectId " + p.id() + " энэ мөчлөгийн төсөл биш.");
        }
        return p;
    }

    private void openCycle(DelegateExecution execution) {
        String soum = Data.SOUM.get(execution);
        String initiator = Data.INITIATOR.orNull(execution);
        if (organisations.unit(soum).isEmpty()) {
            throw new BadUserRequestException("Сум олдсонгүй: " + soum);
        }
        Body office = organisations.findBody(Body.Kind.GOVERNOR_OFFICE, soum, null)
                .orElseThrow(() -> new BadUserRequestException("Сумын Засаг даргын Тамгын газар бүртгэлгүй: " + soum));
        Body khural = organisations.findBody(Body.Kind.KHURAL, soum, null)
                .orElseThrow(() -> new BadUserRequestException("Сумын ИТХ бүртгэлгүй: " + soum));
        if (initiator == null || identity.createUserQuery().userId(initiator).memberOfGroup(office.groupId()).count()
                + identity.createUserQuery().userId(initiator).memberOfGroup(Groups.ADMINS).count() == 0) {
            throw new BadUserRequestException("Мөчлөгийг тухайн сумын Засаг даргын Тамгын газар эхлүүлнэ.");
        }
        Cycle c = service.open(soum, Data.YEAR.get(execution), Data.FUND_AMOUNT.get(execution), initiator,
                execution.getProcessInstanceId());
        LdfCalendar.Settings s = service.settings(c);
        Data.CYCLE_ID.set(execution, c.id());
        Data.COLLECTION_CLOSES_AT.set(execution, Clocks.toDate(c.collectionClosesAt()));
        Data.OFFICE_GROUP.set(execution, office.groupId());
        Data.GOVERNOR.set(execution, office.headUserId());
        Data.KHURAL_GROUP.set(execution, khural.groupId());
        Data.KHURAL_CHAIR.set(execution, khural.headUserId());
        Data.WORKING_GROUP.set(execution, LdfGroups.workingGroup(soum));
        Data.COMMISSION_GROUP.set(execution, LdfGroups.commission(soum));
        Data.PROGRESS_REPORT_INTERVAL.set(execution, s.get(LdfCalendar.PROGRESS_REPORT_INTERVAL));
        Data.REVIEW_CYCLE.set(execution, "R/" + s.get(LdfCalendar.REVIEW_INTERVAL));
        Data.REVIEW_REMINDER_AFTER.set(execution, s.get(LdfCalendar.REVIEW_REMINDER_AFTER));
        Data.REVIEW_ESCALATION_AFTER.set(execution, s.get(LdfCalendar.REVIEW_ESCALATION_AFTER));
        Data.VERDICT_PERIOD.set(execution, s.get(LdfCalendar.VERDICT_PERIOD));
    }

    private void publishDraft(DelegateExecution execution) {
        Cycle c = cycle(execution);
        LdfCalendar.Settings s = service.settings(c);
        OffsetDateTime ends = s.after(LdfCalendar.COMMENT_PERIOD, Clocks.now());
        service.setStatus(c.id(), CycleStatus.DISCLOSED);
        service.setCommentEnd(c.id(), ends);
        Data.COMMENT_ENDS_AT.set(execution, Clocks.toDate(ends));
        Data.KHURAL_DUE_AT.set(execution, Clocks.toDate(s.after(LdfCalendar.KHURAL_PERIOD, ends)));
        // each bag's residents hear of their own items (a broadcast, idempotent by campaign: a rerun sends nobody twice);
        // the whole list is public at /ldf/cycle/{id}/proposals.json from now on
        Map<String, List<String>> items = new TreeMap<>();
        for (Proposal p : service.proposals(c.id())) {
            if (p.status() == ProposalStatus.SHORTLISTED) {
                items.computeIfAbsent(p.bagCode(), b -> new ArrayList<>()).add("№" + p.id() + " "
                        + LdfService.title(p.text()));
            }
        }
        items.forEach((bag, list) -> broadcasts.send(Audience.bags(c.soumCode(), Set.of(bag)),
                LdfTexts.draftAnnouncement(service.placeName(bag), list, Clocks.formatDate(ends)),
                "ldf:" + c.id() + ":draft:" + bag));
    }

    /** The project's bag is asked its verdict, 1-5, by SMS; answers come through intake ({@link LdfProposals}). */
    private void askVerdict(DelegateExecution execution) {
        Project p = project(execution);
        service.setProjectStatus(p.id(), ProjectStatus.VERDICT);
        broadcasts.send(Audience.bags(cycle(execution).soumCode(), Set.of(p.bagCode())),
                LdfTexts.verdictQuestion(p.proposalId(), p.title()), "ldf:project:" + p.id() + ":verdict");
    }

    /** Each author of a decided proposal is told, on the channel they wrote from; keyed, so a rerun tells once. */
    private void tellAuthors(DelegateExecution execution) {
        Cycle c = cycle(execution);
        service.setStatus(c.id(), CycleStatus.IMPLEMENTING);
        for (Proposal p : service.proposals(c.id())) {
            String text;
            if (p.status() == ProposalStatus.APPROVED) {
                text = LdfTexts.approved(p.id(), p.approvedAmount());
            } else if (p.status() == ProposalStatus.REFUSED || p.status() == ProposalStatus.NOT_SHORTLISTED
                    || p.status() == ProposalStatus.NOT_RANKED) {
                text = LdfTexts.refused(p.id());
            } else {
                continue;
            }
            String channel = p.authorPhone() != null ? "SMS" : p.authorEmail() != null ? "EMAIL" : null;
            if (channel != null) {
                outbox.enqueue(new NewOutboxMessage("ldf:proposal:" + p.id() + ":DECIDED", null, "LDF_DECIDED",
                        channel, "SMS".equals(channel) ? p.authorPhone() : p.authorEmail(),
                        "ОНХС санал №" + p.id(), text));
            }
        }
    }

    /** A mail to each representative of the bag, once per project and quarter. */
    private void remindReviewers(DelegateExecution execution) {
        Project p = project(execution);
        OffsetDateTime now = Clocks.now().withOffsetSameInstant(ZoneOffset.ofHours(8));
        String quarter = now.getYear() + "Q" + now.get(IsoFields.QUARTER_OF_YEAR);
        List<User> reps = identity.createUserQuery().memberOfGroup(LdfGroups.khuralReps(p.bagCode())).list();
        for (User u : reps) {
            if (u.getEmail() != null && !u.getEmail().isBlank()) {
                outbox.enqueue(new NewOutboxMessage("ldf:project:" + p.id() + ":REVIEW_REMINDER:" + quarter + ":"
                        + u.getId(), null, "LDF_REVIEW_REMINDER", "EMAIL", u.getEmail(), "ОНХС: улирлын хяналт",
                        LdfTexts.reviewReminder(p.title())));
            }
        }
    }
}
