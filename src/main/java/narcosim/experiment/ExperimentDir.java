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
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

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

    // ------------------------------------------------------------------ manifest

    /** Writes the manifest unless another process already did (first writer wins). */
    public void writeManifestIfAbsent(Map<String, Object> manifest) throws IOException {
        Files.createDirectories(parts());
        Path target = dir.resolve(MANIFEST);
        if (Files.exists(target)) return;
        Path tmp = Files.createTempFile(dir, ".manifest", ".partial");
        Files.writeString(tmp, yaml(manifest), StandardCharsets.UTF_8);
        try {
            Files.move(tmp, target); // no REPLACE_EXISTING: fails if a concurrent shard won
        } catch (java.nio.file.FileAlreadyExistsException e) {
            Files.deleteIfExists(tmp);
        }
    }

    public Map<String, Object> readManifest() throws IOException {
        Path m = dir.resolve(MANIFEST);
        if (!Files.exists(m)) return null;
        try (Reader r = Files.newBufferedReader(m, StandardCharsets.UTF_8)) {
            Object o = new Yaml(new LoaderOptions()).load(r);
            @SuppressWarnings("unchecked")
            Map<String, Object> map = o instanceof Map ? (Map<String, Object>) o : null;
            return map;
        }
    }

    public void updateManifest(Map<String, Object> changes) throws IOException {
        Map<String, Object> m = readManifest();
        if (m == null) m = new LinkedHashMap<>();
        m.putAll(changes);
        String text = yaml(m);
        AtomicDirectory.writeFile(dir.resolve(MANIFEST), p -> Files.writeString(p, text, StandardCharsets.UTF_8));
    }

    static String yaml(Map<String, Object> m) {
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
            for (CSVRecord rec : p) done.set(Integer.parseInt(rec.get(0)));
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
                if (keep.get(Integer.parseInt(rec.get(0)))) sb.append(line(rec.toList()));
            }
        }
        AtomicDirectory.writeFile(part, f -> Files.writeString(f, sb.toString(), StandardCharsets.UTF_8));
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
     * however many runs there are. Names what is missing.
     */
    public TreeMap<Integer, Lines> collectRuns(int shards, int total, List<String> header) throws IOException,
            IncompleteException {
        TreeMap<Integer, Lines> rows = new TreeMap<>();
        List<String> missingParts = new ArrayList<>();
        for (int k = 1; k <= shards; k++) {
            Shard s = new Shard(k, shards);
            Path part = runsPart(s);
            if (!Files.exists(part)) {
                missingParts.add(s.toString());
                continue;
            }
            index(part, header, rows, false);
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
     * Rows hold no line breaks (ids, numbers).
     */
    private static void index(Path part, List<String> header, Map<Integer, Lines> into, boolean blocks)
            throws IOException {
        byte[] head = line(header).getBytes(StandardCharsets.UTF_8);
        try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(part), 1 << 16)) {
            byte[] first = in.readNBytes(head.length);
            if (first.length == 0) return;
            if (!java.util.Arrays.equals(first, head)) {
                throw new IOException(part + ": columns differ from this experiment's");
            }
            long offset = head.length;
            long lineStart = offset;
            int id = -1;
            boolean inId = true;
            int value = 0;
            int blockId = -1;
            long blockStart = -1;
            int b;
            while ((b = in.read()) != -1) {
                offset++;
                if (inId) {
                    if (b >= '0' && b <= '9') {
                        value = value * 10 + (b - '0');
                        continue;
                    }
                    inId = false;
                    id = value;
                }
                if (b == '\n') {
                    if (id != blockId || !blocks) {
                        if (blockId >= 0) into.putIfAbsent(blockId, new Lines(part, blockStart, (int) (lineStart - blockStart)));
                        blockId = id;
                        blockStart = lineStart;
                    }
                    lineStart = offset;
                    inId = true;
                    value = 0;
                }
            }
            if (blockId >= 0) into.putIfAbsent(blockId, new Lines(part, blockStart, (int) (lineStart - blockStart)));
        }
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

    /** Merges the timeseries parts (each run's weekly rows, runs in id order) into one gzip file. */
    public void writeTimeseries(int shards, List<String> header) throws IOException {
        TreeMap<Integer, Lines> rows = new TreeMap<>();
        boolean any = false;
        for (int k = 1; k <= shards; k++) {
            Path part = timeseriesPart(new Shard(k, shards));
            if (!Files.exists(part)) continue;
            any = true;
            index(part, header, rows, true);
        }
        if (!any) return;
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
            for (CSVRecord rec : p) into.putIfAbsent(Integer.parseInt(rec.get(0)), rec.toList());
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
