package mn.sanal.polls;

import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import mn.sanal.outbox.NewOutboxMessage;
import mn.sanal.outbox.OutboxService;
import mn.sanal.petitions.Channel;
import mn.sanal.platform.Clocks;

/**
 * What a poll says to its audience by SMS: the announcement, the reminder to those who have not voted, and each bag's
 * results. Recipients: the registered phones of the audience's residents of voting age, minus those that opted out
 * ({@code ЗОГС}, the register leaves them out); each message is an outbox row keyed {@code poll:<id>:<kind>:<phone>},
 * so a job that runs twice sends once; at the outbox's bulk priority, so petition messages go first. Not
 * {@code BroadcastService}: a poll speaks to residents of voting age only (the reminder: to those who have not voted),
 * which its audiences do not express; the rows are the same kind of campaign rows.
 */
@Component
public class PollMessages {

    static final int BATCH = 500;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM.dd HH:mm");

    public enum Kind {
        POLL_ANNOUNCED, POLL_REMINDER, POLL_RESULTS
    }

    private final VoterRegister register;
    private final OutboxService outbox;
    private final PollService polls;

    PollMessages(VoterRegister register, OutboxService outbox, PollService polls) {
        this.register = register;
        this.outbox = outbox;
        this.polls = polls;
    }

    /** The question, the options and how to answer: "1=..., 2=...; Хариулт: С12 <дугаар>", and the window. */
    public static String announcement(Poll p, String soumName) {
        StringBuilder s = new StringBuilder(soumName).append(" сумын ИТХ санал асуулга ").append(p.code()).append(": ")
                .append(p.question().strip());
        for (int i = 0; i < p.options().size(); i++) {
            s.append(i == 0 ? " " : ", ").append(i + 1).append('=').append(p.options().get(i));
        }
        return s.append(". ").append(PollReplies.howToAnswer(p.code())).append(", ")
                .append(p.opensAt().atZoneSameInstant(Clocks.ZONE).format(WHEN)).append('-')
                .append(p.closesAt().atZoneSameInstant(Clocks.ZONE).format(WHEN)).append(". Нэг хүн нэг санал.")
                .toString();
    }

    public static String reminder(Poll p) {
        return p.code() + ": санал өгөөгүй байна. " + PollReplies.howToAnswer(p.code()) + ", "
                + p.closesAt().atZoneSameInstant(Clocks.ZONE).format(WHEN) + " хүртэл.";
    }

    /** A bag's figures and the soum's: "С12 дүн. 3-р баг: 1=120 2=45, ирц 61.2%. Сум: 1=800 2=300, ирц 58.0%". */
    public static String results(Poll p, Tally.Bag bag, Tally.Bag soum) {
        return p.code() + " дүн. " + bag.name() + ": " + figures(bag) + ". Сум: " + figures(soum) + ".";
    }

    private static String figures(Tally.Bag b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < b.votes().length; i++) {
            s.append(i == 0 ? "" : " ").append(i + 1).append('=').append(b.votes()[i]);
        }
        return s.append(", ирц ").append(b.turnoutPercent()).append('%').toString();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public int announce(long pollId) {
        Poll p = polls.get(pollId);
        String text = announcement(p, polls.soumName(p));
        int n = 0;
        for (String bag : p.bags()) {
            n += send(p, Kind.POLL_ANNOUNCED, register.phones(bag, PollService.bornOnOrBefore(p)), text);
        }
        polls.markAnnounced(pollId);
        return n;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public int remind(long pollId) {
        Poll p = polls.get(pollId);
        String text = reminder(p);
        int n = 0;
        for (String bag : p.bags()) {
            n += send(p, Kind.POLL_REMINDER,
                    register.phonesOfNonVoters(pollId, bag, PollService.bornOnOrBefore(p)), text);
        }
        polls.markReminded(pollId);
        return n;
    }

    /** Each bag's residents get their bag's figures and the soum's, as fixed at the close. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int sendResults(long pollId) {
        Poll p = polls.get(pollId);
        Tally t = polls.result(pollId);
        int n = 0;
        for (Tally.Bag bag : t.bags()) {
            n += send(p, Kind.POLL_RESULTS, register.phones(bag.code(), PollService.bornOnOrBefore(p)),
                    results(p, bag, t.soum()));
        }
        polls.markResultsSent(pollId);
        return n;
    }

    /**
     * One outbox row per phone at the bulk priority (petition acknowledgements and answers are claimed first), in
     * batches of {@value #BATCH} rows, campaign {@code poll:<id>:<kind>}.
     */
    private int send(Poll p, Kind kind, List<String> phones, String text) {
        String campaign = "poll:" + p.id() + ":" + kind.name();
        int n = 0;
        for (int from = 0; from < phones.size(); from += BATCH) {
            List<NewOutboxMessage> batch = phones.subList(from, Math.min(phones.size(), from + BATCH)).stream()
                    .map(phone -> new NewOutboxMessage(campaign + ":" + phone, null, kind.name(), Channel.SMS.name(),
                            phone, null, text)).toList();
            outbox.enqueueBulk(batch, campaign, OutboxService.PRIORITY_BULK);
            n += batch.size();
        }
        return n;
    }
}
