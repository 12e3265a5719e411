package narcosim.policy;

import narcosim.scenario.ParamValues;

/**
 * The doctrine switches of a strategy (targeting, rules of engagement, eradication, leadership
 * targeting, vetting, a focus region), read once from the run's parameters. The first four can be
 * changed while a run goes on (the classroom window's check boxes); what a switch does is up to the
 * part of the campaign that reads it.
 */
public final class Doctrine {

    private boolean intelligenceLed;
    private boolean permissive;
    private boolean eradication;
    private boolean leadershipTargeting;
    private final boolean vetting;
    private final String focusRegion;

    public Doctrine(ParamValues p) {
        this.intelligenceLed = p.text("military.targeting").equals("intelligence");
        this.permissive = p.text("military.rules_of_engagement").equals("permissive");
        this.eradication = p.bool("eradication.enabled");
        this.leadershipTargeting = p.bool("police.leadership_targeting");
        this.vetting = p.bool("police.vetting");
        this.focusRegion = p.text("military.focus_region");
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
