// Waits for a condition of a running system (the engine syncing, a process restarting), failing with
// what it waited for. A deadline, not a timing assertion: it bounds how long a broken run hangs.
export async function until<T>(
  what: string,
  probe: () => Promise<T | null | false> | T | null | false,
  ms = 60_000,
): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== null && value !== false) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
