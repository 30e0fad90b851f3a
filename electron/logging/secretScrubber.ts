// Keeps secrets out of every log line. Two nets: fields whose names say "secret" are censored by key,
// and every secret value the engine has handed out is replaced wherever it appears in the text.
const SECRET_KEY = /(secret|password|passwd|token|api[-_]?key|authorization|cookie|credential)/i;
const MIN_SECRET_LENGTH = 6;

export function createSecretScrubber() {
  const values = new Set<string>();
  return {
    /** Registers a secret value (an API key, a client secret, an access token) to be masked in logs. */
    register(value: string | null | undefined): void {
      if (value && value.length >= MIN_SECRET_LENGTH) values.add(value);
    },
    scrubText(text: string): string {
      let out = text;
      for (const v of values) if (out.includes(v)) out = out.split(v).join('[secret]');
      return out;
    },
    isSecretKey(key: string): boolean {
      return SECRET_KEY.test(key);
    },
  };
}
export type SecretScrubber = ReturnType<typeof createSecretScrubber>;
