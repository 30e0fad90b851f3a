import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from './store.ts';
import { createWalSync, syncLog } from './walSync.ts';

const dir = mkdtempSync(join(tmpdir(), 'pd-walsync-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A sync the test finishes by hand, recording when each one started. */
function controlledSyncs() {
  const started: { finish: () => void; fail: (e: Error) => void }[] = [];
  const syncOnce = () =>
    new Promise<void>((resolve, reject) => started.push({ finish: resolve, fail: reject }));
  return { started, syncOnce };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('syncing the write-ahead log off the main thread', () => {
  it('answers a caller only with a sync that started after it asked', async () => {
    const { started, syncOnce } = controlledSyncs();
    const sync = createWalSync(join(dir, 'a.sqlite'), syncOnce);
    const first = sync();
    expect(started).toHaveLength(1);

    // Asked while the first sync runs: its commit may be newer than what that sync covers.
    let secondDone = false;
    const second = sync().then(() => (secondDone = true));
    started[0]!.finish();
    await first;
    await settle();
    expect(secondDone).toBe(false);
    expect(started).toHaveLength(2);
    started[1]!.finish();
    await second;
    expect(secondDone).toBe(true);
  });

  it('lets everyone who asks during one sync share the next one', async () => {
    const { started, syncOnce } = controlledSyncs();
    const sync = createWalSync(join(dir, 'b.sqlite'), syncOnce);
    void sync();
    const waiting = Array.from({ length: 50 }, () => sync());
    started[0]!.finish();
    await settle();
    started[1]!.finish();
    await Promise.all(waiting);
    expect(started).toHaveLength(2);
  });

  it('passes a failed sync to its callers and tries again for the next one', async () => {
    const { started, syncOnce } = controlledSyncs();
    const sync = createWalSync(join(dir, 'c.sqlite'), syncOnce);
    const failing = sync();
    const queued = sync();
    started[0]!.fail(new Error('EIO'));
    await expect(failing).rejects.toThrow('EIO');
    await settle();
    started[1]!.finish();
    await expect(queued).resolves.toBeUndefined();
  });

  it('syncs a real store’s log after its commits', async () => {
    const path = join(dir, 'real.sqlite');
    const store = openStore(path);
    try {
      store.transaction(() => store.cursors.set('feed', 'c-1', 1));
      await expect(Promise.all([store.syncToDisk(), store.syncToDisk()])).resolves.toBeDefined();
    } finally {
      store.close();
    }
  });

  it('says what went wrong when the database file is gone', async () => {
    await expect(syncLog(join(dir, 'missing.sqlite'))).rejects.toThrow(
      /could not make its database safe on disk .*ENOENT/,
    );
  });
});
