package mn.sanal.platform.tasks;

/**
 * Camunda keeps a String variable in a column of 4,000 characters (ACT_RU_VARIABLE, ACT_HI_VARINST and ACT_HI_DETAIL
 * {@code TEXT_}); a longer one fails the whole transaction at commit. Long texts live in our tables; what the
 * engine must show of them goes in a Json variable, which is stored as bytes. Inputs officials type are limited by
 * their form's {@code maxLength}, never above this.
 */
public final class StringVariables {

    public static final int MAX_LENGTH = 4000;

    private StringVariables() {
    }
}
