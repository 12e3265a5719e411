package narcosim.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import narcosim.model.NarcoModel;
import narcosim.policy.Campaign;
import narcosim.policy.Doctrine;
import narcosim.scenario.Field;
import narcosim.scenario.Fields;
import narcosim.scenario.Param;
import narcosim.scenario.Params;
import narcosim.scenario.Specs;
import sim.util.Interval;
import sim.util.Propertied;
import sim.util.Properties;

/**
 * What the class may change while the model runs, for MASON's model inspector: the strategy's budget
 * shares (sliders) and doctrine switches (check boxes), plus a few read-only facts. Labels, ranges and
 * tooltips come from the scenario's field declarations ({@link Fields#SHARES}) and the parameter
 * registry ({@link Params}: the levers' labels and descriptions), through {@link #properties()}: a
 * teacher sees "Military share of budget", not a Java property name. Moving one share re-scales the
 * other three so the shares still add up to 1; from the baseline (every share 0) the first share raised
 * above 0 takes the whole budget (1), since there is nothing to share it with. The campaign re-buys its
 * forces and programmes with the new split ({@link Campaign#reshare}). Before the run starts (and before
 * the campaign's week 0) changes are kept and applied when the campaign deploys.
 */
public final class Controls implements Propertied {

    private final NarcoModel model;
    private Specs.Shares pendingShares;
    private Boolean pendingIntelligenceLed;
    private Boolean pendingPermissive;
    private Boolean pendingEradication;
    private Boolean pendingLeadershipTargeting;

    public Controls(NarcoModel model) {
        this.model = model;
    }

    /**
     * Applies changes made before the run started; called by the window after the model starts. The sliders and
     * switches act on the run's own strategy, not on an anchored burn-in's campaign (ODD 7.23).
     */
    void applyPending() {
        Campaign c = model.strategyCampaign();
        if (c == null) return;
        if (pendingShares != null) c.reshare(pendingShares);
        Doctrine d = c.doctrine();
        if (pendingIntelligenceLed != null) d.setIntelligenceLed(pendingIntelligenceLed);
        if (pendingPermissive != null) d.setPermissive(pendingPermissive);
        if (pendingEradication != null) d.setEradication(pendingEradication);
        if (pendingLeadershipTargeting != null) d.setLeadershipTargeting(pendingLeadershipTargeting);
        pendingShares = null;
        pendingIntelligenceLed = pendingPermissive = pendingEradication = pendingLeadershipTargeting = null;
    }

    private boolean running() {
        return model.strategyCampaign() != null;
    }

    // ------------------------------------------------------------------ facts

    public String getStrategy() {
        return model.config().strategy().name();
    }

    /** The week just completed, as everywhere in the window ({@link Week}): "campaign week 127". */
    public String getWeek() {
        return Week.label(model);
    }

    public double getBudgetMusdPerYear() {
        return model.config().scenario().budgetMusdPerYear();
    }

    // ------------------------------------------------------------------ budget shares

    private Specs.Shares shares() {
        if (pendingShares != null) return pendingShares;
        return running() ? model.strategyCampaign().shares() : model.config().strategy().shares();
    }

    private void setShares(int which, double value) {
        if (Double.isNaN(value) || value < 0 || value > 1) return;
        double[] s = {shares().military(), shares().police(), shares().development(), shares().partnership()};
        double others = 0;
        for (int i = 0; i < 4; i++) {
            if (i != which) others += s[i];
        }
        if (others == 0) {
            // From the baseline: the whole budget goes where the slider was moved (or stays unspent at 0).
            s[which] = value > 0 ? 1 : 0;
        } else {
            // The rest of the budget keeps its proportions.
            for (int i = 0; i < 4; i++) {
                if (i != which) s[i] = s[i] / others * (1 - value);
            }
            s[which] = value;
        }
        Specs.Shares next = new Specs.Shares(s[0], s[1], s[2], s[3]);
        if (running()) model.strategyCampaign().reshare(next);
        else pendingShares = next;
    }

    /** Share of the budget for military interdiction (boats, aircraft, ground units, surveillance). */
    public double getMilitaryShare() {
        return shares().military();
    }

    public void setMilitaryShare(double v) {
        setShares(0, v);
    }


    /** Share of the budget for civilian police units (investigation, arrests, searches). */
    public double getPoliceShare() {
        return shares().police();
    }

    public void setPoliceShare(double v) {
        setShares(1, v);
    }


    /** Share of the budget for development programmes (alternative livelihoods). */
    public double getDevelopmentShare() {
        return shares().development();
    }

    public void setDevelopmentShare(double v) {
        setShares(2, v);
    }


    /** Share of the budget for partnership (training, intelligence sharing, coordinated operations). */
    public double getPartnershipShare() {
        return shares().partnership();
    }

    public void setPartnershipShare(double v) {
        setShares(3, v);
    }


    // ------------------------------------------------------------------ doctrine switches

    private Doctrine doctrine() {
        return model.strategyCampaign().doctrine();
    }

    private boolean param(String key, String onValue) {
        Object v = model.config().params().text(key);
        return onValue.equals(v);
    }

    /** Military units follow intelligence (last month's seizures, busiest links) rather than fixed chokepoints. */
    public boolean getIntelligenceLed() {
        if (pendingIntelligenceLed != null) return pendingIntelligenceLed;
        return running() ? doctrine().intelligenceLed() : param("military.targeting", "intelligence");
    }

    public void setIntelligenceLed(boolean v) {
        if (running()) doctrine().setIntelligenceLed(v);
        else pendingIntelligenceLed = v;
    }

    /** Permissive rules of engagement: more interdictions, more harm to residents. */
    public boolean getPermissive() {
        if (pendingPermissive != null) return pendingPermissive;
        return running() ? doctrine().permissive() : param("military.rules_of_engagement", "permissive");
    }

    public void setPermissive(boolean v) {
        if (running()) doctrine().setPermissive(v);
        else pendingPermissive = v;
    }

    /** Forced eradication of coca (only does anything if the campaign bought eradication teams). */
    public boolean getEradication() {
        if (pendingEradication != null) return pendingEradication;
        return running() ? doctrine().eradication() : model.config().params().bool("eradication.enabled");
    }

    public void setEradication(boolean v) {
        if (running()) doctrine().setEradication(v);
        else pendingEradication = v;
    }

    /** Police go after cartel leaders ("kingpin strategy") rather than whoever they can arrest. */
    public boolean getLeadershipTargeting() {
        if (pendingLeadershipTargeting != null) return pendingLeadershipTargeting;
        return running() ? doctrine().leadershipTargeting() : model.config().params().bool("police.leadership_targeting");
    }

    public void setLeadershipTargeting(boolean v) {
        if (running()) doctrine().setLeadershipTargeting(v);
        else pendingLeadershipTargeting = v;
    }

    // ------------------------------------------------------------------ what the inspector shows

    /** One control: label, tooltip, type, how to read and (if it can be changed) set it, and its range. */
    record Control(String label, String description, Class<?> type, Supplier<Object> get, Consumer<Object> set,
                   Object domain) {
    }

    /** The controls in the order the inspector lists them: facts, the budget shares, the doctrine switches. */
    List<Control> controls() {
        List<Control> c = new ArrayList<>();
        c.add(new Control("Strategy", "The strategy this run started with (its budget split and doctrine)",
                String.class, this::getStrategy, null, null));
        c.add(new Control("Week", "The campaign week just completed, numbered as on the charts and in timeseries.csv: "
                + "0 is the campaign's first week, negative weeks are the burn-in (the model settling before it)",
                String.class, this::getWeek, null, null));
        c.add(new Control("Budget (US$ million a year)", "The campaign's yearly budget, shared among the four shares",
                double.class, this::getBudgetMusdPerYear, null, null));
        Supplier<?>[] gets = {this::getMilitaryShare, this::getPoliceShare, this::getDevelopmentShare,
            this::getPartnershipShare};
        for (int i = 0; i < Fields.SHARES.size(); i++) {
            Field<Specs.Shares> f = Fields.SHARES.get(i);
            int which = i;
            c.add(new Control(f.label(), f.description() + ". Moving it re-scales the other shares so they still add "
                    + "up to 1.", double.class, gets[i]::get, v -> setShares(which, ((Number) v).doubleValue()),
                    new Interval(f.min(), f.max())));
        }
        c.add(lever("military.targeting", this::getIntelligenceLed, this::setIntelligenceLed));
        c.add(lever("military.rules_of_engagement", this::getPermissive, this::setPermissive));
        c.add(lever("eradication.enabled", this::getEradication, this::setEradication));
        c.add(lever("police.leadership_targeting", this::getLeadershipTargeting, this::setLeadershipTargeting));
        return c;
    }

    /** A doctrine switch: a lever of the registry, shown as a check box under its label. */
    private static Control lever(String key, Supplier<Boolean> get, Consumer<Boolean> set) {
        Param p = Params.get(key);
        return new Control(p.label(), p.description(), boolean.class, get::get, v -> set.accept((Boolean) v), null);
    }

    @Override
    public Properties properties() {
        List<Control> list = controls();
        return new Properties() {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean isVolatile() {
                return false;
            }

            @Override
            public int numProperties() {
                return list.size();
            }

            @Override
            public Object getValue(int index) {
                return list.get(index).get().get();
            }

            @Override
            public boolean isReadWrite(int index) {
                return list.get(index).set() != null;
            }

            @Override
            public String getName(int index) {
                return list.get(index).label();
            }

            @Override
            public String getDescription(int index) {
                return list.get(index).description();
            }

            @Override
            public Object getDomain(int index) {
                return list.get(index).domain();
            }

            @Override
            @SuppressWarnings("rawtypes")
            public Class getType(int index) {
                return list.get(index).type();
            }

            @Override
            protected Object _setValue(int index, Object value) {
                if (!isReadWrite(index)) return getValue(index);
                list.get(index).set().accept(value);
                return getValue(index);
            }
        };
    }
}
