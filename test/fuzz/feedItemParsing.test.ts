import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Mappings } from '../../shared/config/mappings.ts';
import { feedFlows } from '../../electron/engine/flowRegistry.ts';
import { expectClearMessage } from './clearError.ts';
import { hostileVariantOf, prototypesClean, viaWire } from './hostileJson.ts';
import { feedItemSamples } from './inboundSamples.ts';

const mappings = Mappings.parse({});
const USABLE_ID = /^[\x20-\x7e]{1,128}$/;

describe('bad input: every feed item is parsed into a value or a clear reason', () => {
  for (const flow of feedFlows) {
    it(`${flow.feed}: a mutated or hostile item never throws, and a refusal says why`, () => {
      const sample = feedItemSamples[flow.feed];
      if (!sample) throw new Error(`no valid ${flow.feed} item in inboundSamples.ts`);
      fc.assert(
        fc.property(hostileVariantOf(sample('X-1')), (hostile) => {
          const raw = viaWire(hostile);
          const parsed = flow.parse(raw, mappings);
          if (!parsed.ok) {
            expectClearMessage(parsed.reason);
            if (parsed.itemId !== undefined) expect(parsed.itemId).toMatch(USABLE_ID);
          }
          expect(prototypesClean()).toBe(true);
        }),
        { numRuns: 100 },
      );
    });
  }
});
