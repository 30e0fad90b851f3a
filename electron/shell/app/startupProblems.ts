// What the desktop app tells the person when it cannot start as it should: the sync engine refused to
// start (its database damaged or unwritable, the disk full, settings it cannot use), or the settings
// cannot be saved. Pure, so it is tested without Electron; desktopApp.ts shows it in a native dialog.

export interface StartupDialog {
  type: 'error' | 'warning';
  title: string;
  message: string;
  detail: string;
}

// The engine client adds this to every start failure; a database problem says what to do itself.
const SETTINGS_HINT = ' Check Settings → Connections.';
const DATABASE_PROBLEM = /Partner Desk database at|cannot write its database at|The disk is full/;

export function engineFailureDialog(message: string): StartupDialog {
  const database = DATABASE_PROBLEM.test(message);
  return {
    type: 'error',
    title: 'Partner Desk',
    message: database ? 'Partner Desk cannot use its database.' : 'The sync engine could not start.',
    detail: database && message.endsWith(SETTINGS_HINT) ? message.slice(0, -SETTINGS_HINT.length) : message,
  };
}

export function unsavedSettingsDialog(problem: { message: string }): StartupDialog {
  return {
    type: 'warning',
    title: 'Partner Desk',
    message: 'Partner Desk cannot save its settings.',
    detail: problem.message,
  };
}

/**
 * True the first time a message is seen: an engine restarted by a settings change into the same failure
 * is shown in the window's banner, not in a second dialog.
 */
export function firstTimeOnly(): (message: string) => boolean {
  const seen = new Set<string>();
  return (message) => {
    if (seen.has(message)) return false;
    seen.add(message);
    return true;
  };
}
