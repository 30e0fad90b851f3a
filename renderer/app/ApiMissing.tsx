// Shown instead of the app when the page has no desk API: the window cannot do anything without it, and
// a person (or a test run) should see why at once rather than a blank window.
import { DeskUnavailableError } from '../api/desk.ts';

export function ApiMissing() {
  return (
    <main className="api-missing" role="alert">
      <h1>Partner Desk cannot start</h1>
      <p>{new DeskUnavailableError().message}</p>
    </main>
  );
}
