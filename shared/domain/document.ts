// Dispute documents (flow 2): the supporting documents xConnector lists for a dispute, and Trading
// Grid's resumable upload sessions and the attachments they produce on an issue.
import { z } from 'zod';
import { CorrelationRef, Id, IsoDateTime } from './primitives.ts';

/** Lower-case hex SHA-256 of the whole content: the identity of "the same bytes". */
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a lower-case hex SHA-256 digest');

/** A MIME type such as `application/pdf` (parameters are not used here). */
export const ContentType = z
  .string()
  .max(127)
  .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/, 'a type/subtype MIME type');

/** A file name as a remote system sends it: untrusted, sanitised before Partner Desk uses it. */
export const RemoteFileName = z.string().min(1).max(1024);

export const DisputeDocumentKind = z.enum([
  'purchase_order',
  'invoice',
  'packing_slip',
  'proof_of_delivery',
  'other',
]);
export type DisputeDocumentKind = z.infer<typeof DisputeDocumentKind>;

/** One supporting document of a dispute, as xConnector's documents feed lists it. */
export const DisputeDocument = z.object({
  id: Id,
  /** The exception (case) the dispute is about. */
  exceptionId: Id,
  partnerId: Id,
  kind: DisputeDocumentKind,
  name: RemoteFileName,
  contentType: ContentType,
  sizeBytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  sha256: Sha256,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type DisputeDocument = z.infer<typeof DisputeDocument>;

/** What Trading Grid accepts as an attachment. Partner Desk checks files against it before sending. */
export const AttachmentPolicy = z.object({
  maxBytes: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  allowedContentTypes: z.array(ContentType).min(1).max(200),
  /** Largest body one chunk request may carry; Partner Desk sends chunks no larger. */
  maxChunkBytes: z.number().int().min(65_536).max(Number.MAX_SAFE_INTEGER).optional(),
});
export type AttachmentPolicy = z.infer<typeof AttachmentPolicy>;

export const NewUploadSession = z.object({
  /** The sanitised name the attachment will carry. */
  name: z.string().min(1).max(255),
  /** The name as the person or xConnector gave it, kept as metadata. */
  originalName: z.string().max(1024).optional(),
  contentType: ContentType,
  sizeBytes: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  sha256: Sha256,
  correlationRef: CorrelationRef,
});
export type NewUploadSession = z.infer<typeof NewUploadSession>;

export const UploadSession = NewUploadSession.extend({
  id: Id,
  issueId: Id,
  /** Bytes Trading Grid holds so far: the offset the next chunk must start at. */
  receivedBytes: z.number().int().min(0),
  state: z.enum(['open', 'completed']),
  /** Set once the session completed into an attachment. */
  attachmentId: Id.nullable(),
  createdAt: IsoDateTime,
  expiresAt: IsoDateTime,
});
export type UploadSession = z.infer<typeof UploadSession>;

export const Attachment = z.object({
  id: Id,
  issueId: Id,
  name: z.string().min(1).max(255),
  originalName: z.string().max(1024).optional(),
  contentType: ContentType,
  sizeBytes: z.number().int().min(0),
  sha256: Sha256,
  correlationRef: CorrelationRef,
  createdAt: IsoDateTime,
});
export type Attachment = z.infer<typeof Attachment>;
