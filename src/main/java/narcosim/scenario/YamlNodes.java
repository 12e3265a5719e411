package narcosim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The one place narcosim reads YAML (scenario files, sweep files, {@code --set} values), and the typed
 * reads from SnakeYAML's node tree that scenario and sweep files share.
 *
 * <p>Reading refuses, with one {@link ScenarioException} naming the file, the line and where it can
 * the key path: files larger than {@value #MAX_BYTES} bytes, text that is not UTF-8, characters YAML
 * does not allow (NUL, ESC and other control characters), nesting deeper than {@value #MAX_DEPTH}
 * levels, more than {@value #MAX_COLLECTION_ALIASES} aliases of lists or mappings, aliases that expand
 * to more than {@value #MAX_ALIAS_VALUES} values, recursive aliases ({@code &a [*a]}, which would make
 * the node tree a cycle) and a key given twice in one mapping. These are checked on SnakeYAML's event
 * stream, which is read without recursion, before the node tree is built from the same events.
 *
 * <p>Typed reads: a number is an unquoted YAML number ({@code 300}, {@code 0.5}, {@code 1e-3},
 * {@code 1_000}); a quoted one ({@code '300'}) is text, and where a number is expected it is refused
 * with a hint to remove the quotes, as is anything else that is not a YAML number ({@code 0.5f},
 * {@code 0x1p-2}). Booleans are YAML's ({@code true}/{@code false}, also {@code yes}/{@code no} and
 * {@code on}/{@code off}). Where text is expected (names, ids, references) the value is taken as
 * written, so that {@code id: NO} or {@code id: 007} keep their spelling.
 */
public final class YamlNodes {

    /** Largest file (bytes) or text (characters) read. */
    public static final int MAX_BYTES = 3 * 1024 * 1024;
    /** Deepest nesting of lists and mappings, the document's own mapping included. */
    public static final int MAX_DEPTH = 50;
    /** Most aliases ({@code *name}) of lists or mappings in one document. */
    public static final int MAX_COLLECTION_ALIASES = 50;
    /** Most values (nodes) that aliases may add to a document by repeating what they refer to. */
    public static final long MAX_ALIAS_VALUES = 1_000_000;

    static final String SET_PREFIX = "--set ";

    private static final String[] C0_NAMES = {"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT",
        "LF", "VT", "FF", "CR", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB",
        "ESC", "FS", "GS", "RS", "US"};

    private final String file;

    /** Typed reads whose errors name {@code file} (nodes of --set values name their own --set instead). */
    public YamlNodes(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    // ================================================================== reading

    /** Reads a YAML file into its node tree, or null for a file without content. */
    public static Node read(Path path) throws ScenarioException {
        Site site = Site.file(path.toString());
        return compose(decode(site, bytes(site, path)), site);
    }

    /** Reads YAML text (tests, resources) into its node tree; {@code name} is used in messages. */
    public static Node read(String name, String text) throws ScenarioException {
        return compose(text, Site.file(name));
    }

    /**
     * A YAML file read, decoded and checked once: its events, from which {@link #tree()} builds a new node tree
     * each time, the same as {@link #read(Path)} would from the file as it was when read. An experiment reads its
     * scenario file once this way and builds a tree per design point that changes scenario settings (they are
     * applied to the tree), instead of reading and scanning the file again. Immutable, and safe to share between
     * threads: the events and their marks are never changed, and every tree is made of new nodes.
     */
    public static final class Parsed {
        private final String name;
        private final Site site;
        private final List<Event> events;

        private Parsed(String name, Site site, List<Event> events) {
            this.name = name;
            this.site = site;
            this.events = List.copyOf(events);
        }

        /** The file's name as messages give it. */
        public String name() {
            return name;
        }

        /** A new node tree of the file (null for a file without content). */
        public Node tree() throws ScenarioException {
            try {
                return new Composer(new Replay(events), new Resolver(), options()).getSingleNode();
            } catch (YAMLException e) {
                throw malformed(site, e);
            }
        }
    }

    /** Reads and checks a YAML file once, for building its node tree many times ({@link Parsed#tree()}). */
    public static Parsed parse(Path path) throws ScenarioException {
        Site site = Site.file(path.toString());
        return new Parsed(path.toString(), site, events(decode(site, bytes(site, path)), site));
    }

    /**
     * Reads a {@code --set key=value} value. Errors name {@code where} (e.g. "--set key=value", no line)
     * and the key, followed by the path inside the value.
     */
    public static Node readValue(String where, String key, String text) throws ScenarioException {
        return compose(text, Site.value(where, key));
    }

    /**
     * Reads a YAML file with the same checks as {@link #read(Path)}, as plain Java values (maps, lists,
     * strings, numbers, booleans; SnakeYAML's safe constructor), e.g. for an experiment's manifest.
     */
    public static Object load(Path path) throws ScenarioException {
        Site site = Site.file(path.toString());
        String text = decode(site, bytes(site, path));
        List<Event> events = events(text, site);
        LoaderOptions opts = options();
        try {
            SafeConstructor c = new SafeConstructor(opts);
            c.setComposer(new Composer(new Replay(events), new Resolver(), opts));
            return c.getSingleData(Object.class);
        } catch (YAMLException e) {
            throw malformed(site, e);
        }
    }

    /** The text with characters YAML does not allow shown as \\u escapes of four hex digits (for echoing user input in messages). */
    public static String visible(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (StreamReader.isPrintable(c) && c != '\t' && c != '\n' && c != '\r' && c != 0x85) sb.appendCodePoint(c);
            else sb.append(String.format(Locale.ROOT, "\\u%04X", c));
        });
        return sb.toString();
    }

    private static LoaderOptions options() {
        LoaderOptions o = new LoaderOptions();
        o.setAllowDuplicateKeys(false);
        o.setAllowRecursiveKeys(false);
        o.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        o.setNestingDepthLimit(MAX_DEPTH);
        o.setCodePointLimit(MAX_BYTES);
        return o;
    }

    private static Node compose(String text, Site site) throws ScenarioException {
        List<Event> events = events(text, site);
        try {
            return new Composer(new Replay(events), new Resolver(), options()).getSingleNode();
        } catch (YAMLException e) {
            throw malformed(site, e);
        }
    }

    private static byte[] bytes(Site site, Path path) throws ScenarioException {
        try {
            if (Files.size(path) > MAX_BYTES) throw tooLarge(site);
            try (InputStream in = Files.newInputStream(path)) {
                byte[] b = in.readNBytes(MAX_BYTES + 1);
                if (b.length > MAX_BYTES) throw tooLarge(site);
                return b;
            }
        } catch (NoSuchFileException e) {
            throw site.at(0, "", "no such file");
        } catch (IOException e) {
            throw site.at(0, "", "cannot read the file: " + e.getMessage());
        }
    }

    private static ScenarioException tooLarge(Site site) {
        return site.at(0, "", site.what + " larger than " + MAX_BYTES / (1024 * 1024) + " MB (limit)");
    }

    /** Strict UTF-8, as Files.readString; a byte order mark is kept (the YAML reader skips it). */
    private static String decode(Site site, byte[] bytes) throws ScenarioException {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw site.at(1, "", String.format(Locale.ROOT, "not UTF-8 text (it looks like UTF-16: it starts with the "
                    + "byte order mark 0x%02X 0x%02X); save the file as UTF-8", bytes[0] & 0xFF, bytes[1] & 0xFF));
        }
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = dec.decode(in, out, true);
        if (!r.isError()) r = dec.flush(out);
        if (r.isError()) {
            int at = in.position();
            String before = new String(bytes, 0, at, StandardCharsets.UTF_8);
            int[] pos = position(before, before.length());
            throw site.at(pos[0], "", String.format(Locale.ROOT, "not UTF-8 text (invalid byte 0x%02X at column %d); "
                    + "save the file as UTF-8", bytes[at] & 0xFF, pos[1]));
        }
        out.flip();
        return out.toString();
    }

    /** Line and column (1-based, in characters) of index {@code at} of {@code text}, as SnakeYAML counts lines. */
    private static int[] position(String text, int at) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < at; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029
                    || (c == '\r' && (i >= text.length() || text.charAt(i) != '\n'))) {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new int[] {line, col};
    }

    /** Refuses the first character YAML does not allow, naming its line and column. */
    private static void checkCharacters(String text, Site site) throws ScenarioException {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!StreamReader.isPrintable(c)) {
                int[] pos = position(text, i);
                String name = c < 0x20 ? " (" + C0_NAMES[c] + ")" : c == 0x7F ? " (DEL)" : "";
                String what = c < 0x20 || (c >= 0x7F && c <= 0x9F) ? "control character" : "character";
                throw site.at(pos[0], "", String.format(Locale.ROOT, "%s U+%04X%s is not allowed (column %d)", what, c,
                        name, pos[1]));
            }
            i += Character.charCount(c);
        }
    }

    private static ScenarioException malformed(Site site, YAMLException e) {
        Mark m = null;
        String problem = e.getMessage();
        if (e instanceof MarkedYAMLException me) {
            m = me.getProblemMark() != null ? me.getProblemMark() : me.getContextMark();
            if (me.getProblem() != null) problem = me.getProblem();
        }
        return site.at(m == null ? 0 : m.getLine() + 1, "", site.malformed + problem);
    }

    /** The events of the text, after checking size, characters and the limits; see the class comment. */
    private static List<Event> events(String text, Site site) throws ScenarioException {
        if (text.length() > MAX_BYTES) throw tooLarge(site);
        checkCharacters(text, site);
        Guard guard = new Guard(site);
        List<Event> events = new ArrayList<>();
        try {
            Parser p = new ParserImpl(new StreamReader(text), options());
            while (p.peekEvent() != null) {
                Event e = p.getEvent();
                guard.accept(e);
                events.add(e);
                if (e.is(Event.ID.StreamEnd)) break;
            }
        } catch (YAMLException e) {
            throw malformed(site, e);
        }
        return events;
    }

    /** Where errors go: a file (with lines) or a --set value (no lines, the key first). */
    private static final class Site {
        final String where;
        final boolean lines;
        final String key;
        final String what;
        final String malformed;

        private Site(String where, boolean lines, String key, String what, String malformed) {
            this.where = where;
            this.lines = lines;
            this.key = key;
            this.what = what;
            this.malformed = malformed;
        }

        static Site file(String name) {
            return new Site(name, true, "", "file", "malformed YAML: ");
        }

        static Site value(String where, String key) {
            return new Site(where, false, key, "value", "cannot read the value: ");
        }

        ScenarioException at(int line, String path, String problem) {
            return new ScenarioException(where, lines ? line : 0, join(key, path), problem);
        }
    }

    /** One anchor ({@code &name}): what it marks, and how many values an alias of it repeats. */
    private static final class Anchor {
        final String kind;
        final int line;
        final String text;
        boolean open;
        long size = 1;

        Anchor(String kind, int line, String text, boolean open) {
            this.kind = kind;
            this.line = line;
            this.text = text;
            this.open = open;
        }
    }

    /** An open list or mapping while the events are checked. */
    private static final class Frame {
        final boolean mapping;
        final long start;
        Anchor anchor;
        boolean atKey = true;
        String key;
        int index;
        Map<String, Integer> keys;

        Frame(boolean mapping, long start) {
            this.mapping = mapping;
            this.start = start;
            if (mapping) keys = new HashMap<>();
        }
    }

    /** Checks the event stream: nesting, aliases (recursion, count, expansion) and repeated keys. */
    private static final class Guard {
        private final Site site;
        private final List<Frame> frames = new ArrayList<>();
        private final Map<String, Anchor> anchors = new HashMap<>();
        private long values;
        private long aliasValues;
        private int collectionAliases;

        Guard(Site site) {
            this.site = site;
        }

        void accept(Event e) throws ScenarioException {
            switch (e.getEventId()) {
                case DocumentStart -> anchors.clear();
                case Scalar -> scalar((ScalarEvent) e);
                case Alias -> alias((AliasEvent) e);
                case SequenceStart, MappingStart -> open((CollectionStartEvent) e, e.is(Event.ID.MappingStart));
                case SequenceEnd, MappingEnd -> close();
                default -> {
                }
            }
        }

        private void scalar(ScalarEvent e) throws ScenarioException {
            values++;
            if (e.getAnchor() != null) anchors.put(e.getAnchor(), new Anchor("value", line(e), e.getValue(), false));
            key(e, e.getValue());
            done();
        }

        private void alias(AliasEvent e) throws ScenarioException {
            String name = e.getAnchor();
            Anchor a = anchors.get(name);
            if (a != null) {
                if (a.open) {
                    throw site.at(line(e), path(), "recursive alias *" + name + ": it refers to the " + a.kind
                            + " anchored &" + name + (site.lines ? " on line " + a.line : "") + ", which contains it");
                }
                if (!"value".equals(a.kind) && ++collectionAliases > MAX_COLLECTION_ALIASES) {
                    throw site.at(line(e), path(), "more than " + MAX_COLLECTION_ALIASES
                            + " aliases of lists or mappings (limit)");
                }
                values += a.size;
                aliasValues += a.size;
                if (aliasValues > MAX_ALIAS_VALUES) {
                    throw site.at(line(e), path(), "aliases expand to more than " + MAX_ALIAS_VALUES + " values (limit)");
                }
            }
            // An undefined alias is left to the composer, which names it.
            key(e, a != null && a.text != null ? a.text : null);
            done();
        }

        private void open(CollectionStartEvent e, boolean mapping) throws ScenarioException {
            if (frames.size() >= MAX_DEPTH) {
                throw site.at(line(e), "", "nesting deeper than " + MAX_DEPTH + " levels (limit)");
            }
            key(e, null);
            Frame f = new Frame(mapping, values);
            values++;
            if (e.getAnchor() != null) {
                f.anchor = new Anchor(mapping ? "mapping" : "list", line(e), null, true);
                anchors.put(e.getAnchor(), f.anchor);
            }
            frames.add(f);
        }

        private void close() {
            Frame f = frames.remove(frames.size() - 1);
            if (f.anchor != null) {
                f.anchor.open = false;
                f.anchor.size = values - f.start;
            }
            done();
        }

        /** A node in a mapping's key position: remembers the key for paths, refuses a repeated one. */
        private void key(Event e, String text) throws ScenarioException {
            Frame f = top();
            if (f == null || !f.mapping || !f.atKey) return;
            if (text == null) {
                f.key = "?";
                return;
            }
            Integer first = f.keys.putIfAbsent(text, line(e));
            if (first != null) {
                throw site.at(line(e), join(path(), text), "this key is given twice in the same mapping"
                        + (site.lines ? " (first on line " + first + ")" : ""));
            }
            f.key = text;
        }

        /** A node is complete: its mapping moves between key and value, its list to the next item. */
        private void done() {
            Frame f = top();
            if (f == null) return;
            if (f.mapping) f.atKey = !f.atKey;
            else f.index++;
        }

        private Frame top() {
            return frames.isEmpty() ? null : frames.get(frames.size() - 1);
        }

        /** The key path of the node being read, e.g. budget.again or cartels[0].home[1]. */
        private String path() {
            StringBuilder sb = new StringBuilder();
            for (Frame f : frames) {
                if (f.mapping) {
                    if (!f.atKey && f.key != null) {
                        if (sb.length() > 0) sb.append('.');
                        sb.append(f.key);
                    }
                } else {
                    sb.append('[').append(f.index).append(']');
                }
            }
            return sb.toString();
        }

        private static int line(Event e) {
            return e.getStartMark() == null ? 0 : e.getStartMark().getLine() + 1;
        }
    }

    /** A parser that replays events already read (and checked). */
    private static final class Replay implements Parser {
        private final List<Event> events;
        private int next;

        Replay(List<Event> events) {
            this.events = events;
        }

        @Override
        public boolean checkEvent(Event.ID id) {
            return next < events.size() && events.get(next).is(id);
        }

        @Override
        public Event peekEvent() {
            return next < events.size() ? events.get(next) : null;
        }

        @Override
        public Event getEvent() {
            return next < events.size() ? events.get(next++) : null;
        }
    }

    // ================================================================== typed reads

    /** An error at a node: this file and the node's line, or, for a node of a --set value, that --set. */
    public ScenarioException err(Node n, String key, String problem) {
        Mark mark = n == null ? null : n.getStartMark();
        if (mark != null && mark.getName() != null && mark.getName().startsWith(SET_PREFIX)) {
            return new ScenarioException(mark.getName(), 0, key, problem);
        }
        return new ScenarioException(file, mark == null ? 0 : mark.getLine() + 1, key, problem);
    }

    /** The value node of {@code key}, required. */
    public Node req(MappingNode m, String path, String key) throws ScenarioException {
        NodeTuple t = tuple(m, key);
        if (t == null) throw err(m, join(path, key), "missing; it is required");
        return t.getValueNode();
    }

    public MappingNode map(Node n, String path) throws ScenarioException {
        if (n instanceof MappingNode m) return m;
        throw err(n, path, "expected a mapping of keys to values, got " + kindOf(n));
    }

    public SequenceNode list(Node n, String path) throws ScenarioException {
        if (n instanceof SequenceNode s) return s;
        throw err(n, path, "expected a list, got " + kindOf(n));
    }

    /**
     * A single value as Java: Long or Double for an unquoted YAML number, Boolean, null, else the text.
     * A quoted number stays text.
     */
    public Object value(Node n, String key) throws ScenarioException {
        if (!(n instanceof ScalarNode s)) throw err(n, key, "expected a single value, got " + kindOf(n));
        return value(s);
    }

    static Object value(ScalarNode s) {
        return value(s.getTag(), s.getValue());
    }

    private static Object value(Tag tag, String v) {
        if (Tag.INT.equals(tag)) {
            String t = v.replace("_", "");
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                // Too large for a long: still a number (refused by its range); 0x.., 0b.., 1:30 stay text.
                return t.matches("[-+]?[0-9]+") ? Double.parseDouble(t) : v;
            }
        }
        if (Tag.FLOAT.equals(tag)) {
            try {
                return Double.parseDouble(v.replace("_", ""));
            } catch (NumberFormatException e) {
                return v; // .inf, .nan, 1:30.5
            }
        }
        if (Tag.BOOL.equals(tag)) {
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> Boolean.TRUE;
                default -> Boolean.FALSE;
            };
        }
        if (Tag.NULL.equals(tag)) return null;
        return v;
    }

    /** Text: the value as written; {@code def} when absent or empty, an error if {@code def} is null. */
    public String str(MappingNode m, String path, String key, String def) throws ScenarioException {
        NodeTuple t = tuple(m, key);
        String full = join(path, key);
        if (t == null) {
            if (def == null) throw err(m, full, "missing; it is required");
            return def;
        }
        Node n = t.getValueNode();
        if (!(n instanceof ScalarNode s)) throw err(n, full, "expected a single value, got " + kindOf(n));
        if (Tag.NULL.equals(s.getTag()) || s.getValue().isBlank()) {
            if (def == null) throw err(n, full, "expected a value, got nothing");
            return def;
        }
        return s.getValue();
    }

    /** A number in [min, max] (infinite bounds: any number); {@code def} when absent, an error if null. */
    public double num(MappingNode m, String path, String key, Double def, double min, double max)
            throws ScenarioException {
        NodeTuple t = tuple(m, key);
        String full = join(path, key);
        String expected = Double.isInfinite(min) && Double.isInfinite(max) ? "a number"
                : "a number from " + Param.fmt(min) + " to " + Param.fmt(max);
        if (t == null) {
            if (def == null) throw err(m, full, "missing; expected " + expected);
            return def;
        }
        Object v = value(t.getValueNode(), full);
        if (!(v instanceof Number n)) throw err(t.getValueNode(), full, "expected " + expected + ", got " + got(t.getValueNode()));
        double d = n.doubleValue();
        if (Double.isNaN(d) || d < min || d > max) {
            throw err(t.getValueNode(), full, "expected " + expected + ", got " + Param.fmt(d));
        }
        return d;
    }

    /** A whole number in [min, max], exact for any long; {@code def} when absent, an error if null. */
    public long whole(MappingNode m, String path, String key, Long def, long min, long max) throws ScenarioException {
        NodeTuple t = tuple(m, key);
        String full = join(path, key);
        String expected = "a whole number from " + min + " to " + max;
        if (t == null) {
            if (def == null) throw err(m, full, "missing; expected " + expected);
            return def;
        }
        Object v = value(t.getValueNode(), full);
        if (v instanceof Long l && l >= min && l <= max) return l;
        if (v instanceof Double d && d == Math.rint(d) && d >= min && d <= max && Math.abs(d) < 0x1p53) {
            return d.longValue();
        }
        if (v instanceof Number n) {
            throw err(t.getValueNode(), full, "expected " + expected + ", got "
                    + (v instanceof Long ? v.toString() : Param.fmt(n.doubleValue())));
        }
        throw err(t.getValueNode(), full, "expected " + expected + ", got " + got(t.getValueNode()));
    }

    public boolean bool(MappingNode m, String path, String key, boolean def) throws ScenarioException {
        NodeTuple t = tuple(m, key);
        if (t == null) return def;
        String full = join(path, key);
        Object v = value(t.getValueNode(), full);
        if (!(v instanceof Boolean b)) throw err(t.getValueNode(), full, "expected true or false, got " + got(t.getValueNode()));
        return b;
    }

    /** A list of text items, each as written; empty when absent. */
    public List<String> strings(MappingNode m, String path, String key) throws ScenarioException {
        NodeTuple t = tuple(m, key);
        if (t == null) return List.of();
        String full = join(path, key);
        SequenceNode seq = list(t.getValueNode(), full);
        List<String> out = new ArrayList<>();
        for (Node n : seq.getValue()) {
            if (!(n instanceof ScalarNode s) || Tag.NULL.equals(s.getTag()) || s.getValue().isBlank()) {
                throw err(n, full, "expected a list of single values, got " + kindOf(n) + " in it");
            }
            out.add(s.getValue());
        }
        return out;
    }

    /**
     * A parameter's value, checked against its declaration: numbers and booleans must be YAML's (a
     * quoted one is refused), nation, region and choice values are taken as written.
     */
    public Object param(Param p, Node n, String key) throws ScenarioException {
        return p.coerce(rawParam(p, n, key));
    }

    /**
     * The value of a parameter as read, before conversion to its type (Long, Double, Boolean or text),
     * after the same checks as {@link #param}.
     */
    public Object rawParam(Param p, Node n, String key) throws ScenarioException {
        if (!(n instanceof ScalarNode s)) throw err(n, key, "expected a single value, got " + kindOf(n));
        Object raw = switch (p.type()) {
            case CHOICE, NATION, REGION -> Tag.NULL.equals(s.getTag()) ? null : s.getValue();
            default -> value(s);
        };
        boolean typed = p.type() == Param.Type.REAL || p.type() == Param.Type.INTEGER || p.type() == Param.Type.BOOLEAN;
        if (typed && raw instanceof String) throw err(n, key, "expected " + p.expected() + ", got " + got(n));
        try {
            p.coerce(raw);
        } catch (IllegalArgumentException e) {
            throw err(n, key, e.getMessage());
        }
        return raw;
    }

    /** Refuses keys not in {@code allowed}, suggesting the closest one. */
    public void checkKeys(MappingNode m, String path, List<String> allowed) throws ScenarioException {
        for (NodeTuple t : m.getValue()) {
            String k = scalar(t.getKeyNode());
            if (!allowed.contains(k)) {
                String hint = suggest(k, allowed);
                throw err(t.getKeyNode(), join(path, k), "unknown key" + hint
                        + (hint.isEmpty() ? "; allowed here: " + String.join(", ", allowed) : ""));
            }
        }
    }

    /**
     * YAML text that a --set reads back as the same value as this node: an unquoted value as written, a
     * quoted one quoted (so that '300' stays text).
     */
    public static String setText(ScalarNode s) {
        if (s.isPlain()) return s.getValue();
        return "'" + s.getValue().replace("'", "''") + "'";
    }

    // ================================================================== small helpers

    public static NodeTuple tuple(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) return t;
        }
        return null;
    }

    public static List<String> keysOf(MappingNode m) {
        List<String> out = new ArrayList<>();
        for (NodeTuple t : m.getValue()) out.add(scalar(t.getKeyNode()));
        return out;
    }

    /** A scalar's text, or a description of another node. */
    public static String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : "<" + kindOf(n) + ">";
    }

    public static String kindOf(Node n) {
        if (n instanceof MappingNode) return "a mapping";
        if (n instanceof SequenceNode) return "a list";
        if (n instanceof ScalarNode s) return Tag.NULL.equals(s.getTag()) ? "nothing" : "'" + s.getValue() + "'";
        return "something else";
    }

    /**
     * What a value that is not what was expected is, for "expected ..., got X": a quoted number or
     * boolean is "the string '300' (remove the quotes)".
     */
    public static String got(Node n) {
        if (n instanceof ScalarNode s && !s.isPlain() && Tag.STR.equals(s.getTag())) {
            Object unquoted = value(new Resolver().resolve(NodeId.scalar, s.getValue(), true), s.getValue());
            if (unquoted instanceof Number || unquoted instanceof Boolean) {
                return "the string '" + s.getValue() + "' (remove the quotes)";
            }
        }
        if (n instanceof ScalarNode s && !Tag.NULL.equals(s.getTag()) && !(value(s) instanceof String)) {
            return s.getValue(); // a number or boolean where something else was expected, as written
        }
        return kindOf(n);
    }

    public static int line(Node n) {
        return n == null || n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }

    /** path + "." + key, or key alone at the top; an index ("[2]") is appended without a dot. */
    public static String join(String path, String key) {
        if (path == null || path.isEmpty()) return key;
        if (key == null || key.isEmpty()) return path;
        return key.startsWith("[") ? path + key : path + "." + key;
    }

    /** " (did you mean 'x'?)" when a known word is close to the given one, else "". */
    public static String suggest(String word, Collection<String> known) {
        String best = known.stream().min(Comparator.comparingInt(k -> distance(word.toLowerCase(Locale.ROOT),
                k.toLowerCase(Locale.ROOT)))).orElse(null);
        if (best == null) return "";
        int d = distance(word.toLowerCase(Locale.ROOT), best.toLowerCase(Locale.ROOT));
        boolean close = d <= Math.max(2, best.length() / 3) || best.contains(word) && word.length() >= 4;
        return close ? " (did you mean '" + best + "'?)" : "";
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
