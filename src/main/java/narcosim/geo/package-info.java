/**
 * Geography for maps: the world's land and country borders (Natural Earth 1:50m, public domain) and a
 * label placer. Everything is in degrees of longitude and latitude until the caller projects it.
 *
 * <ul>
 * <li>{@link narcosim.geo.Box}: a longitude/latitude box, e.g. {@code Box.around(lons, lats, margin)};</li>
 * <li>{@link narcosim.geo.World#get()}: the world data, loaded once on first use; {@code region(box)} gives
 * the land polygons, coastlines and borders clipped to a box ({@link narcosim.geo.World.Region});</li>
 * <li>{@link narcosim.geo.World.Region#landPath}, {@code coastPath}, {@code borderPath}: Java2D shapes
 * through any projection ({@link narcosim.geo.World.Projector}), ready to fill or stroke;</li>
 * <li>{@link narcosim.geo.Labels#place}: label boxes (pixels) that overlap neither each other nor any
 * point's symbol, placed greedily by priority; labels that fit nowhere are left out.</li>
 * </ul>
 *
 * <p>The antimeridian: the data stops at longitude -180 and 180. A box may reach past them (a scenario
 * whose longitudes run on, e.g. 170 to 190, rather than jumping from 180 to -180); the world then repeats
 * shifted by 360 degrees, so the land on both sides shows. A scenario that writes the same stretch of
 * ocean as 179 and -179 spans the whole world in a box; write its longitudes continuously instead.
 */
package narcosim.geo;
