package narcosim.experiment;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import narcosim.metrics.WeeklyCollector;
import narcosim.util.Fmt;

/** Writes a run's directory: timeseries.csv, summary.csv and the resolved scenario.yaml. */
public final class RunOutput {

    public static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build();

    private RunOutput() {
    }

    public static void write(Path dir, RunResult r) throws IOException {
        write(dir, r, tmp -> { });
    }

    /** The same, with {@code more} files (route flows, the route map) written into the directory before it appears. */
    public static void write(Path dir, RunResult r, AtomicDirectory.Writer more) throws IOException {
        AtomicDirectory.write(dir, tmp -> {
            writeTimeseries(tmp.resolve("timeseries.csv"), r);
            writeRecords(tmp.resolve("summary.csv"), List.of(r.record()));
            Files.writeString(tmp.resolve("scenario.yaml"), ScenarioWriter.yaml(r.config()), StandardCharsets.UTF_8);
            more.write(tmp);
        });
    }

    public static void writeTimeseries(Path file, RunResult r) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSV)) {
            List<String> header = new ArrayList<>(List.of("week", "year"));
            for (narcosim.metrics.Outcome c : r.columns()) header.add(c.name());
            csv.printRecord(header);
            for (int week = 0; week < r.rows().size(); week++) {
                List<String> row = new ArrayList<>(header.size());
                row.add(Integer.toString(week));
                row.add(Integer.toString(week / 52 + 1));
                for (double v : r.rows().get(week)) row.add(Fmt.num(v));
                csv.printRecord(row);
            }
        }
    }

    /** Flat records (one row each) with the keys of the first as header. */
    public static void writeRecords(Path file, List<Map<String, Object>> records) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSV)) {
            List<String> header = new ArrayList<>(records.get(0).keySet());
            csv.printRecord(header);
            for (Map<String, Object> rec : records) {
                List<String> row = new ArrayList<>(header.size());
                for (String k : header) row.add(Fmt.any(rec.get(k)));
                csv.printRecord(row);
            }
        }
    }
}
