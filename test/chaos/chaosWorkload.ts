// New work between two engine lives, drawn from the run's seeded random source: what xConnector,
// its agents and the partners in Trading Grid do while the engine is down or being killed. Each
// line feeds one or more of the eight flows.
import type { RunningSimulators } from '../../electron/simulators/index.ts';
import type { Rng } from '../../electron/simulators/rng.ts';

export function generateRoundWork(sims: RunningSimulators, rng: Rng): void {
  const xc = sims.xconnector.sim;
  // Flows 1 and 3: new exceptions, new and failing transactions.
  xc.generateActivity({
    exceptions: rng.int(0, 3),
    failedTransactions: rng.int(0, 4),
    transactions: rng.int(0, 4),
  });
  // Flow 2: an exception turns into a dispute with its supporting documents.
  if (rng.chance(0.25)) xc.documents.openDisputes(1);
  // Flows 4 and 7: agents move cases on, comment and attach documents; now and then a new case.
  xc.cases.generateActivity({
    newCases: rng.chance(0.2) ? 1 : 0,
    caseSteps: rng.int(0, 3),
    caseComments: rng.int(0, 3),
    caseAttachments: rng.chance(0.2) ? 1 : 0,
  });
  // Flows 5 and 7: partners comment (some with a document) and open issues of their own.
  sims.tradingGrid.sim.issueFeed.generateActivity({
    partnerComments: rng.int(0, 3),
    partnerIssues: rng.chance(0.15) ? 1 : 0,
  });
  // Flow 6: reference records change, appear, disappear or are sent again unchanged.
  xc.referenceData.generateActivity({
    changes: rng.int(0, 2),
    adds: rng.chance(0.3) ? 1 : 0,
    deletes: rng.chance(0.2) ? 1 : 0,
    resends: rng.chance(0.3) ? 1 : 0,
  });
}
