// How Partner Desk handles dispute documents (flow 2): which file types it recognises and how it tells
// them apart (extension AND content), the policy it assumes while Trading Grid cannot be asked, and how
// it streams uploads. Validated on load like every other setting; each field has a default.
import { z } from 'zod';
import { settingsObject } from './strictSettings.ts';
import { ContentType } from '../domain/document.ts';

/** What the first bytes of a file must look like for its extension to be believed. */
export const FileSignature = z.enum([
  'pdf',
  'png',
  'jpeg',
  'gif',
  'tiff',
  'webp',
  'zip',
  'ole',
  'text',
  'xml',
]);
export type FileSignature = z.infer<typeof FileSignature>;

export const FileTypeRule = settingsObject({
  /** Lower-case extensions without the dot. */
  extensions: z
    .array(z.string().regex(/^[a-z0-9]{1,10}$/, 'a lower-case extension without the dot'))
    .min(1)
    .max(20),
  contentType: ContentType,
  /** What a person calls it: "PDF document". */
  label: z.string().min(1).max(64),
  signature: FileSignature,
});
export type FileTypeRule = z.infer<typeof FileTypeRule>;

const OOXML = 'application/vnd.openxmlformats-officedocument';

export const DEFAULT_FILE_TYPES: FileTypeRule[] = [
  { extensions: ['pdf'], contentType: 'application/pdf', label: 'PDF document', signature: 'pdf' },
  { extensions: ['png'], contentType: 'image/png', label: 'PNG image', signature: 'png' },
  { extensions: ['jpg', 'jpeg'], contentType: 'image/jpeg', label: 'JPEG image', signature: 'jpeg' },
  { extensions: ['gif'], contentType: 'image/gif', label: 'GIF image', signature: 'gif' },
  { extensions: ['tif', 'tiff'], contentType: 'image/tiff', label: 'TIFF image', signature: 'tiff' },
  { extensions: ['webp'], contentType: 'image/webp', label: 'WebP image', signature: 'webp' },
  { extensions: ['txt', 'edi', 'x12'], contentType: 'text/plain', label: 'text file', signature: 'text' },
  { extensions: ['csv'], contentType: 'text/csv', label: 'CSV file', signature: 'text' },
  { extensions: ['xml'], contentType: 'application/xml', label: 'XML file', signature: 'xml' },
  { extensions: ['eml'], contentType: 'message/rfc822', label: 'e-mail message', signature: 'text' },
  { extensions: ['zip'], contentType: 'application/zip', label: 'ZIP archive', signature: 'zip' },
  { extensions: ['doc'], contentType: 'application/msword', label: 'Word document', signature: 'ole' },
  { extensions: ['xls'], contentType: 'application/vnd.ms-excel', label: 'Excel workbook', signature: 'ole' },
  {
    extensions: ['docx'],
    contentType: `${OOXML}.wordprocessingml.document`,
    label: 'Word document',
    signature: 'zip',
  },
  {
    extensions: ['xlsx'],
    contentType: `${OOXML}.spreadsheetml.sheet`,
    label: 'Excel workbook',
    signature: 'zip',
  },
];

export const AssumedAttachmentPolicy = settingsObject({
  maxBytes: z
    .number()
    .int()
    .positive()
    .default(1024 ** 3),
  allowedContentTypes: z
    .array(ContentType)
    .min(1)
    .default(() => [...new Set(DEFAULT_FILE_TYPES.map((t) => t.contentType))]),
});

export const DocumentSettings = settingsObject({
  /** Bytes per chunk request (capped by Trading Grid's maxChunkBytes): what a broken connection costs. */
  chunkBytes: z
    .number()
    .int()
    .min(64 * 1024)
    .max(256 * 1024 * 1024)
    .default(8 * 1024 * 1024),
  /** How long Trading Grid's published attachment policy is trusted before it is read again. */
  policyCacheMs: z.number().int().min(1000).max(86_400_000).default(600_000),
  /** Used only while Trading Grid's own policy cannot be read; Trading Grid checks again on upload. */
  assumedPolicy: AssumedAttachmentPolicy.prefault({}),
  fileTypes: z
    .array(FileTypeRule)
    .min(1)
    .max(200)
    .default(() => DEFAULT_FILE_TYPES)
    .refine(
      (rules) =>
        new Set(rules.flatMap((r) => r.extensions)).size === rules.flatMap((r) => r.extensions).length,
      'each extension may appear in one file type only',
    ),
  /**
   * Largest file a person may drop on a case: the desk's own limit, below what Trading Grid takes (to
   * keep huge scans off a slow line, say). Null leaves it to Trading Grid's published limit alone.
   */
  maxFileBytes: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).nullable().default(null),
  /** Longest file name kept (characters); longer names are shortened, keeping the extension. */
  maxNameChars: z.number().int().min(16).max(240).default(150),
  /** Files one drop may carry. */
  maxFilesPerUpload: z.number().int().min(1).max(10_000).default(500),
  /** Chunk requests that may fail in a row without progress before the attempt goes back to the outbox. */
  stallRetries: z.number().int().min(0).max(50).default(5),
  /** First wait before a chunk is sent again (doubling each time, at most 5 s, or what Retry-After asks). */
  chunkRetryBaseMs: z.number().int().min(1).max(5_000).default(250),
  /** Least time between two progress reports of one upload. */
  progressIntervalMs: z.number().int().min(10).max(10_000).default(200),
});
export type DocumentSettings = z.infer<typeof DocumentSettings>;
