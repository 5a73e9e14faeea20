package mn.sanal.platform;

import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One process variable with its name and type, in the spirit of holunda's camunda-bpm-data
 * ({@code VariableFactory}): a process's constants class declares each variable once, and delegates read and write it
 * through that declaration instead of casting {@code getVariable} results.
 * <p>
 * Our own (a few lines) rather than camunda-bpm-data 1.5.0, its last release: that one is built against Camunda 7.20,
 * brings the Kotlin runtime (kotlin-stdlib, kotlin-reflect) into a Java application, and reads by exact class, so a
 * number a Camunda Form submits (Long, Integer or Double, as the client chose) fails an {@code intVariable} read. Here
 * a whole number of any Number type reads as the declared integral type; anything else fails with the variable's
 * name.
 * <p>
 * Values are stored as the engine's primitive types (String, Long, Integer, Boolean, Date) and enums by their name, so
 * that expressions in models compare plain values ({@code ${channel == 'FAX'}}) and nothing is serialized.
 */
public final class ProcessVariable<T> {

    private final String name;
    private final Class<?> type;
    private final Function<Object, T> read;
    private final Function<T, Object> write;

    private ProcessVariable(String name, Class<?> type, Function<Object, T> read, Function<T, Object> write) {
        this.name = name;
        this.type = type;
        this.read = read;
        this.write = write;
    }

    public static ProcessVariable<String> stringVariable(String name) {
        return new ProcessVariable<>(name, String.class, v -> v instanceof String s ? s : null, v -> v);
    }

    public static ProcessVariable<Long> longVariable(String name) {
        return new ProcessVariable<>(name, Long.class, v -> whole(v) ? ((Number) v).longValue() : null, v -> v);
    }

    public static ProcessVariable<Integer> intVariable(String name) {
        return new ProcessVariable<>(name, Integer.class,
                v -> whole(v) && Math.abs(((Number) v).longValue()) <= Integer.MAX_VALUE ? ((Number) v).intValue()
                        : null, v -> v);
    }

    public static ProcessVariable<Boolean> booleanVariable(String name) {
        return new ProcessVariable<>(name, Boolean.class, v -> v instanceof Boolean b ? b : null, v -> v);
    }

    public static ProcessVariable<Date> dateVariable(String name) {
        return new ProcessVariable<>(name, Date.class, v -> v instanceof Date d ? d : null, v -> v);
    }

    /** An enum kept as its name, a String: what gateways and DMN inputs compare. */
    public static <E extends Enum<E>> ProcessVariable<E> enumVariable(String name, Class<E> type) {
        return new ProcessVariable<>(name, type, v -> {
            if (v instanceof String s) {
                for (E e : type.getEnumConstants()) {
                    if (e.name().equals(s)) {
                        return e;
                    }
                }
            }
            return null;
        }, Enum::name);
    }

    public String name() {
        return name;
    }

    /** The value; fails, naming the variable, when it is absent or of another type. */
    public T get(VariableScope scope) {
        return optional(scope).orElseThrow(() -> new IllegalStateException(
                "Процессын хувьсагч " + name + " байхгүй байна (" + type.getSimpleName() + " хүлээсэн)."));
    }

    /** The value, or empty when absent; fails, naming the variable, when it is of another type. */
    public Optional<T> optional(VariableScope scope) {
        return convert(scope.getVariable(name));
    }

    /** The value or null; fails, naming the variable, when it is of another type. */
    public T orNull(VariableScope scope) {
        return optional(scope).orElse(null);
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value == null ? null : write.apply(value));
    }

    /** On the task (local): vanishes with it. */
    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, value == null ? null : write.apply(value));
    }

    public void remove(VariableScope scope) {
        scope.removeVariable(name);
    }

    /** Into a map of variables, e.g. those a process instance starts with. */
    public void put(Map<String, Object> variables, T value) {
        variables.put(name, value == null ? null : write.apply(value));
    }

    /** A value as this variable reads it: empty for null, a failure naming the variable for another type. */
    public Optional<T> convert(Object raw) {
        if (raw == null) {
            return Optional.empty();
        }
        T value = read.apply(raw);
        if (value == null) {
            throw new IllegalStateException("Процессын хувьсагч " + name + " нь " + type.getSimpleName()
                    + " байх ёстой, " + raw.getClass().getSimpleName() + " байна.");
        }
        return Optional.of(value);
    }

    private static boolean whole(Object v) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return true;
        }
        return v instanceof Number n && !Double.isNaN(n.doubleValue()) && !Double.isInfinite(n.doubleValue())
                && n.doubleValue() == Math.rint(n.doubleValue());
    }

    @Override
    public String toString() {
        return name + ": " + type.getSimpleName();
    }
}
