package narcosim.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Values of every declared parameter, already checked against the declaration. Immutable. */
public final class ParamValues {

    private final Map<String, Object> values;

    private ParamValues(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static ParamValues defaults() {
        return new ParamValues(new LinkedHashMap<>(Params.defaults()));
    }

    /** A copy with the given (already coerced) values replaced. */
    public ParamValues with(Map<String, Object> overrides) {
        Map<String, Object> m = new LinkedHashMap<>(values);
        for (Map.Entry<String, Object> e : overrides.entrySet()) {
            if (!Params.has(e.getKey())) throw new IllegalArgumentException("undeclared parameter " + e.getKey());
            m.put(e.getKey(), e.getValue());
        }
        return new ParamValues(m);
    }

    public ParamValues with(String key, Object value) {
        return with(Map.of(key, Params.get(key).coerce(value)));
    }

    private Object raw(String key) {
        Object v = values.get(key);
        if (v == null) throw new IllegalArgumentException("undeclared parameter " + key);
        return v;
    }

    public double real(String key) {
        return ((Number) raw(key)).doubleValue();
    }

    public int integer(String key) {
        return ((Number) raw(key)).intValue();
    }

    public boolean bool(String key) {
        return (Boolean) raw(key);
    }

    public String text(String key) {
        return (String) raw(key);
    }

    public Object get(String key) {
        return raw(key);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParamValues p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
