package mn.sanal.ldf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import mn.sanal.ldf.Ldf.Cycle;
import mn.sanal.ldf.Ldf.CycleStatus;
import mn.sanal.ldf.Ldf.Project;
import mn.sanal.ldf.Ldf.ProjectStatus;
import mn.sanal.ldf.Ldf.Proposal;
import mn.sanal.ldf.Ldf.ProposalChannel;
import mn.sanal.ldf.Ldf.ProposalStatus;
import mn.sanal.ldf.Ldf.ReviewKind;
import mn.sanal.organisations.OrgUnit;
import mn.sanal.organisations.OrganisationService;
import mn.sanal.platform.Clocks;
import mn.sanal.platform.Hashes;

/**
 * The fund's business: cycles, proposals, the bag meetings', working group's and Khural's decisions, projects,
 * reviews and the citizens' verdict. Officials' entries that break a rule are refused with a
 * {@link BadUserRequestException} whose Mongolian message Tasklist shows (HTTP 400); nothing of them is kept.
 */
@Service
@Transactional
public class LdfService {

    public static final int MAX_PROPOSAL_LENGTH = 2000;
    private static final Pattern NUMBER_LIST = Pattern.compile("\\d+");
    private static final Pattern MERGE = Pattern.compile("(\\d+)\\s*>\\s*(\\d+)");
    private static final Pattern DECISION = Pattern.compile("^\\s*№?\\s*(\\d+)\\s*[:;|]\\s*(-|[\\d\\s]+)\\s*$");

    private final LdfRepository repo;
    private final LdfCalendar calendar;
    private final OrganisationService organisations;

    LdfService(LdfRepository repo, LdfCalendar calendar, OrganisationService organisations) {
        this.repo = repo;
        this.calendar = calendar;
        this.organisations = organisations;
    }

    // ------------------------------------------------------------------------------------------------ cycle

    /** Opens the year's cycle of a soum; refuses a second one for the same soum and year. */
    public Cycle open(String soum, int year, long fund, String startedBy, String processInstanceId) {
        OrgUnit unit = organisations.unit(soum).filter(u -> u.level() == OrgUnit.Level.SOUM)
                .orElseThrow(() -> new BadUserRequestException("Сум олдсонгүй: " + soum));
        if (fund <= 0) {
            throw new BadUserRequestException("Сангийн хэмжээ эерэг тоо байна.");
        }
        if (repo.cycleExists(soum, year)) {
            throw new BadUserRequestException(unit.nameMn() + " сумын " + year + " оны ОНХС-ийн мөчлөг эхэлсэн байна.");
        }
        LdfCalendar.Settings s = calendar.forYear(year);
        long id = repo.insertCycle(soum, year, fund, s.collectionOpens(), s.collectionCloses(), startedBy,
                processInstanceId);
        return cycle(id);
    }

    public Cycle cycle(long id) {
        return repo.cycle(id).orElseThrow(() -> new IllegalStateException("ОНХС-ийн мөчлөг " + id + " алга."));
    }

    public Optional<Cycle> findCycle(long id) {
        return repo.cycle(id);
    }

    public List<Cycle> cyclesOf(String soum) {
        return repo.cyclesOf(soum);
    }

    public LdfCalendar.Settings settings(Cycle c) {
        return calendar.forYear(c.year());
    }

    public void setStatus(long cycleId, CycleStatus status) {
        repo.setCycleStatus(cycleId, status);
    }

    /** The soum's bags, in code order. */
    public List<String> bags(String soum) {
        return organisations.units().stream()
                .filter(u -> u.level() == OrgUnit.Level.BAG && soum.equals(u.parentCode()))
                .map(OrgUnit::code).sorted(LdfService::byBagNumber).toList();
    }

    static int byBagNumber(String a, String b) {
        String na = a.substring(a.lastIndexOf('.') + 1);
        String nb = b.substring(b.lastIndexOf('.') + 1);
        if (na.chars().allMatch(Character::isDigit) && nb.chars().allMatch(Character::isDigit)) {
            return Integer.compare(Integer.parseInt(na), Integer.parseInt(nb));
        }
        return a.compareTo(b);
    }

    public String placeName(String code) {
        return organisations.unit(code).map(OrgUnit::nameMn).orElse(code);
    }

    public boolean hasProposals(long cycleId, String bag) {
        return repo.countProposals(cycleId, bag) > 0;
    }

    // ------------------------------------------------------------------------------------------------ intake

    /**
     * The soum's cycle a proposal or comment sent now belongs to: the newest cycle of the soum. Empty when the soum
     * never opened one.
     */
    public Optional<Cycle> currentCycle(String soum) {
        return repo.cyclesOf(soum).stream().findFirst();
    }

    public static boolean collecting(Cycle c, OffsetDateTime at) {
        return c.status() == CycleStatus.COLLECTING && !at.isBefore(c.collectionOpensAt())
                && !at.isAfter(c.collectionClosesAt());
    }

    public long propose(Cycle c, String bag, String text, String name, String phone, String email,
                        ProposalChannel channel, String enteredBy) {
        if (!collecting(c, Clocks.now())) {
            throw new IllegalStateException("ОНХС-ийн мөчлөг " + c.id() + " санал авахгүй байна.");
        }
        if (organisations.unit(bag).filter(u -> c.soumCode().equals(u.parentCode())).isEmpty()) {
            throw new BadUserRequestException("Баг энэ суманд хамаарахгүй: " + bag);
        }
        return repo.insertProposal(c.id(), bag, text, name, phone, email, channel, enteredBy);
    }

    /** A proposal open for public comments now: on a disclosed draft list, within the comment period. */
    public Optional<Proposal> openForComments(long number) {
        return repo.proposal(number).filter(p -> {
            Cycle c = cycle(p.cycleId());
            return c.status() == CycleStatus.DISCLOSED && c.commentEndsAt() != null
                    && !Clocks.now().isAfter(c.commentEndsAt());
        });
    }

    public long comment(Proposal p, String text, String channel, String phone, String email) {
        return repo.insertComment(p.id(), text, channel, phone, email);
    }

    public Optional<Proposal> proposal(long id) {
        return repo.proposal(id);
    }

    public List<Proposal> proposals(long cycleId) {
        return repo.proposals(cycleId);
    }

    public List<Ldf.Comment> comments(long proposalId) {
        return repo.comments(proposalId);
    }

    // ------------------------------------------------------------------------------------------------ bag meeting

    public List<Proposal> proposals(long cycleId, String bag) {
        return repo.proposals(cycleId, bag);
    }

    /**
     * Records the bag meeting: merges ("14>12": 14 joins 12), then the ranking (numbers, most wanted first); the
     * bag's proposals not ranked and not merged are NOT_RANKED.
     */
    public void recordMeeting(long cycleId, String bag, String meetingDate, long attendance, String ranking,
                              String merges, String notes, String by) {
        Map<Long, Proposal> own = new LinkedHashMap<>();
        repo.proposals(cycleId, bag).stream().filter(p -> p.status() == ProposalStatus.RECEIVED)
                .forEach(p -> own.put(p.id(), p));
        Map<Long, Long> merged = new LinkedHashMap<>();
        if (merges != null && !merges.isBlank()) {
            Matcher m = MERGE.matcher(merges);
            int found = 0;
            while (m.find()) {
                long from = Long.parseLong(m.group(1));
                long into = Long.parseLong(m.group(2));
                requireOwn(own, from);
                requireOwn(own, into);
                if (from == into || merged.containsKey(into)) {
                    throw new BadUserRequestException("Нэгтгэл буруу: " + from + ">" + into + ".");
                }
                merged.put(from, into);
                found++;
            }
            if (found == 0) {
                throw new BadUserRequestException("Нэгтгэлийг «14>12» хэлбэрээр бичнэ үү.");
            }
        }
        List<Long> ranked = new ArrayList<>();
        Matcher m = NUMBER_LIST.matcher(ranking == null ? "" : ranking);
        while (m.find()) {
            long n = Long.parseLong(m.group());
            requireOwn(own, n);
            if (merged.containsKey(n)) {
                throw new BadUserRequestException("№" + n + " нэгтгэгдсэн тул эрэмбэд орохгүй.");
            }
            if (ranked.contains(n)) {
                throw new BadUserRequestException("№" + n + " эрэмбэд хоёр удаа байна.");
            }
            ranked.add(n);
        }
        if (ranked.isEmpty()) {
            throw new BadUserRequestException("Эрэмбэд дор хаяж нэг саналын дугаар бичнэ үү.");
        }
        merged.forEach(repo::merge);
        for (Long id : own.keySet()) {
            if (!merged.containsKey(id)) {
                int i = ranked.indexOf(id);
                repo.rank(id, i < 0 ? null : i + 1, i < 0 ? ProposalStatus.NOT_RANKED : ProposalStatus.RANKED);
            }
        }
        repo.insertMeeting(cycleId, bag, date(meetingDate, "Хурлын огноо"), (int) attendance, notes, by);
    }

    public void recordEmptyBag(long cycleId, String bag) {
        repo.insertMeeting(cycleId, bag, null, null, "Санал ирээгүй", "system");
    }

    private static void requireOwn(Map<Long, Proposal> own, long n) {
        if (!own.containsKey(n)) {
            throw new BadUserRequestException("№" + n + " энэ багийн хэлэлцэх санал биш.");
        }
    }

    // ------------------------------------------------------------------------------------------------ working group

    /** What the working group and the Khural see of the fund: the amount, the sum so far and what is left. */
    public String fundText(Cycle c, ProposalStatus counted) {
        long sum = repo.proposals(c.id()).stream().filter(p -> p.status() == counted)
                .mapToLong(p -> counted == ProposalStatus.APPROVED ? nz(p.approvedAmount()) : nz(p.costEstimate()))
                .sum();
        return "Сан " + money(c.fundAmount()) + ", жагсаалтад " + money(sum) + ", үлдэгдэл " + money(c.fundAmount() - sum);
    }

    /**
     * The working group's conclusion: one line per ranked proposal, "12: 15000000" (feasible, shortlisted at that
     * cost) or "13: -" (not feasible or not shortlisted). Every ranked proposal must be decided; the shortlist must fit
     * the fund, else the refusal says by how much.
     */
    public void recordReview(Cycle c, long membersPresent, String decisions) {
        int min = settings(c).integer(LdfCalendar.WORKING_GROUP_MIN_MEMBERS);
        if (membersPresent < min) {
            throw new BadUserRequestException("Ажлын хэсэг " + min + "-оос доошгүй гишүүнтэй байна (журам).");
        }
        Map<Long, Proposal> ranked = new LinkedHashMap<>();
        repo.proposals(c.id()).stream().filter(p -> p.status() == ProposalStatus.RANKED)
                .forEach(p -> ranked.put(p.id(), p));
        Map<Long, Long> costs = parseDecisions(decisions, ranked.keySet(), "эрэмбэлсэн санал");
        long sum = costs.values().stream().filter(v -> v != null).mapToLong(Long::longValue).sum();
        if (sum > c.fundAmount()) {
            throw new BadUserRequestException("Жагсаалт " + money(sum) + ", сан " + money(c.fundAmount()) + ": "
                    + money(sum - c.fundAmount()) + "-өөр хэтэрлээ.");
        }
        costs.forEach((id, cost) -> repo.review(id, cost == null ? ProposalStatus.NOT_SHORTLISTED
                : ProposalStatus.SHORTLISTED, cost != null, cost, null));
    }

    // ------------------------------------------------------------------------------------------------ Khural

    /** The Khural's session: each shortlisted project approved with its amount or refused; returns how many passed. */
    public int recordApproval(Cycle c, String decisions, String resolutionNumber, String resolutionDate) {
        Map<Long, Proposal> shortlist = new LinkedHashMap<>();
        repo.proposals(c.id()).stream().filter(p -> p.status() == ProposalStatus.SHORTLISTED)
                .forEach(p -> shortlist.put(p.id(), p));
        Map<Long, Long> amounts = parseDecisions(decisions, shortlist.keySet(), "ажлын хэсгийн жагсаалтын төсөл");
        long sum = amounts.values().stream().filter(v -> v != null).mapToLong(Long::longValue).sum();
        if (sum > c.fundAmount()) {
            throw new BadUserRequestException("Баталсан дүн " + money(sum) + " сангаас " + money(sum - c.fundAmount())
                    + "-өөр их байна.");
        }
        LocalDate date = date(resolutionDate, "Тогтоолын огноо");
        int approved = 0;
        for (var e : amounts.entrySet()) {
            Proposal p = shortlist.get(e.getKey());
            if (e.getValue() == null || e.getValue() == 0) {
                repo.decide(p.id(), ProposalStatus.REFUSED, null);
            } else {
                repo.decide(p.id(), ProposalStatus.APPROVED, e.getValue());
                repo.insertProject(c.id(), p, title(p.text()), e.getValue());
                approved++;
            }
        }
        repo.setResolution(c.id(), resolutionNumber.strip(), date);
        return approved;
    }

    /** A project's public title: the proposal's first words, never its author. */
    static String title(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= 80 ? t : t.substring(0, 79) + "…";
    }

    private Map<Long, Long> parseDecisions(String text, Set<Long> expected, String what) {
        Map<Long, Long> out = new LinkedHashMap<>();
        for (String line : (text == null ? "" : text).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = DECISION.matcher(line);
            if (!m.matches()) {
                throw new BadUserRequestException("Мөрийг «12: 15000000» эсвэл «13: -» хэлбэрээр бичнэ үү: " + line.strip());
            }
            long id = Long.parseLong(m.group(1));
            if (!expected.contains(id)) {
                throw new BadUserRequestException("№" + id + " нь " + what + " биш.");
            }
            if (out.containsKey(id)) {
                throw new BadUserRequestException("№" + id + " хоёр удаа бичигдсэн.");
            }
            String v = m.group(2).replaceAll("\\s", "");
            out.put(id, "-".equals(v) ? null : Long.parseLong(v));
        }
        Set<Long> missing = new HashSet<>(expected);
        missing.removeAll(out.keySet());
        if (!missing.isEmpty()) {
            throw new BadUserRequestException("Шийдвэр бичээгүй: " + missing.stream().sorted().map(n -> "№" + n)
                    .toList());
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ projects

    public List<Project> projects(long cycleId) {
        return repo.projects(cycleId);
    }

    public List<Long> approvedProjectIds(long cycleId) {
        return repo.projects(cycleId).stream().map(Project::id).toList();
    }

    public Optional<Project> projectByProposal(long proposalId) {
        return repo.projectByProposal(proposalId);
    }

    public Project project(long id) {
        return repo.project(id).orElseThrow(() -> new IllegalStateException("ОНХС-ийн төсөл " + id + " алга."));
    }

    public String projectText(Project p) {
        return "№" + p.proposalId() + " " + p.title() + " (" + placeName(p.bagCode()) + ", " + money(p.approvedAmount())
                + ")";
    }

    public void contract(Project p, String contractor, long amount, String startsOn, String endsOn) {
        LocalDate starts = date(startsOn, "Эхлэх огноо");
        LocalDate ends = date(endsOn, "Дуусах огноо");
        if (ends.isBefore(starts)) {
            throw new BadUserRequestException("Дуусах огноо эхлэхээс өмнө байна.");
        }
        long threshold = settings(cycle(p.cycleId())).amount(LdfCalendar.GLASS_ACCOUNT_THRESHOLD);
        repo.contract(p.id(), contractor.strip(), amount, starts, ends, amount > threshold);
    }

    /** Returns whether the works are finished. */
    public boolean reportProgress(Project p, String by, long percent, String note, boolean finished) {
        repo.insertReview(p.id(), ReviewKind.PROGRESS, by, (int) percent, null, note);
        repo.progress(p.id(), finished ? 100 : (int) percent, finished ? ProjectStatus.FINISHED
                : ProjectStatus.IN_PROGRESS);
        return finished;
    }

    /** Returns whether the review is poor (quality at or below the policy's threshold). */
    public boolean review(Project p, ReviewKind kind, String by, Long percent, long quality, String problems) {
        repo.insertReview(p.id(), kind, by, percent == null ? null : percent.intValue(), (int) quality, problems);
        return quality <= settings(cycle(p.cycleId())).integer(LdfCalendar.POOR_REVIEW_QUALITY);
    }

    public List<Ldf.Review> reviews(long projectId) {
        return repo.reviews(projectId);
    }

    public void accept(Project p, String by, String acceptedOn, String note) {
        repo.accept(p.id(), date(acceptedOn, "Хүлээн авсан огноо"));
        repo.insertReview(p.id(), ReviewKind.ACCEPTANCE, by, 100, null, note);
    }

    public void setProjectStatus(long id, ProjectStatus status) {
        repo.setProjectStatus(id, status);
    }

    /** A resident's score of a project (1-5), once per phone; whether it counted. */
    public boolean vote(long projectId, String phone, int score) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("score " + score);
        }
        return repo.insertVote(projectId, Hashes.sha256Hex("ldf-verdict:" + phone), score);
    }

    public boolean latestReviewPoor(Project p) {
        return repo.reviews(p.id()).stream()
                .filter(r -> r.kind() == ReviewKind.OVERSIGHT || r.kind() == ReviewKind.FINAL)
                .reduce((a, b) -> b).map(r -> r.quality() != null && r.quality()
                        <= settings(cycle(p.cycleId())).integer(LdfCalendar.POOR_REVIEW_QUALITY)).orElse(false);
    }

    public boolean lowVerdict(Project p) {
        BigDecimal low = settings(cycle(p.cycleId())).decimal(LdfCalendar.LOW_VERDICT_AVERAGE);
        return p.verdictAverage() != null && p.verdictAverage().compareTo(low) < 0;
    }

    /** Counts the votes into the project; returns whether the average is below the policy's threshold. */
    public boolean tally(Project p) {
        int[] d = repo.votes(p.id());
        int count = 0;
        int total = 0;
        for (int i = 0; i < 5; i++) {
            count += d[i];
            total += d[i] * (i + 1);
        }
        BigDecimal avg = count == 0 ? null : BigDecimal.valueOf(total).divide(BigDecimal.valueOf(count), 2,
                RoundingMode.HALF_UP);
        repo.verdict(p.id(), count, avg, d);
        BigDecimal low = settings(cycle(p.cycleId())).decimal(LdfCalendar.LOW_VERDICT_AVERAGE);
        return avg != null && avg.compareTo(low) < 0;
    }

    public void hearing(long cycleId, String date, long attendance, String notes) {
        repo.setHearing(cycleId, date(date, "Сонсголын огноо"), (int) attendance, notes);
    }

    public void setCommentEnd(long cycleId, OffsetDateTime end) {
        repo.setCommentEnd(cycleId, end);
    }

    public Map<String, Long> counts(long cycleId) {
        Map<String, Long> out = new HashMap<>();
        repo.proposals(cycleId).forEach(p -> out.merge(p.status().name(), 1L, Long::sum));
        return out;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static LocalDate date(String text, String label) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw new BadUserRequestException(label + " ОООО-СС-ӨӨ хэлбэртэй байна.");
        }
    }

    static long nz(Long v) {
        return v == null ? 0 : v;
    }

    public static String money(long amount) {
        return String.format("%,d", amount).replace(',', ' ') + "₮";
    }
}
