// Objects a client created, indexed by the correlation reference stored on each, with every
// reference that more than one object carries (a duplicate: what exactly-once must never produce).
export class ByCorrelationRef<T extends { correlationRef: string | null }> {
  private readonly map = new Map<string, T[]>();
  readonly duplicateRefs = new Set<string>();
  private count = 0;

  add(o: T): void {
    if (o.correlationRef === null) return;
    this.count++;
    const list = this.map.get(o.correlationRef);
    if (list) {
      list.push(o);
      this.duplicateRefs.add(o.correlationRef);
    } else this.map.set(o.correlationRef, [o]);
  }

  find(ref: string): T[] {
    return this.map.get(ref) ?? [];
  }

  get size(): number {
    return this.count;
  }
}
