package narcosim.gui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The coarse coastline polygons the project ships (resource {@code narcosim/gui/coastline.txt}). */
public final class Coastline {

    /** One closed polygon: longitudes and latitudes in degrees. */
    public record Polygon(String name, double[] lon, double[] lat) {
    }

    private Coastline() {
    }

    public static List<Polygon> load() {
        try (InputStream in = Coastline.class.getResourceAsStream("/narcosim/gui/coastline.txt")) {
            if (in == null) throw new IllegalStateException("coastline.txt missing from the jar");
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Polygon> parse(BufferedReader r) throws IOException {
        List<Polygon> out = new ArrayList<>();
        String name = null;
        List<double[]> pts = new ArrayList<>();
        int lineNo = 0;
        for (String line; (line = r.readLine()) != null; ) {
            lineNo++;
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("polygon ")) {
                if (name != null) out.add(polygon(name, pts));
                name = line.substring(8).strip();
                pts.clear();
                continue;
            }
            String[] f = line.split("\\s+");
            if (name == null || f.length != 2) throw new IllegalStateException("coastline.txt:" + lineNo + ": expected 'lon lat'");
            pts.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
        }
        if (name != null) out.add(polygon(name, pts));
        return out;
    }

    private static Polygon polygon(String name, List<double[]> pts) {
        double[] lon = new double[pts.size()];
        double[] lat = new double[pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            lon[i] = pts.get(i)[0];
            lat[i] = pts.get(i)[1];
        }
        return new Polygon(name, lon, lat);
    }
}
