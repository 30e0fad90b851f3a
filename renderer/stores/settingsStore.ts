// The Settings screen's state: the loaded view, the form being edited, validation and save results,
// credential writes and connection tests. Secrets pass through here only on their way to the keychain:
// they are never stored in this state (the form fields that hold them are uncontrolled).
import { create } from 'zustand';
import type { SettingsView } from '../../shared/ipc/contract.ts';
import type { Outcome, SystemName } from '../../shared/ipc/dto.ts';
import { invoke } from '../api/desk.ts';
import {
  countErrors,
  fieldErrorsFromLines,
  formFromSettings,
  parseLoadedSettings,
  settingsFromForm,
  type FieldErrors,
  type SettingsForm,
} from '../lib/settingsForm.ts';

export type CredentialName = keyof SettingsView['credentialsStored'];

interface SettingsState {
  view: SettingsView | null;
  form: SettingsForm | null;
  /** Why the stored settings could not be shown as a form (a shape this window does not know). */
  loadProblems: string[];
  error: string | null;
  fieldErrors: FieldErrors;
  saving: boolean;
  saveOutcome: { ok: boolean; text: string } | null;
  credentialOutcome: Partial<Record<CredentialName, Outcome>>;
  connectionTest: Partial<Record<SystemName, Outcome | 'testing'>>;
  load(): Promise<void>;
  edit(change: Partial<SettingsForm>): void;
  save(): Promise<void>;
  setCredential(name: CredentialName, value: string): Promise<boolean>;
  /** Forgets the last store attempt's outcome (a new attempt, or a new value being typed, replaces it). */
  clearCredentialOutcome(name: CredentialName): void;
  testConnection(system: SystemName): Promise<void>;
}

export const useSettings = create<SettingsState>()((set, get) => ({
  view: null,
  form: null,
  loadProblems: [],
  error: null,
  fieldErrors: {},
  saving: false,
  saveOutcome: null,
  credentialOutcome: {},
  connectionTest: {},

  async load() {
    try {
      const view = await invoke('settings:get', {});
      const parsed = parseLoadedSettings(view.settings);
      set({
        view,
        form: parsed.ok ? formFromSettings(parsed.settings) : null,
        loadProblems: parsed.ok ? [] : parsed.errors,
        error: null,
        fieldErrors: {},
      });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },

  edit(change) {
    const { form } = get();
    if (form) set({ form: { ...form, ...change }, saveOutcome: null });
  },

  async save() {
    const { form } = get();
    if (!form) return;
    const { settings, errors } = settingsFromForm(form);
    const problems = countErrors(errors);
    if (problems > 0) {
      set({
        fieldErrors: errors,
        saveOutcome: {
          ok: false,
          text: `Not saved: ${problems === 1 ? 'one field needs' : `${problems} fields need`} attention.`,
        },
      });
      return;
    }
    set({ saving: true, fieldErrors: {}, saveOutcome: null });
    try {
      const result = await invoke('settings:update', { settings });
      if (result.ok) {
        set({ saveOutcome: { ok: true, text: 'Settings saved.' } });
        await get().load();
      } else {
        set({
          fieldErrors: fieldErrorsFromLines(result.errors),
          saveOutcome: { ok: false, text: 'Not saved: the app refused these settings.' },
        });
      }
    } catch (error) {
      set({ saveOutcome: { ok: false, text: `Not saved: ${(error as Error).message}` } });
    } finally {
      set({ saving: false });
    }
  },

  async setCredential(name, value) {
    let outcome: Outcome;
    try {
      outcome = await invoke('credentials:set', { name, value });
    } catch (error) {
      outcome = { ok: false, message: (error as Error).message };
    }
    set({ credentialOutcome: { ...get().credentialOutcome, [name]: outcome } });
    if (outcome.ok) {
      const { view } = get();
      if (view) set({ view: { ...view, credentialsStored: { ...view.credentialsStored, [name]: true } } });
    }
    return outcome.ok;
  },

  clearCredentialOutcome(name) {
    const outcomes = get().credentialOutcome;
    if (outcomes[name] === undefined) return;
    const rest = { ...outcomes };
    delete rest[name];
    set({ credentialOutcome: rest });
  },

  async testConnection(system) {
    set({ connectionTest: { ...get().connectionTest, [system]: 'testing' } });
    let outcome: Outcome;
    try {
      outcome = await invoke('connections:test', { system });
    } catch (error) {
      outcome = { ok: false, message: (error as Error).message };
    }
    set({ connectionTest: { ...get().connectionTest, [system]: outcome } });
  },
}));
