// The words the desk reads about SLAs: durations, phase names, and the escalation comment filled in
// from its template (the settings refuse a template with an unknown placeholder).
import type { RunningPhase } from './slaClock.ts';

/** `30 min`, `4 h`, `2 h 30 min` (business time: days would mislead when a day is nine hours). */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

export function phaseLabel(phase: RunningPhase): string {
  return phase === 'first_response' ? 'first-response' : 'resolution';
}

export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^{}]*)\}/g, (whole, name: string) => values[name] ?? whole);
}
