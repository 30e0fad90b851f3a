import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import { Attachment, AttachmentPolicy, UploadSession } from '../../../shared/domain/document.ts';
import { Issue } from '../../../shared/domain/issue.ts';
import { buildScenario } from '../scenario.ts';
import { call, fetchToken, jsonInit, newIssue } from '../testSupport.ts';
import { DEFAULT_ATTACHMENT_SETTINGS } from './attachmentState.ts';
import { startTradingGridSimulator, type TradingGridSimulator } from './tradingGridSimulator.ts';

const scenario = buildScenario({ seed: 5, partners: 3, exceptions: 0, transactions: 0 });
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('Trading Grid simulator: attachments in resumable upload sessions', () => {
  let sim: TradingGridSimulator;
  let bearer: Record<string, string>;
  let issueId: string;
  let n = 0;
  let now = Date.UTC(2026, 0, 5, 9);

  beforeAll(async () => {
    sim = await startTradingGridSimulator(scenario, { clock: () => now });
    bearer = { authorization: `Bearer ${await fetchToken(sim)}` };
    const created = await call(
      `${sim.url}/api/v1/communities/${scenario.communities[0]!.id}/issues`,
      jsonInit('POST', newIssue(1), bearer),
    );
    issueId = Issue.parse(created.body).id;
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    sim.attachments.updateSettings(DEFAULT_ATTACHMENT_SETTINGS);
    sim.setFaults({});
  });

  const open = async (content: Buffer, extra: Record<string, string> = {}, overrides: object = {}) => {
    n++;
    return call(
      `${sim.url}/api/v1/issues/${issueId}/upload-sessions`,
      jsonInit(
        'POST',
        {
          name: `doc ${n}.pdf`,
          contentType: 'application/pdf',
          sizeBytes: content.length,
          sha256: sha(content),
          correlationRef: `pd:doc:test:${n}`,
          ...overrides,
        },
        { ...bearer, ...extra },
      ),
    );
  };
  const put = (sessionId: string, body: Buffer, start: number, total: number, range?: string) =>
    call(`${sim.url}/api/v1/upload-sessions/${sessionId}/content`, {
      method: 'PUT',
      headers: {
        ...bearer,
        'content-type': 'application/octet-stream',
        'content-range': range ?? `bytes ${start}-${start + body.length - 1}/${total}`,
      },
      body,
    });
  const complete = (sessionId: string) =>
    call(`${sim.url}/api/v1/upload-sessions/${sessionId}/complete`, { method: 'POST', headers: bearer });
  const get = (sessionId: string) =>
    call(`${sim.url}/api/v1/upload-sessions/${sessionId}`, { headers: bearer });

  it('publishes its attachment policy', async () => {
    const res = await call(`${sim.url}/api/v1/attachment-policy`, { headers: bearer });
    expect(AttachmentPolicy.parse(res.body)).toMatchObject({
      maxBytes: 1024 ** 3,
      maxChunkBytes: 64 * 1024 ** 2,
    });
  });

  it('takes the bytes in chunks, completes into an attachment once, and finds both by correlationRef', async () => {
    const content = randomBytes(300_000);
    const s = UploadSession.parse((await open(content)).body);
    expect(s).toMatchObject({ receivedBytes: 0, state: 'open', attachmentId: null });
    expect(
      UploadSession.parse((await put(s.id, content.subarray(0, 100_000), 0, content.length)).body)
        .receivedBytes,
    ).toBe(100_000);
    expect((await put(s.id, content.subarray(100_000), 100_000, content.length)).body).toMatchObject({
      receivedBytes: 300_000,
    });
    const first = await complete(s.id);
    expect(first.status).toBe(201);
    const attachment = Attachment.parse(first.body);
    expect(attachment).toMatchObject({
      issueId,
      sizeBytes: content.length,
      sha256: sha(content),
      correlationRef: s.correlationRef,
    });
    expect(sim.attachments.contents.get(attachment.id)?.equals(content)).toBe(true);
    // Completing again (a lost answer) gives the same attachment, not a second one.
    const again = await complete(s.id);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: attachment.id });
    const found = await call(
      `${sim.url}/api/v1/attachments?correlationRef=${encodeURIComponent(s.correlationRef)}`,
      { headers: bearer },
    );
    expect(found.body).toEqual({ items: [attachment] });
    const sessions = await call(
      `${sim.url}/api/v1/upload-sessions?correlationRef=${encodeURIComponent(s.correlationRef)}`,
      { headers: bearer },
    );
    expect(sessions.body).toMatchObject({
      items: [{ id: s.id, state: 'completed', attachmentId: attachment.id }],
    });
  });

  it('skips bytes sent again and refuses a chunk that starts past its offset with 409 and the offset', async () => {
    const content = randomBytes(1000);
    const s = UploadSession.parse((await open(content)).body);
    await put(s.id, content.subarray(0, 600), 0, 1000);
    const overlap = await put(s.id, content.subarray(400, 800), 400, 1000);
    expect(overlap.body).toMatchObject({ receivedBytes: 800 });
    const gap = await put(s.id, content.subarray(900), 900, 1000);
    expect(gap.status).toBe(409);
    expect(gap.body).toMatchObject({ title: 'Upload offset mismatch', receivedBytes: 800 });
    expect((await complete(s.id)).status).toBe(409);
    await put(s.id, content.subarray(800), 800, 1000);
    expect((await complete(s.id)).status).toBe(201);
    expect(sim.attachments.chunkLog(s.id)).toEqual([
      { start: 0, bytes: 600, cut: false },
      { start: 600, bytes: 200, cut: false },
      { start: 800, bytes: 200, cut: false },
    ]);
  });

  it('keeps the bytes that arrived before a connection broke mid-body', async () => {
    const content = randomBytes(2 * 1024 * 1024);
    const s = UploadSession.parse((await open(content)).body);
    sim.attachments.updateSettings({ midBodyResetRate: 1 });
    const broken = await new Promise<string>((resolve) => {
      const req = request(`${sim.url}/api/v1/upload-sessions/${s.id}/content`, {
        method: 'PUT',
        headers: {
          ...bearer,
          'content-type': 'application/octet-stream',
          'content-length': String(content.length),
          'content-range': `bytes 0-${content.length - 1}/${content.length}`,
        },
      });
      req.on('error', (e) => resolve((e as NodeJS.ErrnoException).code ?? 'error'));
      req.on('response', (res) => resolve(String(res.statusCode)));
      req.end(content);
    });
    expect(broken).toMatch(/ECONNRESET|EPIPE|socket hang up|error/);
    sim.attachments.updateSettings({ midBodyResetRate: 0 });
    const held = UploadSession.parse((await get(s.id)).body).receivedBytes;
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThan(content.length);
    await put(s.id, content.subarray(held), held, content.length);
    expect(Attachment.parse((await complete(s.id)).body).sha256).toBe(sha(content));
  });

  it('refuses to attach bytes that do not match the declared SHA-256, and drops the session', async () => {
    const content = randomBytes(500);
    const s = UploadSession.parse((await open(content)).body);
    await put(s.id, randomBytes(500), 0, 500);
    const refused = await complete(s.id);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'hash_mismatch' });
    expect((await get(s.id)).status).toBe(404);
    expect(sim.attachments.findAttachments(s.correlationRef)).toEqual([]);
  });

  it('refuses what the policy does not allow, an unknown issue and a bad Content-Range', async () => {
    sim.attachments.updateSettings({ maxBytes: 1000, allowedContentTypes: ['application/pdf'] });
    expect((await open(randomBytes(2000))).status).toBe(413);
    expect((await open(randomBytes(10), {}, { contentType: 'image/png' })).status).toBe(415);
    const unknown = await call(
      `${sim.url}/api/v1/issues/ISS-NOPE/upload-sessions`,
      jsonInit(
        'POST',
        {
          name: 'a.pdf',
          contentType: 'application/pdf',
          sizeBytes: 1,
          sha256: sha(Buffer.alloc(1)),
          correlationRef: 'pd:doc:x:1',
        },
        bearer,
      ),
    );
    expect(unknown.status).toBe(404);
    const s = UploadSession.parse((await open(randomBytes(100))).body);
    expect((await put(s.id, randomBytes(10), 0, 100, 'bytes 0-9/999')).status).toBe(400);
    expect((await put(s.id, randomBytes(10), 0, 100, 'items 0-9')).status).toBe(400);
  });

  it('replays a session for a repeated Idempotency-Key only when keys are honoured', async () => {
    const content = randomBytes(50);
    const key = { 'idempotency-key': `key-${randomBytes(4).toString('hex')}` };
    const a = UploadSession.parse((await open(content, key, { correlationRef: 'pd:doc:test:replay' })).body);
    const b = await open(content, key, { correlationRef: 'pd:doc:test:replay' });
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(b.body).toMatchObject({ id: a.id });
    sim.updateSettings({ honourIdempotencyKeys: false });
    try {
      const c = UploadSession.parse(
        (await open(content, key, { correlationRef: 'pd:doc:test:replay' })).body,
      );
      expect(c.id).not.toBe(a.id);
    } finally {
      sim.updateSettings({ honourIdempotencyKeys: true });
    }
  });

  it('forgets a session once it expires', async () => {
    sim.attachments.updateSettings({ sessionTtlSeconds: 60 });
    const s = UploadSession.parse((await open(randomBytes(10))).body);
    now += 61_000;
    expect((await get(s.id)).status).toBe(404);
    expect(sim.attachments.findSessions(s.correlationRef)).toEqual([]);
    expect(sim.attachments.sessionHistory(s.correlationRef)).toHaveLength(1);
  });
});
