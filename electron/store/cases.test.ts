import { describe, expect, it } from 'vitest';
import { toSearchQuery } from './cases.ts';

describe('inbox search text', () => {
  it('turns what a person typed into a safe prefix query', () => {
    expect(toSearchQuery('ACME  po-1234')).toBe('"ACME"* AND "po"* AND "1234"*');
  });
  it('gives nothing to search for punctuation or FTS syntax alone', () => {
    expect(toSearchQuery('"*) OR (')).toBe('"OR"*');
    expect(toSearchQuery('  ()*"  ')).toBeNull();
  });
});
