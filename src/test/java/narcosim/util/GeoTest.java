package narcosim.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Great-circle distances against published city-to-city distances and exact spherical cases. */
class GeoTest {

    private static final double EARTH_RADIUS_KM = 6371.0;

    @ParameterizedTest(name = "{0}: {5} km")
    @CsvSource({
        "Bogota - Panama City,      4.7110,  -74.0721,  8.9824,  -79.5199,  750",
        "London - Paris,           51.5074,   -0.1278, 48.8566,    2.3522,  344",
        "New York - Los Angeles,   40.7128,  -74.0060, 34.0522, -118.2437, 3936",
        "Miami - Bogota,           25.7617,  -80.1918,  4.7110,  -74.0721, 2430",
    })
    void matchesKnownDistancesWithinFivePercent(String pair, double lat1, double lon1, double lat2, double lon2,
                                                double km) {
        double d = Geo.greatCircleKm(lat1, lon1, lat2, lon2);
        assertEquals(km, d, 0.05 * km, pair);
    }

    @Test
    void exactOnTheSphere() {
        assertEquals(0, Geo.greatCircleKm(4.7, -74.1, 4.7, -74.1), 1e-9, "same point");
        assertEquals(Math.PI * EARTH_RADIUS_KM / 2, Geo.greatCircleKm(0, 0, 90, 0), 1e-6, "equator to pole");
        assertEquals(Math.PI * EARTH_RADIUS_KM, Geo.greatCircleKm(0, 0, 0, 180), 1e-6, "antipodes");
        assertEquals(Math.PI * EARTH_RADIUS_KM / 180, Geo.greatCircleKm(0, 10, 0, 11), 1e-9,
                "one degree along the equator");
    }

    @Test
    void symmetricAndIndependentOfLongitudeWrapping() {
        double ab = Geo.greatCircleKm(1.81, -78.76, 25.76, -80.19);
        assertEquals(ab, Geo.greatCircleKm(25.76, -80.19, 1.81, -78.76), 1e-9);
        assertEquals(Geo.greatCircleKm(0, 179.5, 0, -179.5), Geo.greatCircleKm(0, -0.5, 0, 0.5), 1e-9,
                "across the date line");
    }
}
