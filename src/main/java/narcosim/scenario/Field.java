package narcosim.scenario;

import java.util.function.Function;

import narcosim.util.Fmt;

/**
 * One field of a scenario entity (a nation's corruption, a link's capacity, ...), declared once with its
 * default, range and meaning: the loader reads it, the scenario writer writes it and {@code narcosim
 * params} lists it from this declaration.
 *
 * @param <T> the entity record the field belongs to
 * @param key the YAML key
 * @param kind what kind of value it holds
 * @param defaultValue the value when the file leaves it out; null when the file must give it, or when it is
 *        worked out from other fields ({@code defaultNote} then says how)
 * @param min lowest allowed value of a number
 * @param max highest allowed value of a number
 * @param unit unit of a number, or ""
 * @param defaultNote how a worked-out default is found, or ""
 * @param omitWhenDefault the scenario writer leaves the field out where it has its default
 * @param description what the field means, in a sentence
 * @param get reads the field's value from the loaded entity
 * @param label a short name for people (the classroom window's controls)
 */
public record Field<T>(String key, Kind kind, Object defaultValue, double min, double max, String unit,
                       String defaultNote, boolean omitWhenDefault, String description, Function<T, Object> get,
                       String label) {

    /** A field whose key serves as its label. */
    public Field(String key, Kind kind, Object defaultValue, double min, double max, String unit, String defaultNote,
                 boolean omitWhenDefault, String description, Function<T, Object> get) {
        this(key, kind, defaultValue, min, max, unit, defaultNote, omitWhenDefault, description, get, key);
    }

    /** What a field holds. */
    public enum Kind { ID, TEXT, NUMBER, BOOLEAN, CHOICE, REFERENCE, LIST, MAPPING }

    public boolean required() {
        return defaultValue == null && defaultNote.isEmpty() && kind != Kind.MAPPING;
    }

    /** The default as shown to a user. */
    public String defaultText() {
        if (!defaultNote.isEmpty()) return defaultNote;
        if (defaultValue == null) return kind == Kind.MAPPING ? "none" : "required";
        return Fmt.any(defaultValue);
    }

    /** The allowed values as shown to a user. */
    public String allowedText() {
        return switch (kind) {
            case NUMBER -> "[" + Fmt.num(min) + ", " + Fmt.num(max) + "]";
            case BOOLEAN -> "true/false";
            case ID -> "an id: A-Z a-z 0-9 _ -";
            default -> unit.isEmpty() ? "text" : unit;
        };
    }

    /** The value the scenario writer writes, or null to leave the field out. */
    public Object written(T entity) {
        Object v = get.apply(entity);
        return omitWhenDefault && v != null && v.equals(defaultValue) ? null : v;
    }
}
