package narcosim.agents;

import java.util.Arrays;

/**
 * What one kilogram of a shipment has cost by the time it reaches a place, by part (Reuter &amp;
 * Kleiman 1986, "Risks and prices"; Caulkins &amp; Reuter 2010): the price paid at the source, transport,
 * crews' wages, crews' compensation for risk, the replacement of loads lost on the way (at their cost
 * where they were lost, Caulkins, Crawford &amp; Reuter 1993), and the traffickers' margin. The margin on a
 * leg is a markup on the value carried, proportional to the leg's routine risk: m = mu x r x value, so
 * markups multiply along the chain (Caulkins 1994: prices rise multiplicatively through the
 * distribution chain) and are largest where the value and the risk are (a border crossing near the
 * market). The rate mu is set by the market ({@link Market#marginRate()}); a kilogram keeps the record of
 * its legs so that its value can be read at any rate.
 */
public final class UnitCost {

    /**
     * The parts of a price, in the order of the price decomposition outputs; each is named, in lower case, as
     * its outcome's part in {@code Outcomes.PRICE_PARTS} (which holds the labels).
     */
    public enum Part { SOURCE, TRANSPORT, CREW_WAGES, CREW_RISK, LOSS_REPLACEMENT, MARGIN, SCARCITY }

    /** Most loss share a leg is priced at (a bound that keeps l/(1 - l) finite; never reached in shipped runs). */
    public static final double MAX_LOSS_SHARE = 0.9;

    /** Parts {@link #addTo} fills, in {@link Part} order without scarcity. */
    public static final int SUMS = 6;

    private static final byte LINK = 0;
    private static final byte CREWS = 1;

    private final double source;
    /** Legs in order: kind, and two numbers (link: transport and risk, then loss; crews: wages and risk pay). */
    private byte[] kinds = new byte[8];
    private double[] a = new double[8];
    private double[] b = new double[8];
    private double[] c = new double[8];
    private int legs;

    private UnitCost(double source) {
        this.source = source;
    }

    /** A kilogram bought at the source for {@code priceUsdKg}. */
    public static UnitCost bought(double priceUsdKg) {
        return new UnitCost(priceUsdKg);
    }

    /**
     * Enters a link: pays its transport, takes the margin on the value carried for the leg's routine risk
     * {@code risk}, then the expected replacement of loads lost on it. To land one kg the trafficker sends
     * 1/(1 - l) kg, so the survivors carry everything spent on the load so far times l/(1 - l) (Reuter &amp;
     * Kleiman 1986; Caulkins, Crawford &amp; Reuter 1993: a loss is replaced at its cost where it happened).
     */
    public void enter(double transportUsdKg, double risk, double lossShare) {
        add(LINK, transportUsdKg, risk, Math.min(Math.max(lossShare, 0), MAX_LOSS_SHARE));
    }

    /** Crews handle the load at a place: their wage and their compensation for risk, US$/kg. */
    public void handled(double wagesUsdKg, double riskUsdKg) {
        add(CREWS, wagesUsdKg, riskUsdKg, 0);
    }

    private void add(byte kind, double x, double y, double z) {
        if (legs == kinds.length) {
            int n = legs * 2;
            kinds = Arrays.copyOf(kinds, n);
            a = Arrays.copyOf(a, n);
            b = Arrays.copyOf(b, n);
            c = Arrays.copyOf(c, n);
        }
        kinds[legs] = kind;
        a[legs] = x;
        b[legs] = y;
        c[legs] = z;
        legs++;
    }

    /** Value of a kg here at margin rate {@code mu}. */
    public double value(double mu) {
        double v = source;
        for (int i = 0; i < legs; i++) {
            if (kinds[i] == LINK) {
                v += a[i];
                v += mu * b[i] * v;
                v /= 1 - c[i];
            } else {
                v += a[i] + b[i];
            }
        }
        return v;
    }

    /** Adds {@code kg} times this kg's parts at margin rate {@code mu} into {@code sums} ({@link Part} order). */
    public void addTo(double[] sums, double kg, double mu) {
        double src = source;
        double transport = 0;
        double wages = 0;
        double risk = 0;
        double replacement = 0;
        double margin = 0;
        for (int i = 0; i < legs; i++) {
            if (kinds[i] == LINK) {
                transport += a[i];
                double v = src + transport + wages + risk + replacement + margin;
                margin += mu * b[i] * v;
                v = src + transport + wages + risk + replacement + margin;
                replacement += v * c[i] / (1 - c[i]);
            } else {
                wages += a[i];
                risk += b[i];
            }
        }
        sums[0] += kg * src;
        sums[1] += kg * transport;
        sums[2] += kg * wages;
        sums[3] += kg * risk;
        sums[4] += kg * replacement;
        sums[5] += kg * margin;
    }

    /** A copy of this record as it stands (the shipment's own record goes on growing). */
    public UnitCost copy() {
        UnitCost c = new UnitCost(source);
        c.kinds = Arrays.copyOf(kinds, legs);
        c.a = Arrays.copyOf(a, legs);
        c.b = Arrays.copyOf(b, legs);
        c.c = Arrays.copyOf(this.c, legs);
        c.legs = legs;
        return c;
    }
}
