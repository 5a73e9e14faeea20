package mn.sanal.petitions;

/** Where a petition stands. The Mongolian label is what citizens and officials read. */
public enum PetitionStatus {
    RECEIVED("Хүлээн авсан", true),
    TRIAGE("Хариуцагч тодорхойлж байна", true),
    ASSIGNED("Шийдвэрлэж байна", true),
    EXTENDED("Хугацаа сунгасан", true),
    TRANSFERRED("Шилжүүлсэн", true),
    WAITING_FOR_CITIZEN("Иргэнээс мэдээлэл хүлээж байна", true),
    ANSWERED("Хариу өгсөн", true),
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
