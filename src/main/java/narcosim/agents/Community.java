package narcosim.agents;

import ec.util.MersenneTwisterFast;
import narcosim.metrics.Event;
import narcosim.model.NarcoModel;
import narcosim.world.Place;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The residents of one place. Each resident is an individual agent with its own trust in the state,
 * fear of cartels, risk aversion, legal income, occupation and prison term; they are stored column by
 * column (one array per attribute) so that a million of them fit in well under 200 MB and a week's
 * update runs through memory in order. The community steps them all once a week, in a random
 * rotation, and turns the week's events at the place (harm, violence, corruption seen, police,
 * development) into contacts that move their trust.
 */
public final class Community implements Steppable {

    private static final long serialVersionUID = 1L;

    /** What a resident does for a living. */
    public enum Occupation { LEGAL, GROWER, SMUGGLER, JAILED }

    private static final long MASK21 = (1L << 21) - 1;
    private static final float INV21 = 1f / (1L << 21);

    private static final byte LEGAL = 0;
    private static final byte GROWER = 1;
    private static final byte SMUGGLER = 2;
    private static final byte JAILED = 3;

    public final Place place;
    private final ResidentRules rules;
    private final int n;
    private final float[] trust;
    private final float[] fear;
    private final float[] risk;
    private final float[] income;
    /** Individual susceptibility: how hard the resident feels its situation, U(0,1) (Epstein's H). */
    private final float[] hardship;
    private final byte[] occupation;
    private final short[] prison;
    private final double backgroundOfficers;
    private final boolean grows;

    private int smugglers;
    private int growers;
    private int jailed;
    private double normSalience;
    private double throughputEma;
    /** Smoothed kg the crews here handle: arrivals, and departures from where shipments started (ODD 7.7). */
    private double crewTrafficEma;
    private double sumTrust;
    private double sumFear;
    /** Crews' risk compensation as a share of the wage, from last week's arrest risk and fear (ODD 7.18). */
    private double riskPay;

    // Inputs gathered during the week, consumed by step().
    private int harmEvents;
    private int violenceEvents;
    private int corruptionEvents;
    private int punishedEvents;
    private double eradicatedHa;
    private int pendingArrests;
    private int honestUnits;
    private int programmes;
    private double developmentGain;
    private double developmentContact;

    // Last week's results.
    private int recruitsLastWeek;
    private int tipsLastWeek;
    private int arrestsLastWeek;

    public Community(Place place, int agents, ResidentRules rules, MersenneTwisterFast random) {
        this.place = place;
        this.rules = rules;
        this.n = agents;
        this.trust = new float[agents];
        this.fear = new float[agents];
        this.risk = new float[agents];
        this.income = new float[agents];
        this.hardship = new float[agents];
        this.occupation = new byte[agents];
        this.prison = new short[agents];
        this.grows = place.isProduction();
        this.backgroundOfficers = rules.backgroundOfficersPer10k() * place.spec.population() / 1e4;
        this.normSalience = rules.normSalienceInitial();
        double legal = place.nation.spec.legalIncomeUsdWeek();
        for (int i = 0; i < agents; i++) {
            trust[i] = (float) clamp01(rules.trustMean() + rules.trustSpread() * (2 * random.nextDouble() - 1));
            fear[i] = (float) clamp01(rules.fearInitial() * 2 * random.nextDouble());
            risk[i] = (float) random.nextDouble(); // Epstein 2002: R ~ U(0,1)
            income[i] = (float) (legal * (1 + rules.incomeSpread() * (2 * random.nextDouble() - 1)));
            hardship[i] = (float) random.nextDouble();
        }
        if (grows) {
            double coca = cocaIncome(1.0);
            for (int i = 0; i < agents; i++) {
                if (netGrowingMotive(i, coca, 1.0, 0.0) > rules.threshold()) {
                    occupation[i] = GROWER;
                    growers++;
                }
            }
        }
        recountTrust();
    }

    // ------------------------------------------------------------------ week

    @Override
    public void step(SimState state) {
        NarcoModel model = (NarcoModel) state;
        MersenneTwisterFast random = model.random;
        double smoothing = rules.throughputSmoothing();
        throughputEma = (1 - smoothing) * throughputEma + smoothing * place.throughputLastWeekKg();
        crewTrafficEma = (1 - smoothing) * crewTrafficEma + smoothing * place.crewTrafficLastWeekKg();

        double reach = Math.min(1.0, rules.eventReachAgents() / n);
        double harmReach = Math.min(1.0, rules.harmReachAgents() / n);
        double otherEvents = corruptionEvents + rules.violenceTrustWeight() * violenceEvents;
        float pHarm = (float) (1 - Math.pow(1 - harmReach, harmEvents));
        float pNeg = pHarm + (1 - pHarm) * (float) (1 - Math.pow(1 - reach, otherEvents));
        float grievance = (float) rules.harmGrievance();
        // Punishment seen reaches residents as an event does (reach per event), a positive contact (assumption).
        double pPunished = 1 - Math.pow(1 - reach, punishedEvents);
        float pPos = (float) Math.min(1.0, rules.stateContact() + rules.presenceContact() * honestUnits
                + developmentContact + pPunished);
        double pViolence = 1 - Math.pow(1 - reach, violenceEvents);
        float negStep = (float) rules.negativeStep();
        float posStep = (float) rules.positiveStep();
        float fearKeep = (float) (1 - rules.fearDecay());
        float fearGain = (float) (rules.fearStep() * pViolence);
        double area = Math.max(1e-9, place.cocaHa());
        float pEradicated = grows ? (float) Math.min(1.0, eradicatedHa / area) : 0f;
        double eradicationRisk = grows ? Math.min(1.0, place.eradicatedRecentHa() / area) : 0;

        // Epstein 2002: P = 1 - exp(-k C/A), C officers in the place, A active traffickers (people).
        double officers = backgroundOfficers + honestUnits * rules.officersPerUnit();
        double active = Math.max(1.0, smugglers * rules.peoplePerAgent());
        float arrestRisk = (float) (1 - Math.exp(-rules.epsteinK() * officers / active));
        float pArrest = smugglers > 0 ? Math.min(1f, (float) pendingArrests / smugglers) : 0f;

        // Crews are paid for the risks they bear (Reuter & Kleiman 1986; Reuter, MacCoun & Murphy 1990):
        // w = w0 (1 + a_P P_arrest + a_F fear), P_arrest Epstein's arrest risk here, fear the residents' mean.
        riskPay = rules.wageArrestWeight() * arrestRisk + rules.wageFearWeight() * (sumFear / n);
        int demand = smugglerDemand();
        // The wage on offer follows the traffic's need for crews: it falls when more residents smuggle than the traffic
        // needs, and a shortage bids it up as it does the cartels' handling cost, to at most c_h times (ODD 7.7, 7.18;
        // issue 13: arrests and a thin recruit pool raise the wage; Kleiman 1997: vacancies draw replacements).
        float wage = (float) (rules.traffickingWage() * (1 + riskPay)
                * Math.min(rules.handlingShortageCap(), demand / (smugglers + 1.0)));
        // Growers' income follows the farm-gate factor they expect (ODD 7.6).
        float coca = (float) cocaIncome(model.expectedSourceFactor(place));
        float devMult = (float) (1 + developmentGain);

        double activity = Math.min(1.0, rules.activitySmugglerWeight() * smugglers / n
                + throughputEma / (throughputEma + rules.activityHalfKg()));
        float pWitness = (float) Math.min(1.0, rules.witnessRate() * activity);
        float salience = (float) normSalience;
        float threshold = (float) rules.threshold();
        float quit = (float) (rules.threshold() - rules.quitMargin());
        float decide = (float) rules.decisionRate();
        float driveTrust = (float) rules.driveTrustWeight();
        float driveCalm = (float) (1 - rules.driveTrustWeight());
        float reportDrive = (float) rules.reportDriveWeight();
        float reportNorm = (float) (1 - rules.reportDriveWeight());

        int recruits = 0;
        int arrests = 0;
        int witnesses = 0;
        int reports = 0;
        double trustSum = 0;
        double fearSum = 0;
        int start = random.nextInt(n);
        for (int k = 0; k < n; k++) {
            int i = start + k;
            if (i >= n) i -= n;
            byte occ = occupation[i];
            float l = trust[i];
            float f = fear[i] * fearKeep;
            f += fearGain * (1 - f);
            fear[i] = f;
            if (occ == JAILED) {
                if (--prison[i] <= 0) {
                    occupation[i] = LEGAL;
                    jailed--;
                }
                trustSum += l;
                fearSum += f;
                continue;
            }
            // Three uniforms from one 64-bit draw (21 bits each): contact, decision, witnessing.
            long bits = random.nextLong();
            float u = (bits & MASK21) * INV21;
            float uDecide = ((bits >>> 21) & MASK21) * INV21;
            float uWitness = ((bits >>> 42) & MASK21) * INV21;
            // Contacts with the state: negative ones move trust more (Oliveira et al. 2020).
            if (u < pNeg) {
                l -= negStep * l;
                // Harm by the state's own forces also deepens grievance (Bennett 2008).
                if (u < pHarm) hardship[i] += grievance * (1 - hardship[i]);
            } else if (u < pNeg + pPos) {
                l += posStep * (1 - l);
            }
            if (occ == GROWER && pEradicated > 0 && random.nextFloat() < pEradicated) {
                l -= negStep * l;
            }
            trust[i] = l;
            trustSum += l;
            fearSum += f;
            if (occ == SMUGGLER && pArrest > 0 && random.nextFloat() < pArrest) {
                occupation[i] = JAILED;
                prison[i] = (short) rules.sentenceWeeks();
                smugglers--;
                jailed++;
                arrests++;
                continue;
            }
            if (uDecide < decide) {
                float y = income[i] * devMult;
                float netRisk = risk[i] * arrestRisk;
                // Epstein 2002: grievance G = H (1 - L); act if G - N > T.
                float h = hardship[i];
                float motive = h * premium(wage, y) * (1 - l) - netRisk;
                if (occ == SMUGGLER) {
                    if (motive < quit) {
                        occupation[i] = LEGAL;
                        smugglers--;
                    }
                } else if (motive > threshold) {
                    if (occ == GROWER) growers--;
                    occupation[i] = SMUGGLER;
                    smugglers++;
                    recruits++;
                    continue;
                } else if (grows) {
                    float grow = h * premium(coca, y) * (1 - l) - risk[i] * (float) eradicationRisk;
                    if (occ == LEGAL && grow > threshold) {
                        occupation[i] = GROWER;
                        growers++;
                    } else if (occ == GROWER && grow < quit) {
                        occupation[i] = LEGAL;
                        growers--;
                    }
                }
            }
            if (occupation[i] != SMUGGLER && uWitness < pWitness) {
                witnesses++;
                // GLODERS: P(report) = (w IG + (1 - w) S)^2, w = 0.2; IG from trust and (1 - fear).
                float ig = driveTrust * l + driveCalm * (1 - f);
                float pr = reportDrive * ig + reportNorm * salience;
                if (random.nextFloat() < pr * pr) reports++;
            }
        }
        sumTrust = trustSum;
        sumFear = fearSum;

        // Norm salience follows the reporting residents see and the state's normative signal (GLODERS).
        double statesSignal = (sumTrust / n) * (honestUnits > 0 ? 1.0 : rules.signalWithoutPolice());
        double observed = witnesses > 0 ? (double) reports / witnesses : normSalience;
        double seen = rules.salienceObservedWeight();
        normSalience += rules.normSalienceRate() * (seen * observed + (1 - seen) * statesSignal - normSalience);

        recruitsLastWeek = recruits;
        tipsLastWeek = reports;
        arrestsLastWeek = arrests;
        if (recruits > 0) model.events().emit(new Event.Recruited(place.index, recruits));
        if (arrests > 0) model.events().emit(new Event.Arrested(place.index, Event.ArrestKind.SMUGGLER, arrests));
        if (reports > 0) model.events().emit(new Event.Tips(place.index, reports));

        harmEvents = 0;
        violenceEvents = 0;
        corruptionEvents = 0;
        punishedEvents = 0;
        eradicatedHa = 0;
        pendingArrests = 0;
    }

    /**
     * For {@code narcosim bench} only: a bare loop over the columns {@link #step} touches for every resident
     * every week (occupation read; trust and fear read and written), once per resident, without the update's
     * random draw, branches or decisions: the floor its rate is compared with. The columns only some residents
     * read (hardship, income and risk for the quarter who decide, prison terms for the jailed) are left out.
     * With {@code keep = 1} and {@code gain = 0} it writes back exactly what it read, so the state is unchanged;
     * the sum it returns is for the caller to consume, so that the JIT cannot drop the loop.
     */
    public double bareSweep(float keep, float gain) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            byte occ = occupation[i];
            float f = fear[i] * keep;
            f += gain * (1 - f);
            fear[i] = f;
            float l = trust[i];
            l += gain * (1 - l);
            trust[i] = l;
            sum += l + f + occ;
        }
        return sum;
    }

    /** Relative gain of an illegal income over the legal one, in [0,1]. */
    private static float premium(float pay, float legal) {
        if (pay <= 0) return 0;
        float h = (pay - legal) / pay;
        return h < 0 ? 0 : (h > 1 ? 1 : h);
    }

    private double cocaIncome(double priceFactor) {
        return rules.cocaIncomeRatio() * place.nation.spec.legalIncomeUsdWeek() * priceFactor;
    }

    private float netGrowingMotive(int i, double coca, double devMult, double eradicationRisk) {
        return hardship[i] * premium((float) coca, (float) (income[i] * devMult)) * (1 - trust[i])
                - risk[i] * (float) eradicationRisk;
    }

    private void recountTrust() {
        double t = 0;
        double f = 0;
        for (int i = 0; i < n; i++) {
            t += trust[i];
            f += fear[i];
        }
        sumTrust = t;
        sumFear = f;
    }

    private static double clamp01(double v) {
        return v < 0 ? 0 : (v > 1 ? 1 : v);
    }

    // ------------------------------------------------------------------ inputs during the week

    public void noteHarm() {
        harmEvents++;
    }

    public void noteViolence() {
        violenceEvents++;
    }

    public void noteCorruptionSeen() {
        corruptionEvents++;
    }

    /** Residents saw a corrupt unit here punished: the state keeps its own in check (ODD 7.10, 7.19). */
    public void notePunishmentSeen() {
        punishedEvents++;
    }

    public void noteEradicated(double ha) {
        eradicatedHa += ha;
    }

    /** Police (or a hand-over from the military) will arrest this many smugglers this week, if there are any. */
    public void requestArrests(int count) {
        pendingArrests += count;
    }

    public void setHonestUnits(int units) {
        honestUnits = units;
    }

    /**
     * The community's development programmes this week: how many run here, the relative rise of legal
     * income they deliver and the weekly chance of a positive contact their services (and consultation,
     * if any) give a resident (ODD 7.11).
     */
    public void setDevelopment(int programmeCount, double incomeGain, double contactChance) {
        programmes = programmeCount;
        developmentGain = incomeGain;
        developmentContact = contactChance;
    }

    // ------------------------------------------------------------------ reading

    public int agents() {
        return n;
    }

    public int smugglers() {
        return smugglers;
    }

    public int growers() {
        return growers;
    }

    public int jailed() {
        return jailed;
    }

    public double sumTrust() {
        return sumTrust;
    }

    public double meanTrust() {
        return sumTrust / n;
    }

    public double meanFear() {
        return sumFear / n;
    }

    public double normSalience() {
        return normSalience;
    }

    public int programmes() {
        return programmes;
    }

    public double developmentGain() {
        return developmentGain;
    }

    /** Weekly chance of a positive contact from the programmes here (services in use, consultation). */
    public double developmentContact() {
        return developmentContact;
    }

    public int recruitsLastWeek() {
        return recruitsLastWeek;
    }

    public int tipsLastWeek() {
        return tipsLastWeek;
    }

    public int arrestsLastWeek() {
        return arrestsLastWeek;
    }

    /**
     * Smugglers the traffic through this place calls for: its smoothed throughput (arrivals, and departures from
     * where shipments start) plus the kg waiting here (shipments, and cartels' stock held for lack of crews), over the kg one smuggler moves in a week (ODD 7.7).
     */
    public int smugglerDemand() {
        // D = ceil((T + W) / k): assumption, crews are wanted to clear what waits within a week.
        // W counts the shipments waiting here and the cartels' stock held here for lack of crews (ODD 7.7).
        return (int) Math.ceil((crewTrafficEma + place.presentKg() + place.heldKg()) / rules.kgPerSmuggler());
    }

    /** Kg the smugglers living here can move out in a week: S x k (cartel.kg_per_smuggler_week, ODD 7.7). */
    public double crewCapacityKg() {
        return smugglers * rules.kgPerSmuggler();
    }

    /**
     * Cost per kg of moving drugs through this place: crews' wages and their risk compensation
     * ({@link #wageCostUsdKg()} + {@link #riskCostUsdKg()}).
     */
    public double handlingCostUsdKg() {
        return wageCostUsdKg() * (1 + riskPay);
    }

    /**
     * Crews' base wages per kg: w0 x people per agent / kg per agent, higher where residents will not join
     * (up to residents.handling_shortage_cap times when nobody does).
     */
    public double wageCostUsdKg() {
        double shortage = Math.min(rules.handlingShortageCap(),
                Math.max(1.0, (double) smugglerDemand() / Math.max(1, smugglers)));
        return rules.traffickingWage() * rules.peoplePerAgent() / rules.kgPerSmuggler() * shortage;
    }

    /** Crews' compensation for the risks of arrest and violence here, per kg: the base wages x riskPay. */
    public double riskCostUsdKg() {
        return wageCostUsdKg() * riskPay;
    }


    public Occupation occupation(int i) {
        return Occupation.values()[occupation[i]];
    }

    public float trust(int i) {
        return trust[i];
    }

    public float fear(int i) {
        return fear[i];
    }
}
