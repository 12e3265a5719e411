package narcosim.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import narcosim.model.TestModels;
import narcosim.scenario.Scenario;

/**
 * The run-time geography on the balloon scenario: two corridors from Tumaco that meet again at
 * Colón, the east one cheaper.
 */
class NetworkTest {

    private final Scenario sc = TestModels.load(TestModels.BALLOON);
    private final Network net = new Network(sc, sc.params(), 0.6);

    private int idx(String id) {
        return net.places.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow().index;
    }

    private Set<String> targets(int[] links) {
        return Arrays.stream(links).mapToObj(l -> net.links.get(l).to.id()).collect(Collectors.toSet());
    }

    private Set<String> sources(int[] links) {
        return Arrays.stream(links).mapToObj(l -> net.links.get(l).from.id()).collect(Collectors.toSet());
    }

    private BitSet allBut(String... excluded) {
        BitSet b = new BitSet();
        b.set(0, net.places.size());
        for (String id : excluded) b.clear(idx(id));
        return b;
    }

    @Test
    void buildsEveryPlaceLinkAndNationOfTheScenario() {
        assertEquals(sc.places().size(), net.places.size());
        assertEquals(sc.links().size(), net.links.size());
        assertEquals(sc.nations().size(), net.nations.size());
        for (int i = 0; i < net.links.size(); i++) {
            Link l = net.links.get(i);
            assertEquals(i, l.index);
            assertEquals(sc.links().get(i).from(), l.from.id());
            assertEquals(sc.links().get(i).to(), l.to.id());
            assertEquals(l.from.spec.nation(), l.from.nation.id(), "a place belongs to its nation");
        }
    }

    @Test
    void adjacencyListsEachLinkOnceOutOfItsSourceAndIntoItsTarget() {
        assertEquals(Set.of("off_gorgona", "off_malpelo"), targets(net.out(idx("tumaco"))));
        assertEquals(Set.of("jaque", "tonosi"), sources(net.in(idx("colon"))));
        assertEquals(0, net.out(idx("miami")).length, "nothing leaves the market");
        assertEquals(0, net.in(idx("narino")).length, "nothing enters the coca zone");
        int outs = 0;
        int ins = 0;
        for (Place p : net.places) {
            for (int l : net.out(p.index)) assertEquals(p, net.links.get(l).from);
            for (int l : net.in(p.index)) assertEquals(p, net.links.get(l).to);
            outs += net.out(p.index).length;
            ins += net.in(p.index).length;
        }
        assertEquals(net.links.size(), outs);
        assertEquals(net.links.size(), ins);
    }

    @Test
    void cheapestPathToMarketIsAChainFromThePlaceToTheMarketAlongTheCheapCorridor() {
        int[] path = net.cheapestPathToMarket(idx("narino"));
        assertTrue(path.length > 0);
        assertEquals("narino", net.links.get(path[0]).from.id());
        for (int i = 1; i < path.length; i++) {
            assertEquals(net.links.get(path[i - 1]).to, net.links.get(path[i]).from, "consecutive links");
        }
        assertTrue(net.links.get(path[path.length - 1]).to.isMarket(), "ends at a market");
        List<String> via = Arrays.stream(path).mapToObj(l -> net.links.get(l).to.id()).toList();
        assertEquals(List.of("tumaco", "off_gorgona", "off_cabo_marzo", "jaque", "colon", "miami"), via,
                "the east corridor is cheaper");
        double east = Arrays.stream(path).mapToDouble(l -> net.links.get(l).costUsdKg).sum();
        double west = cost("narino", "tumaco", "off_malpelo", "off_punta_mala", "tonosi", "colon", "miami");
        assertTrue(east < west, "east " + east + " vs west " + west);
    }

    @Test
    void everyPlaceButTheMarketHasAPathAndTheMarketNeedsNone() {
        for (Place p : net.places) {
            int[] path = net.cheapestPathToMarket(p.index);
            if (p.isMarket()) {
                assertEquals(0, path.length);
            } else {
                assertTrue(net.links.get(path[path.length - 1]).to.isMarket(), p.id());
            }
        }
    }

    @Test
    void allReachMarketUsesOnlyTheAllowedPlaces() {
        int[] from = {idx("narino")};
        assertTrue(net.allReachMarket(from, allBut()), "everything allowed");
        assertTrue(net.allReachMarket(from, allBut("off_gorgona")), "the west corridor remains");
        assertTrue(net.allReachMarket(from, allBut("tonosi")), "the east corridor remains");
        assertFalse(net.allReachMarket(from, allBut("off_gorgona", "off_punta_mala")), "both corridors cut");
        assertFalse(net.allReachMarket(from, allBut("colon")), "the shared last port cut");
        assertFalse(net.allReachMarket(from, allBut("miami")), "the market itself not allowed");
        assertFalse(net.allReachMarket(from, allBut("narino")), "the origin itself not allowed");
        assertTrue(net.allReachMarket(new int[] {idx("jaque"), idx("tonosi")}, allBut("off_gorgona", "tumaco")),
                "places past the cut still reach it");
        assertFalse(net.allReachMarket(new int[] {idx("jaque"), idx("narino")}, allBut("tumaco")),
                "every one of the places must reach it");
    }

    @Test
    void chokepointScoresWeightTheCheapestPathsByCocaArea() {
        double[] score = net.chokepointScores();
        Set<Integer> onPath = Arrays.stream(net.cheapestPathToMarket(idx("narino"))).boxed()
                .collect(Collectors.toSet());
        double coca = net.places.get(idx("narino")).spec.cocaHa();
        for (Link l : net.links) {
            assertEquals(onPath.contains(l.index) ? coca : 0, score[l.index], 1e-9, l.toString());
        }
    }

    @Test
    void regionsInOrderOfFirstAppearance() {
        assertEquals(List.of("andes", "departure", "east-corridor", "west-corridor", "panama-caribbean", "market"),
                net.regions());
        assertEquals(net.regions().indexOf("west-corridor"), net.region(idx("off_malpelo")));
    }

    @Test
    void noWaitOnAnEmptyNetwork() {
        for (Place p : net.places) assertEquals(0, net.expectedWaitWeeks(p), p.id());
    }

    private double cost(String... chain) {
        double c = 0;
        for (int i = 1; i < chain.length; i++) {
            String a = chain[i - 1];
            String b = chain[i];
            c += net.links.stream().filter(l -> l.from.id().equals(a) && l.to.id().equals(b)).findFirst()
                    .orElseThrow().costUsdKg;
        }
        return c;
    }

    @Test
    void placeOrderMatchesTheScenario() {
        assertArrayEquals(sc.places().stream().map(p -> p.id()).toArray(),
                net.places.stream().map(Place::id).toArray());
    }
}
