package mn.sanal.platform.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

/**
 * The constants classes of the processes (house rule 6, {@code notes/house-rules.md}): for a process id {@code X}, the
 * class {@code XProcess} anywhere under package {@code mn.sanal}. From it the house rules read the variables the
 * process declares (the {@code String} constants of its nested class {@code Vars}), the elements whose due date the
 * law sets ({@code LEGAL_DEADLINES}: element id to variable), and the decisions it calls (its {@code String}
 * constants, matched against a decision's id). Found once, on the class path, without Spring beans.
 */
final class ProcessClasses {

    static final String SUFFIX = "Process";
    static final String LEGAL_DEADLINES = "LEGAL_DEADLINES";
    static final String VARS = "Vars";

    /** One process's constants. */
    record Constants(Class<?> type, Set<String> variables, Map<String, String> legalDeadlines, Set<String> strings) {
    }

    private final ClassLoader loader;
    private volatile Map<String, Constants> byProcess;

    ProcessClasses(ClassLoader loader) {
        this.loader = loader;
    }

    Optional<Constants> of(String processId) {
        return Optional.ofNullable(all().get(processId));
    }

    /** The classes that name the decision in one of their constants: those that call it. */
    Set<Constants> callersOf(String decisionId) {
        Set<Constants> callers = new HashSet<>();
        for (Constants c : all().values()) {
            if (c.strings().contains(decisionId)) {
                callers.add(c);
            }
        }
        return callers;
    }

    private Map<String, Constants> all() {
        Map<String, Constants> found = byProcess;
        if (found == null) {
            found = new HashMap<>();
            try {
                for (Resource r : new PathMatchingResourcePatternResolver(loader)
                        .getResources("classpath*:mn/sanal/**/*" + SUFFIX + ".class")) {
                    String url = r.getURL().toString();
                    String name = url.substring(url.lastIndexOf("mn/sanal/"), url.length() - ".class".length())
                            .replace('/', '.');
                    Class<?> type = ClassUtils.forName(name, loader);
                    String simple = type.getSimpleName();
                    if (type.getEnclosingClass() == null && simple.length() > SUFFIX.length()) {
                        found.put(simple.substring(0, simple.length() - SUFFIX.length()), read(type));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("Процессын тогтмолын класс ачаалагдсангүй", e);
            }
            found = Map.copyOf(found);
            byProcess = found;
        }
        return found;
    }

    private static Constants read(Class<?> type) {
        Set<String> variables = new HashSet<>();
        Set<String> strings = new HashSet<>();
        Map<String, String> legal = new HashMap<>();
        collect(type, strings);
        for (Class<?> nested : type.getDeclaredClasses()) {
            if (nested.getSimpleName().equals(VARS)) {
                collect(nested, variables);
            }
        }
        try {
            Field f = type.getField(LEGAL_DEADLINES);
            if (Modifier.isStatic(f.getModifiers()) && f.get(null) instanceof Map<?, ?> map) {
                map.forEach((k, v) -> legal.put(String.valueOf(k), String.valueOf(v)));
            }
        } catch (NoSuchFieldException e) {
            // no deadline set by law in this process
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(type.getName() + "." + LEGAL_DEADLINES, e);
        }
        return new Constants(type, Set.copyOf(variables), Map.copyOf(legal), Set.copyOf(strings));
    }

    private static void collect(Class<?> type, Set<String> into) {
        for (Field f : type.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    into.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(type.getName() + "." + f.getName(), e);
                }
            }
        }
    }
}
