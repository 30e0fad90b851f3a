import { describe, expect, it } from 'vitest';
import { Mappings } from '../../shared/config/mappings.ts';
import { feedFlows } from '../../electron/engine/flowRegistry.ts';
import { inboundEndpoints } from './inboundEndpoints.ts';
import { feedItemSamples } from './inboundSamples.ts';
import { responseSamples, responsesWithoutJson } from './responseSamples.ts';

const mappings = Mappings.parse({});

describe('bad input: every inbound schema has a property test', () => {
  it('knows a valid answer for every endpoint of both contracts (or why there is no JSON to read)', () => {
    const missing = inboundEndpoints
      .map((e) => e.id)
      .filter((id) => !Object.hasOwn(responseSamples, id) && !Object.hasOwn(responsesWithoutJson, id));
    // A new endpoint fails here: add a valid answer to test/fuzz/inboundSamples.ts and it is fuzzed.
    expect(missing).toEqual([]);
    const known = new Set(inboundEndpoints.map((e) => e.id));
    const stale = [...Object.keys(responseSamples), ...Object.keys(responsesWithoutJson)].filter(
      (id) => !known.has(id),
    );
    expect(stale).toEqual([]);
  });

  it('lists as "no JSON" only endpoints that really answer bytes or nothing', () => {
    for (const e of inboundEndpoints) {
      const noJson = e.responseKind === 'binary' || e.status === 204;
      expect(Object.hasOwn(responsesWithoutJson, e.id), e.id).toBe(noJson);
    }
  });

  it('knows a valid item for every feed the engine reads', () => {
    const feeds = [...new Set(feedFlows.map((f) => f.feed))].sort();
    expect(Object.keys(feedItemSamples).sort()).toEqual(feeds);
  });

  it('has examples that really are valid, so the mutations start from something real', () => {
    for (const e of inboundEndpoints) {
      if (!Object.hasOwn(responseSamples, e.id)) continue;
      const parsed = e.response.safeParse(responseSamples[e.id]);
      expect(parsed.success, `${e.id}: ${parsed.error?.message ?? ''}`).toBe(true);
    }
    for (const flow of feedFlows) {
      const sample = feedItemSamples[flow.feed];
      const parsed = flow.parse(sample?.('X-1'), mappings);
      expect(parsed.ok, `${flow.feed}: ${parsed.ok ? '' : parsed.reason}`).toBe(true);
    }
  });
});
