package narcosim.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVPrinter;

import narcosim.experiment.ExperimentDir;
import narcosim.experiment.RunOutput;
import narcosim.metrics.LinkFlows;
import narcosim.model.NarcoModel;
import narcosim.scenario.RunConfig;
import narcosim.world.Link;
import narcosim.world.Place;

/**
 * Where the cocaine of one run went: every place with its coordinates and the kg seized there, every
 * link with the kg it carried, seized and lost over the campaign weeks (burn-in excluded). Written as
 * places.csv and links.csv into a run directory, read back to draw the route map.
 *
 * @param title what run this is, e.g. "central-america, strategy integrated, seed 7"
 */
public record RouteFlows(String title, List<PlaceRow> places, List<LinkRow> links) {

    public static final String PLACES = "places.csv";
    public static final String LINKS = "links.csv";

    /**
     * A place; {@code international} marks places in international waters (no nation to outline); {@code market}
     * is the id of the market a gateway sells into ("" elsewhere, ODD 7.14) and {@code portInspectedShare} its
     * port's inspected share (NaN without a port, ODD 7.24).
     */
    public record PlaceRow(String id, String name, String kind, String nation, String nationName,
                           boolean international, double lon, double lat, long seizedKg, String market,
                           double portInspectedShare) {

        /** A place that is no gateway and has no port. */
        public PlaceRow(String id, String name, String kind, String nation, String nationName, boolean international,
                        double lon, double lat, long seizedKg) {
            this(id, name, kind, nation, nationName, international, lon, lat, seizedKg, "", Double.NaN);
        }
    }

    /**
     * A directed link over the campaign: kg that entered it, reached its far end, were seized on it or on
     * arrival at its far end, and were lost on the way.
     */
    public record LinkRow(String from, String to, String mode, long carriedKg, long arrivedKg, long seizedKg,
                          long lostKg) {
    }

    /** The flows of a model that has run to its end. */
    public static RouteFlows of(NarcoModel m, String title) {
        LinkFlows c = m.collector().links();
        List<PlaceRow> places = new ArrayList<>();
        for (Place p : m.network().places) {
            int market = m.network().marketOf(p);
            places.add(new PlaceRow(p.id(), p.spec.name(), p.spec.kind().yaml(), p.nation.id(), p.nation.spec.name(),
                    p.nation.spec.international(), p.spec.lon(), p.spec.lat(), c.seizedKg(p),
                    market < 0 ? "" : m.network().markets.get(market).id(),
                    p.spec.port() == null ? Double.NaN : p.spec.port().inspectedShare()));
        }
        List<LinkRow> links = new ArrayList<>();
        for (Link l : m.network().links) {
            links.add(new LinkRow(l.from.id(), l.to.id(), l.mode.yaml(), c.carriedKg(l), c.arrivedKg(l),
                    c.seizedKg(l), c.lostKg(l)));
        }
        return new RouteFlows(title, List.copyOf(places), List.copyOf(links));
    }

    /** The map's title for a run: scenario, strategy, seed and campaign length. */
    public static String title(RunConfig cfg) {
        return title(cfg.scenario().name(), cfg.strategy().id(), Long.toString(cfg.seed()), cfg.weeks() / 52);
    }

    public static String title(String scenario, String strategy, String seed, int years) {
        return scenario + ", strategy " + strategy + ", seed " + seed + (years > 0 ? ", " + years + "-year campaign" : "");
    }

    /** Runs a configuration to its end and returns both its result and its flows. */
    public static Run run(RunConfig cfg) {
        NarcoModel m = new NarcoModel(cfg);
        m.runToEnd();
        return new Run(narcosim.experiment.RunResult.of(m), of(m, title(cfg)));
    }

    /** A run's result with its route flows. */
    public record Run(narcosim.experiment.RunResult result, RouteFlows flows) {
    }

    /** Writes places.csv, links.csv and route-map.png/.svg into {@code dir}. */
    public void writeWithMap(Path dir, String base) throws IOException {
        write(dir);
        RouteMap.write(this, dir, base);
    }

    public long totalSeizedKg() {
        long s = 0;
        for (LinkRow l : links) s += l.seizedKg();
        return s;
    }

    /** Writes places.csv and links.csv into {@code dir} (plain writes: call inside an atomic directory). */
    public void write(Path dir) throws IOException {
        try (Writer w = Files.newBufferedWriter(dir.resolve(PLACES), StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, RunOutput.CSV)) {
            csv.printRecord("place", "name", "kind", "nation", "nation_name", "international", "lon", "lat",
                    "seized_kg", "market", "port_inspected_share");
            for (PlaceRow p : places) {
                csv.printRecord(p.id(), p.name(), p.kind(), p.nation(), p.nationName(), p.international(), p.lon(),
                        p.lat(), p.seizedKg(), p.market(), Double.isNaN(p.portInspectedShare()) ? ""
                                : p.portInspectedShare());
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve(LINKS), StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, RunOutput.CSV)) {
            csv.printRecord("from", "to", "mode", "carried_kg", "arrived_kg", "seized_kg", "lost_kg");
            for (LinkRow l : links) {
                csv.printRecord(l.from(), l.to(), l.mode(), l.carriedKg(), l.arrivedKg(), l.seizedKg(), l.lostKg());
            }
        }
    }

    /**
     * Reads places.csv and links.csv of a run directory.
     *
     * @throws Results.IncompleteResults when either is missing or a row is malformed (the message names the file)
     */
    public static RouteFlows read(Path dir, String title) throws Results.IncompleteResults {
        Path pf = dir.resolve(PLACES);
        Path lf = dir.resolve(LINKS);
        for (Path f : List.of(pf, lf)) {
            if (!Files.isRegularFile(f)) {
                throw new Results.IncompleteResults(dir + " has no " + f.getFileName()
                        + " (made by narcosim run since route maps were added; run it again)");
            }
        }
        List<PlaceRow> places = new ArrayList<>();
        List<LinkRow> links = new ArrayList<>();
        int line = 1;
        Path current = pf;
        try {
            for (Map<String, String> r : ExperimentDir.records(pf)) {
                line++;
                places.add(new PlaceRow(need(r, "place"), need(r, "name"), need(r, "kind"), need(r, "nation"),
                        need(r, "nation_name"), Boolean.parseBoolean(need(r, "international")),
                        Double.parseDouble(need(r, "lon")), Double.parseDouble(need(r, "lat")),
                        Long.parseLong(need(r, "seized_kg")), r.getOrDefault("market", ""),
                        r.getOrDefault("port_inspected_share", "").isEmpty() ? Double.NaN
                                : Double.parseDouble(r.get("port_inspected_share"))));
            }
            line = 1;
            current = lf;
            for (Map<String, String> r : ExperimentDir.records(lf)) {
                line++;
                links.add(new LinkRow(need(r, "from"), need(r, "to"), need(r, "mode"), Long.parseLong(need(r, "carried_kg")),
                        Long.parseLong(need(r, "arrived_kg")), Long.parseLong(need(r, "seized_kg")),
                        Long.parseLong(need(r, "lost_kg"))));
            }
        } catch (RuntimeException e) {
            throw new Results.IncompleteResults(current + ":" + line
                    + ": not a narcosim route file (" + e.getMessage() + ")");
        }
        return new RouteFlows(title, List.copyOf(places), List.copyOf(links));
    }

    private static String need(Map<String, String> r, String key) {
        String v = r.get(key);
        if (v == null) throw new IllegalArgumentException("no column " + key);
        return v;
    }
}
