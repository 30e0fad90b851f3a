// A minimal typed event emitter: the event map is a type, so a renamed event breaks the build.
export type Listener<T> = (payload: T) => void;

export class TypedEmitter<Events extends Record<string, unknown>> {
  private readonly listeners = new Map<keyof Events, Set<Listener<never>>>();

  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => set.delete(listener as Listener<never>);
  }

  emit<K extends keyof Events>(event: K, payload: Events[K]): void {
    for (const l of this.listeners.get(event) ?? []) {
      try {
        (l as Listener<Events[K]>)(payload);
      } catch (error) {
        // A broken listener (a UI bridge, a printer) must never break the sync that emitted the event.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
