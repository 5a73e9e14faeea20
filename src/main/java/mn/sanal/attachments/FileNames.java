package mn.sanal.attachments;

import java.text.Normalizer;

/** File names from outside: metadata to show, never a path. */
public final class FileNames {

    static final int MAX_LENGTH = 200;

    private FileNames() {
    }

    /**
     * The last segment of whatever was sent (no directories, no "..", no control or shell characters), letters of
     * any script kept; "file" when nothing is left.
     */
    public static String sanitize(String declared) {
        if (declared == null) {
            return "file";
        }
        String s = Normalizer.normalize(declared, Normalizer.Form.NFC);
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        s = s.substring(slash + 1);
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp) || cp == '.' || cp == '-' || cp == '_' || cp == ' ' || cp == '(' || cp == ')') {
                out.appendCodePoint(cp);
            } else if (!Character.isISOControl(cp)) {
                out.append('_');
            }
        });
        String clean = out.toString().strip().replaceAll("\\.{2,}", ".").replaceAll("^[.\\s]+", "");
        if (clean.length() > MAX_LENGTH) {
            clean = clean.substring(clean.length() - MAX_LENGTH);
        }
        return clean.isEmpty() ? "file" : clean;
    }
}
