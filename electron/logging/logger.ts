// Structured JSON logs (pino). Every line passes the secret scrubber after serialisation, so a secret
// can reach no log even when it hides inside an error message or a nested object.
import pino from 'pino';
import type { DestinationStream } from 'pino';
import type { SecretScrubber } from './secretScrubber.ts';

export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  level?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  scrubber: SecretScrubber;
  /** Where the lines go; defaults to stderr. Each line is scrubbed before it is written. */
  write?: (line: string) => void;
}

export function createLogger(options: LoggerOptions): Logger {
  const { scrubber } = options;
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const stream: DestinationStream = { write: (line: string) => write(scrubber.scrubText(line)) };
  return pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      formatters: {
        log(obj) {
          return censorKeys(obj, scrubber, 0) as Record<string, unknown>;
        },
      },
    },
    stream,
  ) as unknown as Logger;
}

function censorKeys(value: unknown, scrubber: SecretScrubber, depth: number): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (Array.isArray(value)) return value.map((v) => censorKeys(v, scrubber, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] =
      scrubber.isSecretKey(k) && typeof v !== 'number' && typeof v !== 'boolean'
        ? '[secret]'
        : censorKeys(v, scrubber, depth + 1);
  }
  return out;
}

/** A logger that drops everything; for tests that do not look at logs. */
export function silentLogger(): Logger {
  const noop = () => {};
  const l: Logger = { debug: noop, info: noop, warn: noop, error: noop, child: () => l };
  return l;
}
