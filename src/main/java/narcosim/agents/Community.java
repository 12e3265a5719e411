package narcosim.agents;

import ec.util.MersenneTwisterFast;
import narcosim.metrics.Event;
import narcosim.model.NarcoModel;
import narcosim.world.Place;
import sim.engine.SimState;
import sim.engine.Steppable;
import sim.util.distribution.Binomial;

/**
 * The residents of one place. Each resident is an individual agent with its own trust in the state,
 * fear of cartels, risk aversion, legal income, occupation and prison term; they are stored column by
 * column (one array per attribute) so that a million of them fit in well under 200 MB and a week's
 * update runs through memory in order. Once a week the community turns the week's events at the place
 * (harm, violence, corruption seen, police, development) into contacts that move its residents' trust,
 * and its residents reconsider their occupation, witness trafficking, and are arrested or released.
 *
 * <p><b>Cost in proportion to the events, not the residents (issue 16).</b> A week's step touches only the
 * residents something happens to:
 * <ul>
 * <li>Each event is a Bernoulli trial per resident with a chance that is the same for every resident of
 * the community in the week (it is computed before any resident is updated, from last week's state and
 * this week's inputs): a contact with the state (pNeg + pPos, split into negative, harm and positive
 * given that there is one), a decision (decision rate), witnessing (pWitness), eradication (for growers)
 * and arrest (for smugglers). The trials are independent across residents and across kinds of event, as
 * they were when each resident drew its own uniforms. So the residents at whom an event of chance p
 * happens can be found by geometric skipping: the next one after resident i is i + 1 + G, with
 * G ~ Geometric(p) the number of misses before a hit, one stream per kind of event; this yields exactly
 * the same joint distribution of who has which events (a Bernoulli process's gaps are i.i.d. geometric),
 * while costing one draw per event instead of one per resident. The gaps are drawn by {@link GeometricGaps}
 * (a table of the distribution function for frequent events, exact to 2^-32; a logarithm for rare ones). The
 * decisions, whose chance is a constant of the run, are drawn instead as 64 residents' trials at a time by
 * {@link BernoulliBits} (each lane a bitwise comparison of a uniform with the chance: exact to 2^-33, independent
 * lanes, two 64-bit draws per 64 residents at the default rate of 1/4 against one draw per decider): the same law,
 * fewer draws.</li>
 * <li>The kinds of event are applied in separate passes, in the order of operations of the per-resident update
 * (contact, eradication, arrest, decision, witnessing; fear first, for everyone). Residents do not interact
 * within the week's update (each reads only its own columns and the week's chances, fixed before the passes),
 * so a resident ends the week as one pass over its events in that order would leave it; neither the order of
 * residents nor a random starting point matters (the per-resident loop's random rotation was dropped). Events
 * drawn for a jailed resident are ignored (a resident arrested in this week's pass neither decides nor
 * witnesses, as before), as are eradication for a non-grower and arrest for a non-smuggler; that keeps every
 * other resident's trials exact. (The per-resident draw had cut one 64-bit number into three 21-bit
 * uniforms, so its chances were rounded to multiples of 2^-21; the streams are exact to 2^-32.)</li>
 * <li>A decision changes nothing for a legal resident whose motives cannot pass the threshold: a premium is
 * at most the premium over the community's lowest legal income (incomes are fixed), so if h premiumBound (1 - l)
 * is at most T the resident is skipped without reading its income and risk (an exact bound, float rounding being
 * monotone).</li>
 * <li>Witnessing is drawn by thinning. A witness reports with chance q_i = pr_i^2, at most qMax = (w + (1 - w) S)^2
 * (as trust and 1 - fear are at most 1). Report candidates are a stream of chance pWitness qMax; a candidate who
 * can witness (neither jailed nor smuggling after the decisions) reports with chance q_i / qMax and witnesses
 * either way. Every other resident who can witness does so without reporting with chance
 * r = pWitness (1 - qMax) / (1 - pWitness qMax), independently: then P(report) = pWitness q_i and
 * P(witness, no report) = pWitness (qMax - q_i) + (1 - pWitness qMax) r = pWitness (1 - q_i), each resident's
 * law as before. Those residents are only counted, Binomial(eligible - candidates, r) (BTPE, or gap by gap when
 * few), without visiting them: a quarter of the residents witness in a week, only a few percent are visited.</li>
 * <li>Fear follows the same affine map for every resident every week, f' = f keep (1 - gain) + gain:
 * it is kept as a transform of the stored (raw) fear, fear = A raw + B, composed in O(1) a week; the
 * sum of fear is A sum(raw) + B n; the transform is applied to every resident (and reset) only when A
 * falls below 1e-6, which is rare (O(n) about once every few hundred weeks).</li>
 * <li>The trust sum is kept incrementally (each change adds its difference) and recounted exactly once
 * a year, so that rounding cannot drift.</li>
 * <li>All sentences are equally long, so the jailed leave in the order they were arrested: a queue of
 * release weeks costs O(released) a week instead of a countdown for every prisoner.</li>
 * </ul>
 */
public final class Community implements Steppable {

    private static final long serialVersionUID = 1L;

    /** What a resident does for a living. */
    public enum Occupation { LEGAL, GROWER, SMUGGLER, JAILED }

    /** Fear's lazy affine transform is applied to every resident when its slope falls below this. */
    private static final double FEAR_RENORMALISE_BELOW = 1e-6;
    static final int CONTACT = 0;
    static final int DECISION = 1;
    static final int WITNESS = 2;
    static final int ERADICATION = 3;
    static final int ARREST = 4;

    /** Weeks between exact recounts of the trust sum kept incrementally (bounds rounding drift). */
    private static final int RECOUNT_WEEKS = 52;

    private static final byte LEGAL = 0;
    private static final byte GROWER = 1;
    private static final byte SMUGGLER = 2;
    private static final byte JAILED = 3;

    public final Place place;
    private final ResidentRules rules;
    private final int n;
    private final float[] trust;
    private final float[] risk;
    private final float[] income;
    /** Individual susceptibility: how hard the resident feels its situation, U(0,1) (Epstein's H). */
    private final float[] hardship;
    private final byte[] occupation;
    /**
     * Raw fear: a resident's fear is {@code fearA * fear[i] + fearB} (every resident's fear follows the same
     * affine map each week, composed here in O(1); see {@link #composeFear}).
     */
    private final float[] fear;
    private double fearA = 1;
    private double fearB = 0;
    private double sumRawFear;
    /** The jailed, in order of arrest (a ring buffer), and the week each is released: all sentences are equal. */
    private final int[] jailQueue;
    private final int[] jailRelease;
    private int jailHead;
    /** The gaps between the residents with each kind of event (see {@link GeometricGaps}). */
    private final GeometricGaps contactGaps = new GeometricGaps();
    /** The occupation decisions, whose chance is a constant of the run: 64 residents' trials at a time. */
    private final BernoulliBits decideBits = new BernoulliBits();
    private final GeometricGaps candidateGaps = new GeometricGaps();
    private final GeometricGaps quietWitnessGaps = new GeometricGaps();
    private final GeometricGaps eradicationGaps = new GeometricGaps();
    private final GeometricGaps arrestGaps = new GeometricGaps();
    /** Binomial counts (BTPE) on the model's generator; made on first use (see {@link GeometricGaps#hits}). */
    private transient Binomial binomial;
    private transient MersenneTwisterFast binomialRandom;
    /** The lowest legal income of a resident (incomes do not change): bounds the premium of illegal work. */
    private final float minIncome;
    /** Weeks this community has stepped. */
    private int week;
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
    /**
     * Last week's trials and hits of each kind of event, and its chance ({@link #CONTACT} ... {@link #ARREST}): the
     * trials are the residents it could happen to at the week's start (all but the jailed; growers for eradication;
     * smugglers for arrest), for tests that check the hits against their binomial law.
     */
    private final int[] trialsLastWeek = new int[5];
    private final int[] hitsLastWeek = new int[5];
    private final double[] chanceLastWeek = new double[5];
    private int releasesLastWeek;
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
        this.jailQueue = new int[agents];
        this.jailRelease = new int[agents];
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
        float low = Float.MAX_VALUE;
        for (int i = 0; i < agents; i++) low = Math.min(low, income[i]);
        this.minIncome = low;
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
        // No resident's premium exceeds the premium over the lowest legal income (it falls as income rises), so a
        // legal resident with h premiumBound (1 - l) <= T has motives h premium (1 - l) - risk <= T for smuggling
        // and for growing (float rounding is monotone, risk terms >= 0): its decision changes nothing, and its
        // income, risk and premium need not be read.
        float yLow = minIncome * devMult;
        float premiumBound = devMult < 0 ? 1f // (never: development raises income; the bound needs the order kept)
                : grows ? Math.max(premium(wage, yLow), premium(coca, yLow)) : premium(wage, yLow);

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

        // Fear decays for everyone, deterministically: f' = f keep (1 - gain) + gain, an affine map kept lazily.
        composeFear(fearKeep * (1 - fearGain), fearGain);
        double fa = fearA;
        double fb = fearB;

        // The week's events, each an independent Bernoulli trial per resident, realised by geometric skipping
        // (one stream per kind of event), one pass per kind: see the class comment.
        double pContact = Math.min(1.0, (double) pNeg + pPos);
        // Witnessing is drawn in two parts (class comment): report candidates, visited, at pWitness x qMax, where
        // qMax bounds every witness's chance to report; the other witnesses are only counted, at the end.
        double prMax = Math.min(1.0, (reportDrive * ((double) driveTrust + driveCalm) + reportNorm * (double) salience)
                * (1 + 1e-6));
        double qMax = prMax * prMax;
        double pCandidate = pWitness * qMax;
        contactGaps.set(pContact);
        decideBits.set(decide);
        candidateGaps.set(pCandidate);
        eradicationGaps.set(grows ? pEradicated : 0);
        arrestGaps.set(pArrest);

        int free = n - jailed;
        trialsLastWeek[CONTACT] = free;
        trialsLastWeek[ERADICATION] = grows ? growers : 0;
        trialsLastWeek[ARREST] = smugglers;
        chanceLastWeek[CONTACT] = pContact;
        chanceLastWeek[DECISION] = decide;
        chanceLastWeek[WITNESS] = pWitness;
        chanceLastWeek[ERADICATION] = grows ? pEradicated : 0;
        chanceLastWeek[ARREST] = pArrest;
        int contacts = 0;
        int decisions = 0;
        int eradications = 0;
        int recruits = 0;
        int arrests = 0;
        int candidates = 0;
        int reports = 0;
        double trustDelta = 0;
        // One pass per kind of event, in the order of a resident's update (class comment): residents do not interact
        // within the week's update, so this gives each resident what one pass over its events in that order would.
        // Contacts with the state: negative ones move trust more (Oliveira et al. 2020). Given a contact, it is
        // negative with chance pNeg / pContact, and harm by the state's own forces with pHarm / pContact.
        for (int i = contactGaps.after(random, -1, n); i < n; i = contactGaps.after(random, i, n)) {
            if (occupation[i] == JAILED) continue; // the jailed have no events (their draws are ignored)
            contacts++;
            float l0 = trust[i];
            float l;
            double v = uniform32(random) * pContact;
            if (v < pNeg) {
                l = l0 - negStep * l0;
                // Harm by the state's own forces also deepens grievance (Bennett 2008).
                if (v < pHarm) hardship[i] += grievance * (1 - hardship[i]);
            } else {
                l = l0 + posStep * (1 - l0);
            }
            trust[i] = l;
            trustDelta += (double) l - l0;
        }
        for (int i = eradicationGaps.after(random, -1, n); i < n; i = eradicationGaps.after(random, i, n)) {
            if (occupation[i] != GROWER) continue;
            eradications++;
            float l0 = trust[i];
            float l = l0 - negStep * l0;
            trust[i] = l;
            trustDelta += (double) l - l0;
        }
        for (int i = arrestGaps.after(random, -1, n); i < n; i = arrestGaps.after(random, i, n)) {
            if (occupation[i] != SMUGGLER) continue;
            occupation[i] = JAILED;
            jail(i);
            smugglers--;
            jailed++;
            arrests++;
        }
        // Occupation: the jailed, including those arrested this week, do not decide.
        // The decisions' trials come 64 residents at a time (BernoulliBits); the deciders are the set bits, in order.
        for (int base = 0; base < n; base += 64) {
            long deciding = decideBits.next(random);
            if (n - base < 64) deciding &= (1L << (n - base)) - 1;
            for (; deciding != 0; deciding &= deciding - 1) {
                int i = base + Long.numberOfTrailingZeros(deciding);
                byte occ = occupation[i];
                if (occ == JAILED) continue;
                decisions++;
                float l = trust[i];
                float h = hardship[i];
                // A legal resident whose motives are at most the bound cannot act: see premiumBound.
                if (occ == LEGAL && h * premiumBound * (1 - l) <= threshold) continue;
                float y = income[i] * devMult;
                float netRisk = risk[i] * arrestRisk;
                // Epstein 2002: grievance G = H (1 - L); act if G - N > T.
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
        }
        trialsLastWeek[DECISION] = free - arrests;
        // Witnesses who may report: neither jailed nor smuggling after the decisions.
        for (int i = candidateGaps.after(random, -1, n); i < n; i = candidateGaps.after(random, i, n)) {
            byte occ = occupation[i];
            if (occ == JAILED || occ == SMUGGLER) continue;
            // A witness whose chance to report is capped by qMax: it reports with chance pr^2 / qMax, so
            // pWitness pr^2 in all. GLODERS: P(report) = (w IG + (1 - w) S)^2, w = 0.2; IG from trust and (1 - fear).
            candidates++;
            float l = trust[i];
            float f = (float) (fa * fear[i] + fb);
            float ig = driveTrust * l + driveCalm * (1 - f);
            float pr = reportDrive * ig + reportNorm * salience;
            if (uniform32(random) * qMax < (double) (pr * pr)) reports++;
        }
        // The other witnesses, who do not report: among the eligible residents who were not report candidates, each
        // witnesses without reporting with chance pWitness (1 - qMax) / (1 - pWitness qMax), independently of the rest.
        int eligible = free - arrests - smugglers;
        double pQuiet = pCandidate >= 1 ? 0 : pWitness * (1 - qMax) / (1 - pCandidate);
        quietWitnessGaps.set(Math.min(1.0, pQuiet));
        if (binomial == null || binomialRandom != random) {
            binomial = new Binomial(1, 0.5, random);
            binomialRandom = random;
        }
        int witnesses = candidates + quietWitnessGaps.hits(random, eligible - candidates, binomial);
        trialsLastWeek[WITNESS] = eligible;
        // Prison terms: the jailed leave in the order they came in, after their sentence (O(released) a week).
        int jailedBefore = jailed;
        releaseDue();
        releasesLastWeek = jailedBefore - jailed;
        week++;
        hitsLastWeek[CONTACT] = contacts;
        hitsLastWeek[DECISION] = decisions;
        hitsLastWeek[WITNESS] = witnesses;
        hitsLastWeek[ERADICATION] = eradications;
        hitsLastWeek[ARREST] = arrests;
        sumTrust += trustDelta;
        if (week % RECOUNT_WEEKS == 0) recountTrust();
        sumFear = fearA * sumRawFear + fearB * n;

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

    /** A uniform on (0, 1) from one 32-bit draw, (k + 1/2) / 2^32: a comparison with it has its chance to 2^-32. */
    private static double uniform32(MersenneTwisterFast random) {
        return ((random.nextInt() & 0xFFFFFFFFL) + 0.5) * 0x1p-32;
    }

    /**
     * Every resident's fear follows {@code f -> a f + b} this week; applied lazily to the transform
     * (true fear = fearA x raw + fearB), and to every resident only when the slope has become small.
     */
    private void composeFear(double a, double b) {
        fearA *= a;
        fearB = a * fearB + b;
        if (fearA < FEAR_RENORMALISE_BELOW) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                float f = (float) (fearA * fear[i] + fearB);
                fear[i] = f;
                s += f;
            }
            fearA = 1;
            fearB = 0;
            sumRawFear = s;
        }
    }

    /** Sends resident i to prison for the sentence: released in the week {@link #week} + sentence. */
    private void jail(int i) {
        int tail = (jailHead + jailed) % n;
        jailQueue[tail] = i;
        jailRelease[tail] = week + Math.max(1, rules.sentenceWeeks());
    }

    /** Releases those whose sentence ends this week (they come first in the queue: sentences are equal). */
    private void releaseDue() {
        while (jailed > 0 && jailRelease[jailHead] <= week) {
            occupation[jailQueue[jailHead]] = LEGAL;
            jailHead = jailHead + 1 == n ? 0 : jailHead + 1;
            jailed--;
        }
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

    /** Recounts the trust and fear sums from every resident (they are kept incrementally between recounts). */
    private void recountTrust() {
        double t = 0;
        double f = 0;
        for (int i = 0; i < n; i++) {
            t += trust[i];
            f += fear[i];
        }
        sumTrust = t;
        sumRawFear = f;
        sumFear = fearA * f + fearB * n;
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

    /** Residents released from prison last week. */
    public int releasesLastWeek() {
        return releasesLastWeek;
    }

    /** Last week's trials of a kind of event ({@link #CONTACT} ... {@link #ARREST}), for tests. */
    int trialsLastWeek(int kind) {
        return trialsLastWeek[kind];
    }

    /** Last week's hits of a kind of event among its trials, for tests. */
    int hitsLastWeek(int kind) {
        return hitsLastWeek[kind];
    }

    /**
     * Resident i's chance to report what it witnesses, pr^2 with pr = w IG + (1 - w) S (GLODERS), at salience S and
     * its trust and fear now: the same arithmetic as the step's, for tests.
     */
    double reportChance(int i, double salience) {
        float driveTrust = (float) rules.driveTrustWeight();
        float driveCalm = (float) (1 - rules.driveTrustWeight());
        float reportDrive = (float) rules.reportDriveWeight();
        float reportNorm = (float) (1 - rules.reportDriveWeight());
        float ig = driveTrust * trust[i] + driveCalm * (1 - fear(i));
        float pr = reportDrive * ig + reportNorm * (float) salience;
        return pr * pr;
    }

    /** Last week's chance of a kind of event per trial, for tests. */
    double chanceLastWeek(int kind) {
        return chanceLastWeek[kind];
    }

    /** The sums of trust and of fear recounted from every resident (the step keeps them incrementally), for tests. */
    double[] recountedSums() {
        double t = 0;
        double f = 0;
        for (int i = 0; i < n; i++) {
            t += trust[i];
            f += fearA * fear[i] + fearB;
        }
        return new double[] {t, f};
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
        return (float) (fearA * fear[i] + fearB);
    }
}
