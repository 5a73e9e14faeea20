package mn.sanal.ldf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The rows of the Local Development Fund (V60), as the feature reads them. */
public final class Ldf {

    private Ldf() {
    }

    public enum CycleStatus { COLLECTING, MEETINGS, REVIEW, DISCLOSED, KHURAL, IMPLEMENTING, REPORTED, CLOSED }

    public enum ProposalStatus {
        RECEIVED, MERGED, RANKED, NOT_RANKED, SHORTLISTED, INFEASIBLE, NOT_SHORTLISTED, APPROVED, REFUSED
    }

    public enum ProposalChannel { SMS, EMAIL, WEB, BAG_GOVERNOR }

    public enum ProjectStatus { APPROVED, CONTRACTED, IN_PROGRESS, FINISHED, ACCEPTED, VERDICT, DONE }

    public enum ReviewKind { PROGRESS, OVERSIGHT, FINAL, ACCEPTANCE }

    public record Cycle(long id, String soumCode, int year, long fundAmount, CycleStatus status,
                        OffsetDateTime collectionOpensAt, OffsetDateTime collectionClosesAt,
                        OffsetDateTime commentEndsAt, String resolutionNumber, LocalDate hearingDate,
                        String processInstanceId) {
    }

    /** A proposal; its id is the number its author was given. Author fields are personal data: never public. */
    public record Proposal(long id, long cycleId, String bagCode, String text, String authorName, String authorPhone,
                           String authorEmail, ProposalChannel channel, ProposalStatus status, Long mergedIntoId,
                           Integer meetingRank, Boolean feasible, Long costEstimate, Long approvedAmount,
                           OffsetDateTime receivedAt) {
    }

    public record Project(long id, long cycleId, long proposalId, String bagCode, String title, long approvedAmount,
                          String contractor, Long contractAmount, LocalDate startsOn, LocalDate endsOn,
                          boolean glassAccount, int progressPercent, ProjectStatus status, LocalDate acceptedOn,
                          int verdictCount, BigDecimal verdictAverage, int[] verdictDistribution) {
    }

    public record Review(long id, long projectId, ReviewKind kind, String reviewer, OffsetDateTime reviewedAt,
                         Integer progressPercent, Integer quality, String problems) {
    }

    public record Comment(long id, long proposalId, String text, String channel, OffsetDateTime receivedAt) {
    }
}
