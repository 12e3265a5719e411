package narcosim.experiment;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import narcosim.scenario.ScenarioException;
import narcosim.scenario.YamlNodes;
import narcosim.util.InputException;

/**
 * The directory of one experiment. Each process (one per shard; a single machine is shard 1 of 1)
 * appends whole rows to its own part files under {@code parts/}; finished runs are found again there on
 * resume, after any half-written last line is cut off. When every part is complete, {@link #merge}
 * writes the final files (runs.csv sorted by run id, and the summaries), the same bytes however the
 * runs were split between threads, processes or machines.
 */
public final class ExperimentDir {

    public static final String MANIFEST = "manifest.yaml";
    public static final String RUNS = "runs.csv";
    public static final String TIMESERIES = "timeseries.csv.gz";
    public static final String FAILURES = "failures.csv";

    private final Path dir;

    public ExperimentDir(Path dir) {
        this.dir = dir;
    }

    public Path path() {
        return dir;
    }

    public Path parts() {
        return dir.resolve("parts");
    }

    static String partName(String what, Shard shard) {
        return what + "-" + shard.index() + "-of-" + shard.count() + ".csv";
    }

    public Path runsPart(Shard s) {
        return parts().resolve(partName("runs", s));
    }

    public Path timeseriesPart(Shard s) {
        return parts().resolve(partName("timeseries", s));
    }

    public Path failuresPart(Shard s) {
        return parts().resolve(partName("failures", s));
    }

    public Path donePart(Shard s) {
        return parts().resolve("done-" + s.index() + "-of-" + s.count() + ".yaml");
    }

    // ------------------------------------------------------------------ locks

    /** A lock held on a file under parts/ until closed (or until the process ends, however it ends). */
    public static final class Lock implements AutoCloseable {
        private final FileChannel channel;
        private final java.nio.channels.FileLock lock;

        private Lock(FileChannel channel, java.nio.channels.FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    /**
     * Locks this shard of the experiment for this process: a second process on the same shard (a second
     * --resume, the same array task twice) is refused with who holds it. Shards lock separately, so the
     * shards of one experiment run side by side.
     */
    public Lock lockShard(Shard s) throws IOException {
        Files.createDirectories(parts());
        Path file = parts().resolve("lock-" + s.index() + "-of-" + s.count());
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        java.nio.channels.FileLock l;
        try {
            l = ch.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            l = null; // held by this same process (another command in the same JVM)
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (l == null) {
            ch.close();
            String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
            throw new InputException(dir + " is in use: " + (s.count() > 1 ? "shard " + s + " of this experiment" : "this experiment")
                    + " is being run by another narcosim process (" + (holder.isEmpty() ? "unknown process" : holder)
                    + "); wait for it to finish, or stop it, then run again with --resume " + dir);
        }
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "this machine";
        }
        byte[] who = ("pid " + ProcessHandle.current().pid() + " on " + host + ", since "
                + java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        ch.truncate(0);
        ch.write(java.nio.ByteBuffer.wrap(who), 0);
        return new Lock(ch, l);
    }

    /**
     * Locks the merge: shards that finish together, and narcosim merge, write the final files one after
     * the other. Waits for a merge in progress rather than refusing.
     */
    public Lock lockMerge() throws IOException {
        Files.createDirectories(parts());
        FileChannel ch = FileChannel.open(parts().resolve("lock-merge"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            while (true) {
                try {
                    return new Lock(ch, ch.lock());
                } catch (java.nio.channels.OverlappingFileLockException e) {
                    Thread.sleep(50); // another thread of this process merges: wait for it
                }
            }
        } catch (InterruptedException e) {
            ch.close();
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting to merge");
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    // ------------------------------------------------------------------ manifest

    /** Writes the manifest unless another process already did (first writer wins). */
    public void writeManifestIfAbsent(Map<String, Object> manifest) throws IOException {
        Files.createDirectories(parts());
        Path target = dir.resolve(MANIFEST);
        if (Files.exists(target)) return;
        Path tmp = AtomicDirectory.temporaryFile(target.toAbsolutePath());
        Files.writeString(tmp, yaml(manifest), StandardCharsets.UTF_8);
        try {
            Files.move(tmp, target); // no REPLACE_EXISTING: fails if a concurrent shard won
        } catch (java.nio.file.FileAlreadyExistsException e) {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The manifest, or null if the directory has none. A manifest that is not what narcosim wrote (edited,
     * cut, garbage) is a clear {@link InputException} naming the file and what is wrong, never a crash.
     */
    public Map<String, Object> readManifest() throws IOException {
        Path m = dir.resolve(MANIFEST);
        if (!Files.exists(m)) return null;
        Object o;
        try {
            o = YamlNodes.load(m);
        } catch (ScenarioException e) {
            // Names the file, line and problem (not UTF-8, malformed, a recursive alias, a limit).
            throw new InputException(e.getMessage() + "; narcosim writes this file and it was edited or damaged "
                    + "since: restore it, or start the experiment again in a new directory");
        }
        if (!(o instanceof Map)) throw damaged(m, "not a YAML mapping of keys to values");
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) o;
        Manifests.check(map, m);
        return map;
    }

    static InputException damaged(Path manifest, String problem) {
        return new InputException(manifest + ": " + problem + "; narcosim writes this file and it was edited or "
                + "damaged since: restore it, or start the experiment again in a new directory");
    }

    public void updateManifest(Map<String, Object> changes) throws IOException {
        Map<String, Object> m = readManifest();
        if (m == null) m = new LinkedHashMap<>();
        m.putAll(changes);
        String text = yaml(m);
        AtomicDirectory.writeFile(dir.resolve(MANIFEST), p -> Files.writeString(p, text, StandardCharsets.UTF_8));
    }

    public static String yaml(Map<String, Object> m) {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setWidth(120);
        return new Yaml(o).dump(m);
    }

    // ------------------------------------------------------------------ parts: resume

    /**
     * Cuts a part file back to its last complete line (a kill may have left half a line) and returns the
     * run ids of its complete rows (first column); creates it with the header if missing.
     */
    public static BitSet recover(Path part, List<String> header) throws IOException {
        BitSet done = new BitSet();
        String head = line(header);
        if (!Files.exists(part)) {
            Files.createDirectories(part.getParent());
            Files.writeString(part, head, StandardCharsets.UTF_8);
            return done;
        }
        byte[] bytes = Files.readAllBytes(part);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') end--;
        if (end < bytes.length) {
            try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE)) {
                ch.truncate(end);
            }
        }
        String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            Files.writeString(part, head, StandardCharsets.UTF_8);
            return done;
        }
        if (!text.startsWith(head)) {
            throw new IOException(part + " was written by a different experiment (its columns differ); "
                    + "use a new output directory");
        }
        try (CSVParser p = CSVParser.parse(text, RunOutput.CSV.builder().setHeader().setSkipHeaderRecord(true).build())) {
            for (CSVRecord rec : p) done.set(runId(part, rec, header.size()));
        } catch (java.io.UncheckedIOException e) {
            throw badRow(part, 0, "it is not CSV: " + e.getCause().getMessage());
        }
        return done;
    }

    /** Keeps only the rows of a part whose run id (first column) is in {@code keep}. */
    public static void keepOnly(Path part, List<String> header, BitSet keep) throws IOException {
        recover(part, header);
        String text = Files.readString(part, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(line(header));
        try (CSVParser p = CSVParser.parse(text, RunOutput.CSV.builder().setHeader().setSkipHeaderRecord(true).build())) {
            for (CSVRecord rec : p) {
                if (keep.get(runId(part, rec, header.size()))) sb.append(line(rec.toList()));
            }
        }
        AtomicDirectory.writeFile(part, f -> Files.writeString(f, sb.toString(), StandardCharsets.UTF_8));
    }

    /** The run id of a complete row read back from a part file, checked with the row's number of fields. */
    private static int runId(Path part, CSVRecord rec, int fields) {
        long line = rec.getRecordNumber() + 1;
        if (rec.size() != fields) throw badRow(part, line, "it has " + rec.size() + " fields, the header " + fields);
        try {
            int id = Integer.parseInt(rec.get(0));
            if (id < 0) throw new NumberFormatException();
            return id;
        } catch (NumberFormatException e) {
            throw badRow(part, line, "the first field is not a run id");
        }
    }

    /** One CSV line, with its newline. */
    public static String line(List<String> values) {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(sb, RunOutput.CSV)) {
            p.printRecord(values);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return sb.toString();
    }

    /** Appends complete lines in one write. */
    public static void append(Path part, CharSequence lines) throws IOException {
        if (lines.length() == 0) return;
        try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.APPEND)) {
            out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    // ------------------------------------------------------------------ merge

    /** Where a run's lines lie in a part file. */
    public record Lines(Path part, long offset, int length) {
    }

    /**
     * Index of every runs part for {@code shards} shards: run id to where its row lies (the first copy
     * if a row appears twice). Only this index is held, never the rows, so merging stays small in memory
     * however many runs there are. Names what is missing. Every row is checked (its run id, its number of
     * fields, and that the columns from {@code firstNumber} on hold numbers) before anything is written.
     */
    public TreeMap<Integer, Lines> collectRuns(int shards, int total, List<String> header, int firstNumber)
            throws IOException, IncompleteException {
        TreeMap<Integer, Lines> rows = new TreeMap<>();
        List<String> missingParts = new ArrayList<>();
        for (int k = 1; k <= shards; k++) {
            Shard s = new Shard(k, shards);
            Path part = runsPart(s);
            if (!Files.exists(part)) {
                missingParts.add(s.toString());
                continue;
            }
            index(part, header, rows, false, total);
            checkNumbers(part, header, firstNumber);
        }
        List<Integer> missing = new ArrayList<>();
        for (int id = 0; id < total; id++) {
            if (!rows.containsKey(id)) missing.add(id);
        }
        if (!missing.isEmpty() || !missingParts.isEmpty()) {
            throw new IncompleteException(missingParts, missing, total);
        }
        return rows;
    }

    /**
     * Indexes the complete lines of a part file by the run id in their first column; with {@code blocks},
     * consecutive lines of the same run (its weekly rows) form one entry. The first copy of a run wins.
     * Every line is checked before anything is written: a run id from 0 to {@code runs} - 1 and as many
     * fields as the header; a line cut short or edited is named with its line number.
     */
    private static void index(Path part, List<String> header, Map<Integer, Lines> into, boolean blocks, int runs)
            throws IOException {
        byte[] head = line(header).getBytes(StandardCharsets.UTF_8);
        try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(part), 1 << 16)) {
            byte[] first = in.readNBytes(head.length);
            if (first.length == 0) return;
            if (!java.util.Arrays.equals(first, head)) {
                throw new InputException(part + ": its columns differ from this experiment's (the file was edited, "
                        + "or belongs to another experiment)");
            }
            long offset = head.length;
            long lineStart = offset;
            long lineNumber = 2;
            long id = 0;
            boolean inId = true;
            boolean digits = false;
            boolean quoted = false;
            int fields = 1;
            int blockId = -1;
            long blockStart = -1;
            int b;
            while ((b = in.read()) != -1) {
                offset++;
                if (inId) {
                    if (b >= '0' && b <= '9' && id <= Integer.MAX_VALUE) {
                        id = id * 10 + (b - '0');
                        digits = true;
                        continue;
                    }
                    inId = false;
                    if (!digits || id >= runs || b != ',') {
                        throw badRow(part, lineNumber, "the first field is not a run id from 0 to " + (runs - 1));
                    }
                }
                if (b == '"') {
                    quoted = !quoted;
                } else if (b == ',' && !quoted) {
                    fields++;
                } else if (b == '\n') {
                    if (quoted) throw badRow(part, lineNumber, "a quoted field is not closed");
                    if (fields != header.size()) {
                        throw badRow(part, lineNumber, "it has " + fields + " fields, the header " + header.size());
                    }
                    if (id != blockId || !blocks) {
                        if (blockId >= 0) into.putIfAbsent(blockId, new Lines(part, blockStart, (int) (lineStart - blockStart)));
                        blockId = (int) id;
                        blockStart = lineStart;
                    }
                    lineStart = offset;
                    lineNumber++;
                    inId = true;
                    digits = false;
                    id = 0;
                    fields = 1;
                }
            }
            if (blockId >= 0) into.putIfAbsent(blockId, new Lines(part, blockStart, (int) (lineStart - blockStart)));
        }
    }

    /** Checks that the columns from {@code first} on hold numbers (or nothing) in every complete row of a part. */
    private static void checkNumbers(Path part, List<String> header, int first) throws IOException {
        byte[] bytes = Files.readAllBytes(part); // one row per run: small
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') end--; // a last line still being written is not a row yet
        try (CSVParser p = CSVParser.parse(new String(bytes, 0, end, StandardCharsets.UTF_8),
                RunOutput.CSV.builder().setHeader().setSkipHeaderRecord(true).build())) {
            for (CSVRecord rec : p) {
                for (int i = first; i < rec.size(); i++) {
                    String v = rec.get(i);
                    if (v.isEmpty()) continue;
                    try {
                        Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        throw badRow(part, rec.getRecordNumber() + 1, "column " + header.get(i) + " holds '"
                                + (v.length() > 40 ? v.substring(0, 37) + "..." : v) + "', not a number");
                    }
                }
            }
        }
    }

    private static InputException badRow(Path part, long line, String problem) {
        return new InputException(part + ":" + line + ": not a row this experiment wrote (" + problem + "); the part "
                + "file was cut or edited. Nothing was merged. Delete that line and run the command again: the run it "
                + "held is then run again with --resume");
    }

    /** Copies indexed lines, in run id order, after a header. */
    private static void copy(java.io.OutputStream out, List<String> header, Map<Integer, Lines> rows) throws IOException {
        out.write(line(header).getBytes(StandardCharsets.UTF_8));
        Map<Path, java.nio.channels.FileChannel> open = new LinkedHashMap<>();
        try {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(1 << 16);
            for (Lines l : rows.values()) {
                java.nio.channels.FileChannel ch = open.get(l.part());
                if (ch == null) {
                    ch = java.nio.channels.FileChannel.open(l.part(), StandardOpenOption.READ);
                    open.put(l.part(), ch);
                }
                long pos = l.offset();
                long end = l.offset() + l.length();
                while (pos < end) {
                    buf.clear();
                    buf.limit((int) Math.min(buf.capacity(), end - pos));
                    int n = ch.read(buf, pos);
                    if (n < 0) throw new IOException(l.part() + " is shorter than when it was indexed");
                    out.write(buf.array(), 0, n);
                    pos += n;
                }
            }
        } finally {
            for (java.nio.channels.FileChannel ch : open.values()) ch.close();
        }
    }

    /** Writes runs.csv (sorted by run id) atomically. */
    public void writeRuns(List<String> header, TreeMap<Integer, Lines> rows) throws IOException {
        AtomicDirectory.writeFile(dir.resolve(RUNS), f -> {
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(f), 1 << 16)) {
                copy(out, header, rows);
            }
        });
    }

    /** Index of the timeseries parts (each run's weekly rows), every line checked; null if there are none. */
    public TreeMap<Integer, Lines> collectTimeseries(int shards, List<String> header, int runs) throws IOException {
        TreeMap<Integer, Lines> rows = new TreeMap<>();
        boolean any = false;
        for (int k = 1; k <= shards; k++) {
            Path part = timeseriesPart(new Shard(k, shards));
            if (!Files.exists(part)) continue;
            any = true;
            index(part, header, rows, true, runs);
        }
        return any ? rows : null;
    }

    /** Writes the collected weekly rows, runs in id order, into one gzip file. */
    public void writeTimeseries(List<String> header, TreeMap<Integer, Lines> rows) throws IOException {
        AtomicDirectory.writeFile(dir.resolve(TIMESERIES), f -> {
            try (OutputStream out = new GZIPOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(f), 1 << 16))) {
                copy(out, header, rows);
            }
        });
    }

    private static void read(Path part, List<String> header, Map<Integer, List<String>> into) throws IOException {
        byte[] bytes = Files.readAllBytes(part);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') end--;
        String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
        if (text.isEmpty()) return;
        if (!text.startsWith(line(header))) throw new IOException(part + ": columns differ from this experiment's");
        try (CSVParser p = CSVParser.parse(text, RunOutput.CSV.builder().setHeader().setSkipHeaderRecord(true).build())) {
            for (CSVRecord rec : p) into.putIfAbsent(runId(part, rec, header.size()), rec.toList());
        }
    }

    /** Failures of every part, by run id (few: held in memory). */
    public TreeMap<Integer, List<String>> failures(int shards, List<String> header) throws IOException {
        TreeMap<Integer, List<String>> rows = new TreeMap<>();
        for (int k = 1; k <= shards; k++) {
            Path part = failuresPart(new Shard(k, shards));
            if (Files.exists(part)) read(part, header, rows);
        }
        return rows;
    }

    /**
     * A CSV file's records as maps, read one at a time as they are iterated (summaries of large
     * experiments never hold the whole file).
     */
    public static Iterable<Map<String, String>> records(Path file) {
        return () -> {
            try {
                Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r);
                java.util.Iterator<CSVRecord> it = p.iterator();
                return new java.util.Iterator<Map<String, String>>() {
                    @Override
                    public boolean hasNext() {
                        boolean more = it.hasNext();
                        if (!more) {
                            try {
                                p.close();
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }
                        return more;
                    }

                    @Override
                    public Map<String, String> next() {
                        return it.next().toMap();
                    }
                };
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    /** Parts are missing, or runs are missing from them. */
    public static final class IncompleteException extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<String> missingShards;
        private final List<Integer> missingRuns;

        IncompleteException(List<String> missingShards, List<Integer> missingRuns, int total) {
            super(describe(missingShards, missingRuns, total));
            this.missingShards = missingShards;
            this.missingRuns = missingRuns;
        }

        public List<String> missingShards() {
            return missingShards;
        }

        public List<Integer> missingRuns() {
            return missingRuns;
        }

        private static String describe(List<String> shards, List<Integer> runs, int total) {
            StringBuilder sb = new StringBuilder("incomplete: ");
            sb.append(runs.size()).append(" of ").append(total).append(" runs have no result");
            if (!shards.isEmpty()) sb.append("; no part files from shard(s) ").append(String.join(", ", shards));
            if (!runs.isEmpty()) {
                sb.append("; missing run ids: ").append(ranges(runs));
            }
            return sb.toString();
        }

        private static String ranges(List<Integer> ids) {
            StringBuilder sb = new StringBuilder();
            int shown = 0;
            for (int i = 0; i < ids.size() && shown < 12; shown++) {
                int j = i;
                while (j + 1 < ids.size() && ids.get(j + 1) == ids.get(j) + 1) j++;
                if (sb.length() > 0) sb.append(", ");
                sb.append(ids.get(i));
                if (j > i) sb.append('-').append(ids.get(j));
                i = j + 1;
                if (shown == 11 && i < ids.size()) sb.append(", ...");
            }
            return sb.toString();
        }
    }
}
