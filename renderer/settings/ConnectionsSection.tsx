// Where the desk connects: the built-in demo or the live systems, their addresses, and a "Test
// connection" per system that reports what the engine found.
import { useId } from 'react';
import type { SystemName } from '../../shared/ipc/dto.ts';
import { errorsAt, PATHS } from '../lib/settingsForm.ts';
import { useSettings } from '../stores/settingsStore.ts';
import { TextField } from './fields.tsx';
import type { SectionProps } from './sectionProps.ts';

function TestConnection({ system, label }: { system: SystemName; label: string }) {
  const result = useSettings((s) => s.connectionTest[system]);
  const test = useSettings((s) => s.testConnection);
  return (
    <div className="test-connection">
      <button
        type="button"
        className="button"
        aria-label={`Test connection to ${label}`}
        disabled={result === 'testing'}
        onClick={() => void test(system)}
      >
        {result === 'testing' ? 'Testing…' : 'Test connection'}
      </button>
      <p
        role="status"
        aria-label={`${label} connection test result`}
        className={`outcome${result && result !== 'testing' ? (result.ok ? ' outcome--ok' : ' outcome--error') : ''}`}
      >
        {result === undefined || result === 'testing'
          ? ''
          : result.ok
            ? `Connected to ${label}.`
            : `Could not connect to ${label}: ${result.message}`}
      </p>
    </div>
  );
}

export function ConnectionsSection({ form, errors, edit }: SectionProps) {
  const modeName = useId();
  const live = form.mode === 'live';
  return (
    <fieldset className="settings-section">
      <legend>Connections</legend>
      <div className="radio-group" role="radiogroup" aria-label="Connect to">
        <label>
          <input type="radio" name={modeName} checked={!live} onChange={() => edit({ mode: 'demo' })} />{' '}
          Built-in demo (simulated xConnector and Trading Grid)
        </label>
        <label>
          <input type="radio" name={modeName} checked={live} onChange={() => edit({ mode: 'live' })} /> Live
          systems
        </label>
      </div>
      {!live && (
        <p className="hint">The addresses below are kept, and used once you switch to live systems.</p>
      )}

      <div className="connection">
        <h3>xConnector</h3>
        <TextField
          label="xConnector address"
          hint="e.g. https://xconnector.example.com"
          errors={errorsAt(errors, PATHS.xconnectorUrl)}
          type="url"
          value={form.xconnectorUrl}
          onChange={(xconnectorUrl) => edit({ xconnectorUrl })}
        />
        <TestConnection system="xconnector" label="xConnector" />
      </div>

      <div className="connection">
        <h3>Trading Grid</h3>
        <TextField
          label="Trading Grid address"
          hint="e.g. https://api.tradinggrid.example.com"
          errors={errorsAt(errors, PATHS.tradingGridUrl)}
          type="url"
          value={form.tradingGridUrl}
          onChange={(tradingGridUrl) => edit({ tradingGridUrl })}
        />
        <TextField
          label="Trading Grid client ID"
          errors={errorsAt(errors, PATHS.tradingGridClientId)}
          value={form.tradingGridClientId}
          onChange={(tradingGridClientId) => edit({ tradingGridClientId })}
        />
        <TestConnection system="trading-grid" label="Trading Grid" />
      </div>
      <p className="hint">
        Test connection checks the connection the desk is using now; save first to test new addresses.
      </p>
    </fieldset>
  );
}
