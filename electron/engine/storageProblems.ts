// A full disk, or a damaged page read for the first time, stops the sync with a health state that says
// what to do; it resumes once saving works. The loops and the window's calls both report here.
import type { HealthTracker } from '../sync/health.ts';
import type { Store } from '../store/store.ts';

/** Notes on the health view what an error says about the database; returns that problem, or null. */
export function createStorageProblemNote(store: Store, health: HealthTracker, now: () => number) {
  return (error: unknown) => {
    const problem = store.storageProblem(error);
    if (problem) health.storageProblem(problem.message, now());
    return problem;
  };
}
