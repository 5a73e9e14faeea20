package mn.sanal.polls;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Poll codes and the vote grammar. A code is the Cyrillic letter С (санал) and a number ({@code С12}); voters may type
 * it as Cyrillic С/с or Latin S/s. A vote is the code and the answer ({@code С12 2}, {@code s12 2}, {@code С12-2},
 * {@code С12:2}); the code must open the message. A bare digit is never a vote: it stays what it always was, the
 * rating of a petition that awaits one (intake's order: this kind at 250 only takes messages that open with a code).
 */
public final class PollCodes {

    /** The code, then the answer (anything: a wrong one is told the options). */
    private static final Pattern VOTE = Pattern.compile("^\\s*[СсSs](\\d{2,6})(?:\\s*[-.:,]?\\s*(.*?))?\\s*$",
            Pattern.DOTALL);
    private static final Pattern ANSWER = Pattern.compile("(\\d{1,2})\\s*\\.?");

    /** A message that opens with a poll code: the code as stored, and the answer as typed. */
    public record Ballot(String code, String answer) {

        /** The option number, when the answer is a number and nothing else. */
        public Optional<Integer> option() {
            Matcher m = ANSWER.matcher(answer);
            return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        }
    }

    private PollCodes() {
    }

    /** The code of the poll with this id: С11, С12 ... (never a bare number, never a petition's code shape). */
    public static String of(long pollId) {
        return "С" + (10 + pollId);
    }

    public static Optional<Ballot> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = VOTE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Ballot("С" + Integer.parseInt(m.group(1)), m.group(2) == null ? "" : m.group(2)));
    }
}
