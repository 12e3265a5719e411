package narcosim.policy;

import narcosim.agents.MilitaryUnit;
import narcosim.scenario.ParamValues;

/**
 * The doctrine switches of a strategy (targeting, rules of engagement, eradication, leadership
 * targeting, vetting) and the force parameters read from the run's parameters. The switches can be
 * changed while a run goes on (the classroom window's check boxes).
 */
public final class Doctrine {

    private final ParamValues params;
    private boolean intelligenceLed;
    private boolean permissive;
    private boolean eradication;
    private boolean leadershipTargeting;
    private final boolean vetting;
    private final String focusRegion;
    private final double[] detect;
    private final double interdict;
    private final double bonus;
    private final double collateralStrict;
    private final double collateralPermissive;

    public Doctrine(ParamValues p) {
        this.params = p;
        this.intelligenceLed = p.text("military.targeting").equals("intelligence");
        this.permissive = p.text("military.rules_of_engagement").equals("permissive");
        this.eradication = p.bool("eradication.enabled");
        this.leadershipTargeting = p.bool("police.leadership_targeting");
        this.vetting = p.bool("police.vetting");
        this.focusRegion = p.text("military.focus_region");
        this.detect = new double[] {p.real("military.detect_boat"), p.real("military.detect_aircraft"),
            p.real("military.detect_ground"), 0};
        this.interdict = p.real("military.interdict_prob");
        this.bonus = p.real("military.permissive_bonus");
        this.collateralStrict = p.real("military.collateral_strict");
        this.collateralPermissive = p.real("military.collateral_permissive");
    }

    public ParamValues params() {
        return params;
    }

    public double detect(MilitaryUnit.Type t) {
        return detect[t.ordinal()];
    }

    public double interdictProb() {
        return interdict * (permissive ? 1 + bonus : 1);
    }

    public double collateral() {
        return permissive ? collateralPermissive : collateralStrict;
    }

    public double intelBoost() {
        return params.real("partnership.intel_detection_boost");
    }

    public double intelShare() {
        return params.real("partnership.intel_share");
    }

    public double intelUpdate() {
        return params.real("military.intel_update");
    }

    public double intelPercentile() {
        return params.real("military.intel_percentile");
    }

    public int reassignWeeks() {
        return params.integer("military.reassign_weeks");
    }

    public boolean coordinatedOperations() {
        return params.bool("partnership.coordinated_operations");
    }

    public boolean intelligenceLed() {
        return intelligenceLed;
    }

    public void setIntelligenceLed(boolean v) {
        intelligenceLed = v;
    }

    public boolean permissive() {
        return permissive;
    }

    public void setPermissive(boolean v) {
        permissive = v;
    }

    /** Whether eradication teams work this week (what they can do was bought at deployment). */
    public boolean eradication() {
        return eradication;
    }

    public void setEradication(boolean v) {
        eradication = v;
    }

    public boolean leadershipTargeting() {
        return leadershipTargeting;
    }

    public void setLeadershipTargeting(boolean v) {
        leadershipTargeting = v;
    }

    /** Region the static doctrine concentrates on, or "none". */
    public String focusRegion() {
        return focusRegion;
    }

    public boolean vetting() {
        return vetting;
    }
}
