package mn.sanal.platform.deployment;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

import mn.sanal.platform.tasks.FormValues;

/**
 * The Spring beans a process owner's model may name, derived from the beans themselves (nothing to keep up to date
 * per model): every bean of ours (class in package {@code mn.sanal}) that is a {@link JavaDelegate},
 * {@link TaskListener}, {@link ExecutionListener} or {@link FormValues}, or is marked {@link CalledFromModels}. A model may use such a
 * bean as a delegate ({@code ${assignBody}}) and call its public methods declared in our classes
 * ({@code ${describePetition.triageGroup(execution)}}), never {@code getClass()} or other methods of
 * {@code Object} or of framework classes. Every other bean name (environment, dataSource, processEngine...) is
 * refused wherever it appears in an expression.
 */
public class ModelBeans {

    static final String OUR_PACKAGE = "mn.sanal.";
    private static final List<Class<?>> DELEGATE_TYPES = List.of(JavaDelegate.class, TaskListener.class,
            ExecutionListener.class, FormValues.class);

    private final ListableBeanFactory beans;
    private volatile Map<String, Set<String>> delegates;

    public ModelBeans(ListableBeanFactory beans) {
        this.beans = beans;
    }

    /** Whether the expression language would resolve this name to a Spring bean (when no variable shadows it). */
    public boolean isBean(String name) {
        return beans.containsBean(name);
    }

    /** Whether the name is one of our delegates, which a model may name. */
    public boolean isDelegate(String name) {
        return delegates().containsKey(name);
    }

    /** Whether a model may call {@code name.method(...)} with that many arguments. */
    public boolean mayCall(String name, String method, int arguments) {
        Set<String> methods = delegates().get(name);
        return methods != null && methods.contains(method + "/" + arguments);
    }

    /** The delegates' names, for messages and tests. */
    public Set<String> delegateNames() {
        return delegates().keySet();
    }

    private Map<String, Set<String>> delegates() {
        Map<String, Set<String>> found = delegates;
        if (found == null) {
            found = new HashMap<>();
            Set<String> names = new HashSet<>(List.of(beans.getBeanNamesForAnnotation(CalledFromModels.class)));
            for (Class<?> type : DELEGATE_TYPES) {
                names.addAll(List.of(beans.getBeanNamesForType(type, true, false)));
            }
            for (String name : names) {
                Class<?> type = beans.getType(name, false);
                if (type != null) {
                    Class<?> user = ClassUtils.getUserClass(type);
                    if (user.getName().startsWith(OUR_PACKAGE)) {
                        found.put(name, callableMethods(user));
                    }
                }
            }
            found = Map.copyOf(found);
            delegates = found;
        }
        return found;
    }

    private static Set<String> callableMethods(Class<?> type) {
        Set<String> methods = new HashSet<>();
        for (Method m : type.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) && !m.isBridge() && !m.isSynthetic()
                    && m.getDeclaringClass().getName().startsWith(OUR_PACKAGE)) {
                methods.add(m.getName() + "/" + m.getParameterCount());
            }
        }
        return Set.copyOf(methods);
    }
}
