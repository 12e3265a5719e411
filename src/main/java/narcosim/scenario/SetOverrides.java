package narcosim.scenario;

import static narcosim.scenario.YamlNodes.keysOf;
import static narcosim.scenario.YamlNodes.scalar;
import static narcosim.scenario.YamlNodes.suggest;
import static narcosim.scenario.YamlNodes.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * {@code --set key.path=value} overrides of a scenario: a parameter ({@code cartel.loss_tolerance=0.2}),
 * the budget, a place or link by id ({@code places.tumaco.population=9000},
 * {@code links.tumaco>off_gorgona.capacity_kg_week=9000}) or a strategy. Values are read as YAML with the
 * same checks as files; a mistake names the override and the key.
 */
final class SetOverrides {

    private static final String SET_PREFIX = YamlNodes.SET_PREFIX;

    /** Optional sections of mappings that {@code --set section.key=value} may start when the file has none. */
    private static final List<String> SECTIONS = List.of("burn_in");

    private SetOverrides() {
    }


    /**
     * Applies one {@code key.path=value}: a declared parameter is kept in {@code late} (applied after the
     * file and the strategy's doctrine); anything else (geography, budget, strategies) replaces or adds the
     * node at its path, so that validation then checks it like a value from the file.
     */
    static void apply(MappingNode root, String expr, Map<String, Object> late, YamlNodes y, List<String> topKeys)
            throws ScenarioException {
        int eq = expr.indexOf('=');
        String where = SET_PREFIX + YamlNodes.visible(expr.length() > 200 ? expr.substring(0, 200) + "..." : expr);
        if (eq <= 0) throw new ScenarioException(where, 0, "", "expected key.path=value");
        String key = expr.substring(0, eq).trim();
        String value = expr.substring(eq + 1);
        // Read with the same checks as files: a recursive alias, a control character, a repeated key is one message.
        Node valueNode = YamlNodes.readValue(where, YamlNodes.visible(key), value.isEmpty() ? "''" : value);
        Mark mark = new Mark(where, 0, -1, 0, new int[0], 0);
        valueNode = retag(valueNode, mark);
        if (Params.renamed(key) != null) throw new ScenarioException(where, 0, key, Params.renamed(key));
        Param p = Params.get(key);
        if (p != null) {
            late.put(key, y.param(p, valueNode, key));
            return;
        }
        if (key.contains(".") && Params.sections().contains(key.substring(0, key.indexOf('.')))) {
            throw new ScenarioException(where, 0, key, "unknown parameter"
                    + suggest(key, Params.all().stream().map(Param::key).toList()));
        }
        String[] segs = key.split("\\.");
        Node cur = root;
        String path = "";
        int i = 0;
        while (i < segs.length) {
            if (cur instanceof MappingNode m) {
                // Keys may contain dots themselves (doctrine: military.targeting): take the longest match.
                int j = segs.length;
                NodeTuple hit = null;
                for (; j > i; j--) {
                    String k = String.join(".", java.util.Arrays.copyOfRange(segs, i, j));
                    hit = tuple(m, k);
                    if (hit != null) break;
                }
                if (hit == null && m == root && i == 0 && segs.length > 1 && SECTIONS.contains(segs[0])) {
                    // An optional section the file leaves out (burn_in): --set burn_in.strategy=... starts it.
                    MappingNode section = new MappingNode(Tag.MAP, true, new ArrayList<>(), mark, mark,
                            DumperOptions.FlowStyle.BLOCK);
                    m.getValue().add(new NodeTuple(new ScalarNode(Tag.STR, segs[0], mark, mark,
                            DumperOptions.ScalarStyle.PLAIN), section));
                    path = segs[0];
                    i = 1;
                    cur = section;
                    continue;
                }
                if (hit == null) {
                    String k = String.join(".", java.util.Arrays.copyOfRange(segs, i, segs.length));
                    if (i == segs.length - 1 || m == root) {
                        // A new key: added so that validation reports it if it is not allowed.
                        if (i != segs.length - 1) {
                            List<String> top = new ArrayList<>(topKeys);
                            top.addAll(Params.sections());
                            throw new ScenarioException(where, 0, key, "no such key '" + segs[i] + "'"
                                    + suggest(segs[i], top));
                        }
                        m.getValue().add(new NodeTuple(new ScalarNode(Tag.STR, k, mark, mark, DumperOptions.ScalarStyle.PLAIN), valueNode));
                        return;
                    }
                    throw new ScenarioException(where, 0, key, "no key '" + segs[i] + "' under "
                            + (path.isEmpty() ? "the top level" : path) + suggest(segs[i], keysOf(m)));
                }
                String k = String.join(".", java.util.Arrays.copyOfRange(segs, i, j));
                path = path.isEmpty() ? k : path + "." + k;
                i = j;
                if (i == segs.length) {
                    m.getValue().set(m.getValue().indexOf(hit), new NodeTuple(hit.getKeyNode(), valueNode));
                    return;
                }
                cur = hit.getValueNode();
            } else if (cur instanceof SequenceNode seq) {
                String seg = segs[i];
                Node item = null;
                for (Node n : seq.getValue()) {
                    if (n instanceof MappingNode im) {
                        NodeTuple id = tuple(im, "id");
                        String ident = id != null && id.getValueNode() instanceof ScalarNode sc ? sc.getValue() : null;
                        NodeTuple from = tuple(im, "from");
                        NodeTuple to = tuple(im, "to");
                        if (seg.equals(ident) || (from != null && to != null
                                && seg.equals(scalar(from.getValueNode()) + ">" + scalar(to.getValueNode())))) {
                            item = n;
                            break;
                        }
                    }
                }
                if (item == null && seg.matches("\\d+") && Integer.parseInt(seg) < seq.getValue().size()) {
                    item = seq.getValue().get(Integer.parseInt(seg));
                }
                if (item == null) {
                    throw new ScenarioException(where, 0, key, "no item '" + seg + "' in " + path
                            + " (name an item by its id, by from>to for links, or by its position from 0)");
                }
                path = path + "." + seg;
                i++;
                if (i == segs.length) {
                    seq.getValue().set(seq.getValue().indexOf(item), valueNode);
                    return;
                }
                cur = item;
            } else {
                throw new ScenarioException(where, 0, key, path + " is a single value; it has no key '" + segs[i] + "'");
            }
        }
    }

    private static Node retag(Node n, Mark mark) {
        if (n == null) return new ScalarNode(Tag.NULL, "", mark, mark, null);
        if (n instanceof ScalarNode s) return new ScalarNode(s.getTag(), s.getValue(), mark, mark, s.getScalarStyle());
        if (n instanceof SequenceNode s) {
            List<Node> items = new ArrayList<>();
            for (Node c : s.getValue()) items.add(retag(c, mark));
            return new SequenceNode(s.getTag(), true, items, mark, mark, s.getFlowStyle());
        }
        MappingNode m = (MappingNode) n;
        List<NodeTuple> t = new ArrayList<>();
        for (NodeTuple c : m.getValue()) t.add(new NodeTuple(retag(c.getKeyNode(), mark), retag(c.getValueNode(), mark)));
        return new MappingNode(m.getTag(), true, t, mark, mark, m.getFlowStyle());
    }
}
