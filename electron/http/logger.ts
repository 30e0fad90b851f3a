// The HTTP layer logs through an injected logger so the engine decides where lines go (pino in the app,
// a recording logger in tests) and this folder never depends on a logging library.

/** The pino-compatible subset the HTTP layer logs through. */
export interface Logger {
  debug(obj: Record<string, unknown>, msg?: string): void;
  info(obj: Record<string, unknown>, msg?: string): void;
  warn(obj: Record<string, unknown>, msg?: string): void;
  error(obj: Record<string, unknown>, msg?: string): void;
}
