// The document-limits editor's form (flow 2): sizes typed in megabytes, lists with commas, and the file
// types the desk takes, each told apart by extension and content — and back as document settings.
// Upload tuning that a person has no reason to touch (retries, progress pacing, how long Trading Grid's
// policy is trusted) is not edited here and passes through unchanged. What the form cannot read gets a
// message at its field; the rest is judged by the shared schema, whose messages land at the same paths.
import {
  FileSignature,
  type DocumentSettings,
  type FileTypeRule,
} from '../../shared/config/documentSettings.ts';
import type { z } from 'zod';
import { addError, listFromText, listToText, readNumber, readWhole } from './formText.ts';
import type { FieldErrors } from './formText.ts';

export type Signature = (typeof FileSignature.options)[number];
export const SIGNATURES: readonly Signature[] = FileSignature.options;

export const DOCUMENTS_PATH = 'documents';
export const DOCUMENT_PATHS = {
  maxFileBytes: 'documents.maxFileBytes',
  maxFilesPerUpload: 'documents.maxFilesPerUpload',
  maxNameChars: 'documents.maxNameChars',
  chunkBytes: 'documents.chunkBytes',
  assumedMaxBytes: 'documents.assumedPolicy.maxBytes',
  assumedTypes: 'documents.assumedPolicy.allowedContentTypes',
  fileTypes: 'documents.fileTypes',
} as const;
export const fileTypePath = (i: number) => `${DOCUMENT_PATHS.fileTypes}[${i}]`;

export interface FileTypeRow {
  key: number;
  label: string;
  /** "jpg, jpeg" */
  extensions: string;
  contentType: string;
  signature: Signature;
}

export interface DocumentsForm {
  /** The document settings as loaded: what the form does not edit is kept from here. */
  base: DocumentSettings;
  /** Empty: Trading Grid's published limit alone decides. */
  maxFileMegabytes: string;
  maxFilesPerUpload: string;
  maxNameChars: string;
  chunkMegabytes: string;
  assumedMaxMegabytes: string;
  /** MIME types, separated by commas. */
  assumedContentTypes: string;
  fileTypes: FileTypeRow[];
}

const MB = 1024 * 1024;
/** The schema's chunk bounds (64 KB to 256 MB), in the unit the field is typed in. */
const CHUNK_MB = { min: 0.0625, max: 256 };

let nextKey = 0;
const newKey = () => nextKey++;

/** Bytes as megabytes without a trail of decimals: 1.5 MB stays "1.5", 64 KB reads "0.0625". */
const megabytes = (bytes: number) => String(Math.round((bytes / MB) * 10_000) / 10_000);

export function documentsFormFrom(d: DocumentSettings): DocumentsForm {
  return {
    base: d,
    maxFileMegabytes: d.maxFileBytes === null ? '' : megabytes(d.maxFileBytes),
    maxFilesPerUpload: String(d.maxFilesPerUpload),
    maxNameChars: String(d.maxNameChars),
    chunkMegabytes: megabytes(d.chunkBytes),
    assumedMaxMegabytes: megabytes(d.assumedPolicy.maxBytes),
    assumedContentTypes: listToText(d.assumedPolicy.allowedContentTypes),
    fileTypes: d.fileTypes.map((t) => ({
      key: newKey(),
      label: t.label,
      extensions: listToText(t.extensions),
      contentType: t.contentType,
      signature: t.signature,
    })),
  };
}

export function emptyFileType(): FileTypeRow {
  return { key: newKey(), label: '', extensions: '', contentType: '', signature: 'pdf' };
}

/**
 * A size typed in megabytes, as bytes; NaN (with a message at `path`) when it is not one. Without a
 * range any size above 0 will do; the schema's own bounds are in bytes, so they are said here in MB.
 */
function readMegabytes(
  text: string,
  path: string,
  errors: FieldErrors,
  range?: { min: number; max: number },
): number {
  const n = readNumber(text);
  if (typeof n === 'string') {
    addError(errors, path, n);
    return NaN;
  }
  if (range ? n < range.min || n > range.max : n <= 0) {
    addError(
      errors,
      path,
      range ? `enter a size from ${range.min} to ${range.max} MB` : 'enter a size in MB above 0, e.g. 25',
    );
    return NaN;
  }
  return Math.round(n * MB);
}

type DocumentSettingsInput = z.input<typeof DocumentSettings>;

export function documentsFromForm(form: DocumentsForm, errors: FieldErrors): DocumentSettingsInput {
  const { base } = form;
  const P = DOCUMENT_PATHS;
  return {
    ...base,
    maxFileBytes:
      form.maxFileMegabytes.trim() === ''
        ? null
        : readMegabytes(form.maxFileMegabytes, P.maxFileBytes, errors),
    maxFilesPerUpload: readWhole(form.maxFilesPerUpload, P.maxFilesPerUpload, errors),
    maxNameChars: readWhole(form.maxNameChars, P.maxNameChars, errors),
    chunkBytes: readMegabytes(form.chunkMegabytes, P.chunkBytes, errors, CHUNK_MB),
    assumedPolicy: {
      maxBytes: readMegabytes(form.assumedMaxMegabytes, P.assumedMaxBytes, errors),
      allowedContentTypes: listFromText(form.assumedContentTypes) ?? [],
    },
    fileTypes: form.fileTypes.map((row): FileTypeRule => ({
      label: row.label.trim(),
      extensions: (listFromText(row.extensions) ?? []).map((e) => e.replace(/^\./, '').toLowerCase()),
      contentType: row.contentType.trim().toLowerCase(),
      signature: row.signature,
    })),
  };
}
