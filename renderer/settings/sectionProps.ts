// What every section of the settings form receives: the form, its errors, and a way to change it.
import type { FieldErrors, SettingsForm } from '../lib/settingsForm.ts';

export interface SectionProps {
  form: SettingsForm;
  errors: FieldErrors;
  edit(change: Partial<SettingsForm>): void;
}
