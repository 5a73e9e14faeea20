package mn.sanal.petitions;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of petition the 1995 law and citizens know, with the words people use for them. */
public enum PetitionType {
    COMPLAINT("Гомдол", "гомдлыг", List.of("гомдол", "gomdol")),
    SUGGESTION("Санал", "саналыг", List.of("санал", "sanal")),
    REQUEST("Хүсэлт", "хүсэлтийг", List.of("хүсэлт", "khuselt", "huselt", "khüselt")),
    CRITICISM("Шүүмжлэл", "шүүмжлэлийг", List.of("шүүмжлэл", "shuumjlel", "shuumjleh")),
    THANKS("Талархал", "талархлыг", List.of("талархал", "talarkhal", "talarhal"));

    private final String labelMn;
    private final String accusativeMn;
    private final List<String> keywords;

    PetitionType(String labelMn, String accusativeMn, List<String> keywords) {
        this.labelMn = labelMn;
        this.accusativeMn = accusativeMn;
        this.keywords = keywords;
    }

    /** The word as the object of a sentence ("Таны гомдлыг хүлээн авлаа"). */
    public String accusativeMn() {
        return accusativeMn;
    }

    public String labelMn() {
        return labelMn;
    }

    public boolean hasDeadline() {
        return this != THANKS;
    }

    /** The type a leading word names, in Cyrillic or the Latin people type, any case. */
    public static Optional<PetitionType> fromKeyword(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String w = word.strip().toLowerCase(new Locale("mn"));
        return Arrays.stream(values()).filter(t -> t.keywords.contains(w) || t.name().equalsIgnoreCase(w)).findFirst();
    }
}
