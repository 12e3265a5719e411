package narcosim.agents;

import narcosim.scenario.ParamValues;

/** The residents' parameters, read once per run so the weekly loop reads plain fields. */
public record ResidentRules(double peoplePerAgent, double epsteinK, double threshold, double quitMargin,
                            double decisionRate, double trustMean, double trustSpread, double fearInitial,
                            double positiveStep, double negativeStep, double eventReachAgents, double harmReachAgents,
                            double fearStep,
                            double fearDecay, double witnessRate, double normSalienceInitial, double normSalienceRate,
                            double traffickingWage, double cocaIncomeRatio, double incomeSpread, int sentenceWeeks,
                            double kgPerSmuggler, double backgroundOfficersPer10k, double officersPerUnit,
                            double presenceContact, double violenceTrustWeight,
                            double stateContact, double harmGrievance, double throughputSmoothing,
                            double handlingShortageCap, double activitySmugglerWeight, double activityHalfKg,
                            double reportDriveWeight, double driveTrustWeight, double salienceObservedWeight,
                            double signalWithoutPolice, double wageArrestWeight, double wageFearWeight) {

    public static ResidentRules of(ParamValues p) {
        double pos = p.real("residents.positive_step");
        return new ResidentRules(p.real("residents.people_per_agent"), p.real("residents.epstein_k"),
                p.real("residents.threshold"), p.real("residents.quit_margin"), p.real("residents.decision_rate"),
                p.real("residents.trust_mean"), p.real("residents.trust_spread"), p.real("residents.fear_initial"),
                pos, Math.min(1.0, pos * p.real("residents.negativity_ratio")), p.real("residents.event_reach_agents"),
                p.real("residents.harm_reach_agents"),
                p.real("residents.fear_step"), p.real("residents.fear_decay"), p.real("residents.witness_rate"),
                p.real("residents.norm_salience_initial"), p.real("residents.norm_salience_rate"),
                p.real("residents.trafficking_wage_usd_week"), p.real("residents.coca_income_ratio"),
                p.real("residents.income_spread"), p.integer("residents.sentence_weeks"),
                p.real("cartel.kg_per_smuggler_week"), p.real("police.background_officers_per_10k"),
                p.real("police.officers_per_unit"), p.real("police.presence_contact"),
                p.real("violence.trust_effect"),
                p.real("residents.state_contact"), p.real("residents.harm_grievance"),
                p.real("residents.throughput_smoothing"), p.real("residents.handling_shortage_cap"),
                p.real("residents.activity_smuggler_weight"), p.real("residents.activity_half_kg"),
                p.real("residents.report_drive_weight"), p.real("residents.drive_trust_weight"),
                p.real("residents.salience_observed_weight"), p.real("residents.signal_without_police"),
                p.real("residents.wage_arrest_weight"), p.real("residents.wage_fear_weight"));
    }
}
