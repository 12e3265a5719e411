package narcosim.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * The eight patterns of the model brief, in its order, as experiments: pattern 1 runs twice, on the classroom's
 * two-corridor map and on the default map ({@code balloon-map}); the others once.
 */
public final class Patterns {

    private Patterns() {
    }

    public static List<Pattern> all() {
        return List.of(new Balloon(), new BalloonMap(), new SeizureShare(), new PricePremium(), new CollateralHarm(),
                new DevelopmentLag(), new Eradication(), new Partnership(), new LeadershipTargeting());
    }

    public static List<String> ids() {
        return all().stream().map(Pattern::id).toList();
    }

    /** The patterns with the given ids, in the brief's order; unknown ids are an IllegalArgumentException. */
    public static List<Pattern> only(List<String> ids) {
        for (String id : ids) {
            if (!ids().contains(id)) {
                throw new IllegalArgumentException("no pattern '" + id + "'; the patterns are " + String.join(", ", ids()));
            }
        }
        List<Pattern> out = new ArrayList<>();
        for (Pattern p : all()) {
            if (ids.contains(p.id())) out.add(p);
        }
        return out;
    }
}
