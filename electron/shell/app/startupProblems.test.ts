// What the person is told when the app cannot start as it should (issue 5, disk trouble).
import { describe, expect, it } from 'vitest';
import { engineFailureDialog, firstTimeOnly, unsavedSettingsDialog } from './startupProblems.ts';
import { damaged, diskFull, unwritable } from '../../store/storageProblem.ts';

const path = '/home/desk/.config/Partner Desk/partner-desk.sqlite';
// As the engine host and client pass it on (electron/shell/engineHost).
const asReported = (m: string) => `The sync engine could not start: ${m} Check Settings → Connections.`;

describe('startup problems: what the dialogs say', () => {
  it('shows a damaged database with its own remedy, not a hint about connections', () => {
    const d = engineFailureDialog(asReported(damaged(path, 'file is not a database').message));
    expect(d).toMatchObject({ type: 'error', message: 'Partner Desk cannot use its database.' });
    expect(d.detail).toContain(`The Partner Desk database at ${path} is damaged (file is not a database)`);
    expect(d.detail).toMatch(/move that file aside .* and start again/);
    expect(d.detail).not.toContain('Settings → Connections');
  });

  it('shows an unwritable database and a full disk the same way', () => {
    for (const e of [unwritable(path, 'permission denied'), diskFull(path)]) {
      const d = engineFailureDialog(asReported(e.message));
      expect(d.message).toBe('Partner Desk cannot use its database.');
      expect(d.detail).not.toContain('Settings → Connections');
    }
  });

  it('keeps the connection hint for other start failures', () => {
    const d = engineFailureDialog(asReported('The engine settings are not valid: poll.pageSize: too big'));
    expect(d.message).toBe('The sync engine could not start.');
    expect(d.detail).toContain('Check Settings → Connections.');
  });

  it('warns that settings will not be saved, with the reason and what to do', () => {
    const d = unsavedSettingsDialog({
      message: 'Partner Desk cannot write to its settings folder /x (permission denied)',
    });
    expect(d).toMatchObject({ type: 'warning', message: 'Partner Desk cannot save its settings.' });
    expect(d.detail).toContain('/x (permission denied)');
  });

  it('shows each failure once, however often the engine is restarted into it', () => {
    const first = firstTimeOnly();
    expect([first('a'), first('a'), first('b')]).toEqual([true, false, true]);
  });
});
