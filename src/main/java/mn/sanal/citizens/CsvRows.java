package mn.sanal.citizens;

import java.util.ArrayList;
import java.util.List;

/**
 * A small CSV reader for the soum offices' lists (RFC 4180 quoting; comma or semicolon, whichever the header uses,
 * since spreadsheets in Mongolian locales save with either). A UTF-8 byte order mark is dropped.
 */
final class CsvRows {

    private CsvRows() {
    }

    /** The rows, each a list of fields; line numbers are the list index + 1. Empty lines stay as empty rows. */
    static List<List<String>> parse(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int firstLineEnd = s.indexOf('\n');
        String header = firstLineEnd < 0 ? s : s.substring(0, firstLineEnd);
        char sep = count(header, ';') > count(header, ',') ? ';' : ',';
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == sep) {
                row.add(field.toString().strip());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString().strip());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString().strip());
            rows.add(row);
        }
        return rows;
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }
}
