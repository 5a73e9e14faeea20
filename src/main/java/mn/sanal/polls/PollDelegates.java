package mn.sanal.polls;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import mn.sanal.platform.Clocks;
import mn.sanal.polls.SmsPollProcess.Data;
import mn.sanal.polls.SmsPollProcess.Vars;

/**
 * The service tasks of SmsPoll: each maps the poll's id in, calls {@link PollService} or {@link PollMessages}, and
 * maps the result out. Those that talk to citizens run after a save point ({@code asyncBefore}) and write outbox
 * rows keyed by poll, kind and phone, so a job run twice sends once.
 */
final class PollDelegates {

    private PollDelegates() {
    }

    /** Task_WithdrawPoll: the secretary withdrew a returned poll. */
    @Component("withdrawPoll")
    static class WithdrawPoll implements JavaDelegate {
        private final PollService polls;

        WithdrawPoll(PollService polls) {
            this.polls = polls;
        }

        @Override
        public void execute(DelegateExecution execution) {
            polls.withdraw(Data.POLL_ID.get(execution));
        }
    }

    /** Task_AnnouncePoll: the question, options and how to answer, to every eligible phone of the audience. */
    @Component("announcePoll")
    static class AnnouncePoll implements JavaDelegate {
        private final PollMessages messages;

        AnnouncePoll(PollMessages messages) {
            this.messages = messages;
        }

        @Override
        public void execute(DelegateExecution execution) {
            messages.announce(Data.POLL_ID.get(execution));
        }
    }

    /**
     * Task_OpenPoll: the window opened; whether and when the reminder goes: the secretary asked for one and
     * PollReminder.dmn gives the point of the window (percent; 0: none). The DMN is the rule's only home: no result
     * is an incident naming it.
     */
    @Component("openPoll")
    static class OpenPoll implements JavaDelegate {
        private final PollService polls;

        OpenPoll(PollService polls) {
            this.polls = polls;
        }

        @Override
        public void execute(DelegateExecution execution) {
            long id = Data.POLL_ID.get(execution);
            polls.open(id);
            Poll p = polls.get(id);
            long hours = Duration.between(p.opensAt(), p.closesAt()).toHours();
            Map<String, Object> rule = execution.getProcessEngineServices().getDecisionService()
                    .evaluateDecisionByKey(SmsPollProcess.DECISION_REMINDER)
                    .variables(Variables.putValue(Vars.WINDOW_HOURS, hours)).evaluate().getSingleResult();
            if (rule == null || !(rule.get(Vars.REMINDER_PERCENT) instanceof Number percent)) {
                throw new ProcessEngineException("Шийдвэрийн хүснэгт " + SmsPollProcess.DECISION_REMINDER
                        + " нь windowHours = " + hours + "-д " + Vars.REMINDER_PERCENT + " өгсөнгүй. Үйл явцын эзэн "
                        + "DMN-д утгыг бичиж байршуулаад incident-ийг дахин оролдоно уу.");
            }
            boolean remind = p.remind() && percent.intValue() > 0;
            Data.REMIND_NON_VOTERS.set(execution, remind);
            if (remind) {
                long seconds = Duration.between(p.opensAt(), p.closesAt()).toSeconds() * percent.intValue() / 100;
                OffsetDateTime at = p.opensAt().plusSeconds(seconds);
                Data.REMINDER_AT.set(execution, Clocks.toDate(at));
            }
        }
    }

    /** Task_RemindNonVoters: the reminder to the audience's phones whose person has not voted. */
    @Component("remindPollNonVoters")
    static class RemindNonVoters implements JavaDelegate {
        private final PollMessages messages;

        RemindNonVoters(PollMessages messages) {
            this.messages = messages;
        }

        @Override
        public void execute(DelegateExecution execution) {
            messages.remind(Data.POLL_ID.get(execution));
        }
    }

    /** Task_ClosePoll: tally, eligible register, counters and the vote table's hash, fixed in the poll's record. */
    @Component("closePoll")
    static class ClosePoll implements JavaDelegate {
        private final PollService polls;

        ClosePoll(PollService polls) {
            this.polls = polls;
        }

        @Override
        public void execute(DelegateExecution execution) {
            polls.close(Data.POLL_ID.get(execution));
        }
    }

    /** Task_SendResults: each bag's residents get their bag's figures and the soum's. */
    @Component("sendPollResults")
    static class SendPollResults implements JavaDelegate {
        private final PollMessages messages;

        SendPollResults(PollMessages messages) {
            this.messages = messages;
        }

        @Override
        public void execute(DelegateExecution execution) {
            messages.sendResults(Data.POLL_ID.get(execution));
        }
    }

    /** Task_PublishResults: the public page and its JSON and CSV show the poll from now on. */
    @Component("publishPoll")
    static class PublishPoll implements JavaDelegate {
        private final PollService polls;

        PublishPoll(PollService polls) {
            this.polls = polls;
        }

        @Override
        public void execute(DelegateExecution execution) {
            polls.publish(Data.POLL_ID.get(execution));
        }
    }
}
