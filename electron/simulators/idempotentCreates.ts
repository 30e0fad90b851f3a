// Creates that honour Idempotency-Key, or not, as a simulator is set: a key seen before answers with
// the object it created the first time (a replay) instead of creating another. Switching honouring off
// lets tests prove that exactly-once holds on correlationRef lookups alone.

export interface CreateOutcome<T> {
  object: T;
  replayed: boolean;
}

export class IdempotentCreates {
  /** Creates answered with an earlier object because their key was seen before. */
  replays = 0;

  private readonly keys = new Map<string, unknown>();
  private readonly honour: () => boolean;

  constructor(honourKeys: () => boolean) {
    this.honour = honourKeys;
  }

  /**
   * The object created earlier under this kind and key, or the one `create` makes now (remembered
   * under the key while keys are honoured). Kinds keep one endpoint's keys apart from another's.
   */
  once<T>(kind: string, key: string | undefined, create: () => T): CreateOutcome<T> {
    const replay = key === undefined || !this.honour() ? undefined : (this.keys.get(`${kind}|${key}`) as T);
    if (replay) {
      this.replays++;
      return { object: replay, replayed: true };
    }
    const object = create();
    if (key !== undefined && this.honour()) this.keys.set(`${kind}|${key}`, object);
    return { object, replayed: false };
  }
}
