package mn.sanal.polls;

import java.time.OffsetDateTime;
import java.util.List;

import mn.sanal.polls.Poll.ReplacePolicy;

/** A poll as the secretary writes it (start form, or again after the chair returned it). Checked by PollService. */
public record PollDraft(String soumCode, String question, List<String> options, List<String> bags,
                        OffsetDateTime opensAt, OffsetDateTime closesAt, int minAge, ReplacePolicy replacePolicy,
                        boolean remind) {

    public static final int MAX_QUESTION = 300;
    public static final int MAX_OPTION = 100;
    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTIONS = 9;
}
