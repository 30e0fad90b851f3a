// One chunk request's body going into an upload session: bytes already received are skipped (a resent
// chunk), bytes past the declared size are ignored, each byte is hashed as it arrives and never
// buffered whole, and whatever arrived before the connection broke is kept. Optionally read at a
// set rate, or cut partway through, as a flaky network would.
import type { Hash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { UploadSession } from '../../../shared/domain/document.ts';

/** One chunk request as it arrived: where its bytes were appended, how many, and whether it was cut. */
export interface ChunkRecord {
  start: number;
  bytes: number;
  cut: boolean;
}

export interface SessionRecord {
  session: UploadSession;
  hash: Hash;
  content: Buffer[] | null;
  chunks: ChunkRecord[];
  /** True while a chunk request is writing: a second one at the same time is refused (409). */
  busy: boolean;
  /** Expired, or dropped after its bytes did not match: unknown to clients, kept for the history. */
  gone: boolean;
}

export interface IntakePlan {
  /** Cut the connection once this many bytes of the request were taken; null never cuts. */
  cutAfter: number | null;
  /** Read the body at this many bytes per second; null reads as fast as it comes. */
  bytesPerSecond: number | null;
}

export interface IntakeEvents {
  /** Bytes appended to the session. */
  received(bytes: number): void;
  /** The planned cut happened (the connection is to be destroyed). */
  cut(): void;
}

/** Takes the body of one chunk request that starts at `start` into the session, logging it. */
export async function takeChunk(
  record: SessionRecord,
  start: number,
  body: AsyncIterable<Buffer>,
  plan: IntakePlan,
  events: IntakeEvents,
): Promise<void> {
  const s = record.session;
  record.busy = true;
  const log: ChunkRecord = { start: s.receivedBytes, bytes: 0, cut: false };
  record.chunks.push(log);
  let skip = s.receivedBytes - start;
  const began = performance.now();
  try {
    for await (const raw of body) {
      let chunk = raw;
      if (skip > 0) {
        const dropped = Math.min(skip, chunk.length);
        skip -= dropped;
        chunk = chunk.subarray(dropped);
      }
      const room = s.sizeBytes - s.receivedBytes;
      if (chunk.length > room) chunk = chunk.subarray(0, room);
      if (plan.cutAfter !== null && log.bytes + chunk.length >= plan.cutAfter) {
        append(record, log, chunk.subarray(0, Math.max(0, plan.cutAfter - log.bytes)), events);
        log.cut = true;
        events.cut();
        return;
      }
      append(record, log, chunk, events);
      if (plan.bytesPerSecond !== null) {
        const due = (log.bytes / plan.bytesPerSecond) * 1000 - (performance.now() - began);
        if (due > 1) await sleep(due);
      }
    }
  } catch {
    // The client went away mid-body: what arrived is kept, and the session says how much.
  } finally {
    record.busy = false;
  }
}

function append(record: SessionRecord, log: ChunkRecord, chunk: Buffer, events: IntakeEvents): void {
  if (chunk.length === 0) return;
  record.hash.update(chunk);
  record.content?.push(Buffer.from(chunk));
  record.session.receivedBytes += chunk.length;
  log.bytes += chunk.length;
  events.received(chunk.length);
}
