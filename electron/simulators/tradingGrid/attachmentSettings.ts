// The attachment policy Trading Grid publishes and how the simulator receives uploads (throttled,
// with connections cut mid-body, keeping small files' bytes for tests), checked with zod so a test or
// the admin endpoint cannot set something the simulator would misread.
import { z } from 'zod';
import { ContentType } from '../../../shared/domain/document.ts';

export const AttachmentSimSettings = z
  .object({
    maxBytes: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    allowedContentTypes: z.array(ContentType).min(1).max(200),
    maxChunkBytes: z.number().int().min(65_536).max(Number.MAX_SAFE_INTEGER),
    sessionTtlSeconds: z
      .number()
      .int()
      .min(1)
      .max(30 * 86_400),
    /** Bytes per second a chunk body is read at; null reads as fast as the client sends. */
    receiveBytesPerSecond: z.number().int().min(1024).nullable(),
    /** Share of chunk requests whose connection is cut partway through the body (bytes so far are kept). */
    midBodyResetRate: z.number().min(0).max(1),
    /** Attachments up to this size keep their bytes, so tests can compare them. */
    keepContentBytes: z
      .number()
      .int()
      .min(0)
      .max(256 * 1024 * 1024),
  })
  .strict();
export type AttachmentSimSettings = z.infer<typeof AttachmentSimSettings>;

export const DEFAULT_ATTACHMENT_SETTINGS: AttachmentSimSettings = {
  maxBytes: 1024 ** 3,
  allowedContentTypes: [
    'application/pdf',
    'image/png',
    'image/jpeg',
    'image/gif',
    'image/tiff',
    'image/webp',
    'text/plain',
    'text/csv',
    'application/xml',
    'application/zip',
    'application/msword',
    'application/vnd.ms-excel',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'message/rfc822',
  ],
  maxChunkBytes: 64 * 1024 * 1024,
  sessionTtlSeconds: 86_400,
  receiveBytesPerSecond: null,
  midBodyResetRate: 0,
  keepContentBytes: 8 * 1024 * 1024,
};
