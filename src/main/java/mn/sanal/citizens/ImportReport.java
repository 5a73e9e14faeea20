package mn.sanal.citizens;

import java.util.List;

/**
 * What an import did: rows taken (added, updated, moved to another bag or soum, unchanged) and each refused row
 * with its line in the file and the reason, in Mongolian.
 */
public record ImportReport(long importId, String soumCode, int rows, int added, int updated, int moved,
                           int unchanged, int phonesAdded, List<Refused> refused) {

    public record Refused(int line, String reason) {
    }
}
