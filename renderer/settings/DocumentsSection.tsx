// Flow 2: what the desk takes as dispute documents. The desk's own size limit and the drop's file count
// apply to files a person drops on a case; the file types (judged by extension AND content) apply to
// every document; the assumed policy stands in for Trading Grid's only while Trading Grid cannot be
// asked. A saved change restarts the engine on the new limits.
import { errorsAt, leftoverErrors } from '../lib/settingsForm.ts';
import { ErrorList, NumberField, SelectField, TextField } from './fields.tsx';
import { EditableList } from './EditableList.tsx';
import { fieldErrorsOf, ListItemCard, type ListItemProps } from './ListItemCard.tsx';
import {
  DOCUMENT_PATHS,
  DOCUMENTS_PATH,
  emptyFileType,
  fileTypePath,
  SIGNATURES,
  type DocumentsForm,
  type FileTypeRow,
  type Signature,
} from './documentsForm.ts';
import type { SectionProps } from './sectionProps.ts';

const SIGNATURE_NAMES: Record<Signature, string> = {
  pdf: 'a PDF document',
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  gif: 'a GIF image',
  tiff: 'a TIFF image',
  webp: 'a WebP image',
  zip: 'a ZIP archive (also .docx, .xlsx)',
  ole: 'an older Office file (.doc, .xls)',
  text: 'plain text',
  xml: 'XML',
};
const SIGNATURE_OPTIONS = SIGNATURES.map((s) => ({ value: s, label: SIGNATURE_NAMES[s] }));

function FileTypeFields(item: ListItemProps<FileTypeRow>) {
  const { row, index, change } = item;
  const path = fileTypePath(index);
  const at = fieldErrorsOf(item.errors, path);
  return (
    <ListItemCard
      title={`File type ${index + 1}`}
      path={path}
      fields={['label', 'extensions', 'contentType', 'signature']}
      what={`file type ${index + 1}${row.label ? ` (${row.label})` : ''}`}
      item={item}
      movable={false}
    >
      <div className="field-row">
        <TextField
          label="Name"
          hint="What a person calls it, e.g. PDF document."
          errors={at('label')}
          maxLength={64}
          value={row.label}
          onChange={(label) => change({ label })}
        />
        <TextField
          label="Extensions"
          hint="Without the dot, with commas, e.g. jpg, jpeg."
          errors={at('extensions')}
          value={row.extensions}
          onChange={(extensions) => change({ extensions })}
        />
        <TextField
          label="MIME type"
          hint="Sent to Trading Grid, e.g. application/pdf."
          errors={at('contentType')}
          maxLength={127}
          value={row.contentType}
          onChange={(contentType) => change({ contentType })}
        />
        <SelectField
          label="Content must be"
          hint="A file whose bytes say otherwise is refused."
          errors={at('signature')}
          value={row.signature}
          options={SIGNATURE_OPTIONS}
          onChange={(signature) => change({ signature })}
        />
      </div>
    </ListItemCard>
  );
}

export function DocumentsSection({ form, errors, edit }: SectionProps) {
  const documents = form.documents;
  const set = (change: Partial<DocumentsForm>) => edit({ documents: { ...documents, ...change } });
  const P = DOCUMENT_PATHS;
  const rowPaths = documents.fileTypes.map((_, i) => fileTypePath(i));
  return (
    <fieldset className="settings-section" aria-describedby="documents-help">
      <legend>Documents</legend>
      <p id="documents-help" className="hint">
        What can be attached to a case as a dispute document. Files are judged by their name and their
        content; Trading Grid&apos;s own limits apply as well.
      </p>
      <ErrorList errors={leftoverErrors(errors, DOCUMENTS_PATH, Object.values(P))} />
      <div className="field-row">
        <NumberField
          label="Largest file to drop on a case (MB)"
          hint="Leave empty to take what Trading Grid takes."
          errors={errorsAt(errors, P.maxFileBytes)}
          min={0}
          step="any"
          value={documents.maxFileMegabytes}
          onChange={(maxFileMegabytes) => set({ maxFileMegabytes })}
        />
        <NumberField
          label="Files in one drop"
          errors={errorsAt(errors, P.maxFilesPerUpload)}
          min={1}
          max={10_000}
          value={documents.maxFilesPerUpload}
          onChange={(maxFilesPerUpload) => set({ maxFilesPerUpload })}
        />
        <NumberField
          label="Longest file name (characters)"
          hint="Longer names are shortened, keeping the extension."
          errors={errorsAt(errors, P.maxNameChars)}
          min={16}
          max={240}
          value={documents.maxNameChars}
          onChange={(maxNameChars) => set({ maxNameChars })}
        />
        <NumberField
          label="Upload chunk size (MB)"
          hint="What a broken connection costs to send again."
          errors={errorsAt(errors, P.chunkBytes)}
          min={0.0625}
          max={256}
          step="any"
          value={documents.chunkMegabytes}
          onChange={(chunkMegabytes) => set({ chunkMegabytes })}
        />
      </div>

      <h3>While Trading Grid&apos;s limits cannot be read</h3>
      <div className="field-row">
        <NumberField
          label="Assumed largest file (MB)"
          hint="Trading Grid checks again when the upload starts."
          errors={errorsAt(errors, P.assumedMaxBytes)}
          min={0}
          step="any"
          value={documents.assumedMaxMegabytes}
          onChange={(assumedMaxMegabytes) => set({ assumedMaxMegabytes })}
        />
        <TextField
          label="Assumed accepted MIME types"
          hint="With commas, e.g. application/pdf, image/png."
          errors={errorsAt(errors, P.assumedTypes)}
          value={documents.assumedContentTypes}
          onChange={(assumedContentTypes) => set({ assumedContentTypes })}
        />
      </div>

      <h3>File types</h3>
      <p className="hint">A file whose extension is not listed here is refused.</p>
      <ErrorList errors={leftoverErrors(errors, P.fileTypes, rowPaths)} />
      <EditableList
        rows={documents.fileTypes}
        errors={errors}
        onChange={(fileTypes) => set({ fileTypes })}
        newRow={emptyFileType}
        addLabel="Add file type"
        renderItem={(item) => <FileTypeFields {...item} />}
      />
    </fieldset>
  );
}
