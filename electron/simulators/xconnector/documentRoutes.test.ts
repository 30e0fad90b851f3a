import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { DisputeDocument } from '../../../shared/domain/document.ts';
import { PartnerException } from '../../../shared/domain/exception.ts';
import { FeedPage } from '../../../shared/domain/feed.ts';
import { buildScenario } from '../scenario.ts';
import { call, jsonInit } from '../testSupport.ts';
import { detectFileType } from '../../documents/fileTypes.ts';
import { DEFAULT_FILE_TYPES } from '../../../shared/config/documentSettings.ts';
import { startXConnectorSimulator, type XConnectorSimulator } from './xConnectorSimulator.ts';

const scenario = buildScenario({
  seed: 3,
  partners: 4,
  exceptions: 30,
  transactions: 0,
  unknownPartnerExceptions: 2,
});

describe('xConnector simulator: dispute documents', () => {
  let sim: XConnectorSimulator;
  let key: Record<string, string>;
  beforeAll(async () => {
    sim = await startXConnectorSimulator(scenario, { disputes: 5 });
    key = { 'x-api-key': sim.credentials.apiKey };
  });
  afterAll(() => sim.close());

  const feed = async (since = '0') =>
    FeedPage.parse(
      (await call(`${sim.url}/api/v1/documents?since=${since}&limit=100`, { headers: key })).body,
    );
  const bytes = async (id: string, range?: string) => {
    const res = await fetch(`${sim.url}/api/v1/documents/${id}/content`, {
      headers: { ...key, ...(range ? { range } : {}) },
    });
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  };

  it('turns seeded exceptions of known partners into disputes, flagged in the exceptions feed', async () => {
    const page = await feed();
    const docs = page.items.map((i) => DisputeDocument.parse(i));
    const disputed = new Set(docs.map((d) => d.exceptionId));
    expect(disputed.size).toBe(5);
    for (const id of disputed) {
      const e = PartnerException.parse(sim.state.exceptions.get(id));
      expect(e.dispute).toBe(true);
      expect(scenario.unknownPartnerIds).not.toContain(e.partnerId);
      const kinds = docs.filter((d) => d.exceptionId === id).map((d) => d.kind);
      expect(kinds[0]).toBe('purchase_order');
      if (e.kind === 'shipment')
        expect(kinds).toEqual(['purchase_order', 'packing_slip', 'proof_of_delivery']);
      if (e.kind === 'invoice') expect(kinds).toEqual(['purchase_order', 'invoice']);
    }
  });

  it('serves each document as real bytes matching its size, SHA-256 and type', async () => {
    for (const d of (await feed()).items.map((i) => DisputeDocument.parse(i))) {
      const got = await bytes(d.id);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe(d.contentType);
      expect(got.body.length).toBe(d.sizeBytes);
      expect(createHash('sha256').update(got.body).digest('hex')).toBe(d.sha256);
      const judged = detectFileType(
        d.name.replace(/\//g, '_'),
        got.body.subarray(0, 8192),
        DEFAULT_FILE_TYPES,
      );
      expect(judged.ok && judged.rule.contentType).toBe(d.contentType);
    }
  });

  it('answers a Range request with the rest of the document (206), and refuses a range past the end (416)', async () => {
    const d = DisputeDocument.parse((await feed()).items[0]);
    const whole = (await bytes(d.id)).body;
    const rest = await bytes(d.id, 'bytes=100-');
    expect(rest.status).toBe(206);
    expect(rest.headers.get('content-range')).toBe(`bytes 100-${d.sizeBytes - 1}/${d.sizeBytes}`);
    expect(rest.body.equals(whole.subarray(100))).toBe(true);
    expect((await bytes(d.id, `bytes=${d.sizeBytes}-`)).status).toBe(416);
    expect((await bytes('DOC-NOPE')).status).toBe(404);
  });

  it('opens more disputes on request, and reads only the new documents after the cursor', async () => {
    const before = await feed();
    const res = await call(`${sim.url}/_sim/disputes`, jsonInit('POST', { count: 2 }));
    expect(res.status).toBe(200);
    const opened = (res.body as { opened: string[] }).opened;
    expect(opened).toHaveLength(2);
    const after = await feed(before.nextCursor);
    expect(new Set(after.items.map((i) => DisputeDocument.parse(i).exceptionId))).toEqual(new Set(opened));
    // Opening the same dispute again adds nothing.
    sim.documents.openDispute(opened[0]!);
    expect((await feed(after.nextCursor)).items).toEqual([]);
  });
});
