package mn.sanal.platform.deployment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring bean of ours (package {@code mn.sanal}) whose public methods process owners' models may call,
 * {@code ${bean.method(execution)}}, although it is no {@code JavaDelegate}, {@code TaskListener} or
 * {@code ExecutionListener} (those are allowed by their type already). See {@link ModelBeans}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CalledFromModels {
}
