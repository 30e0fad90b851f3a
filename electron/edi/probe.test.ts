import { describe, it, expect } from 'vitest';
import { DatabaseSync } from 'node:sqlite';
describe('toolchain', () => {
  it('runs on node 24 with node:sqlite', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
    const db = new DatabaseSync(':memory:');
    expect(db.prepare('select 1 as one').get()).toEqual({ one: 1 });
  });
});
