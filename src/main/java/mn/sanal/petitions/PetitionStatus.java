package mn.sanal.petitions;

/**
 * Where a petition stands. The Mongolian label is what citizens and officials read. Only the petition process changes
 * a status (its delegates, through {@link PetitionService}); each status stands for where the process waits, as the
 * README's state table says and PetitionHandlingProcessTest holds on every path.
 */
public enum PetitionStatus {
    RECEIVED("Хүлээн авсан", true),
    TRIAGE("Хариуцагч тодорхойлж байна", true),
    ASSIGNED("Шийдвэрлэж байна", true),
    EXTENDED("Хугацаа сунгасан", true),
    TRANSFERRED("Шилжүүлсэн", true),
    WAITING_FOR_CITIZEN("Иргэнээс мэдээлэл хүлээж байна", true),
    ANSWERED("Хариу өгсөн", true),
    UNDER_REVIEW("Хянагч хянаж байна", true),
    REOPENED("Дахин шалгаж байна", true),
    CLOSED("Хаагдсан", false);

    private final String labelMn;
    private final boolean open;

    PetitionStatus(String labelMn, boolean open) {
        this.labelMn = labelMn;
        this.open = open;
    }

    public String labelMn() {
        return labelMn;
    }

    public boolean isOpen() {
        return open;
    }
}
