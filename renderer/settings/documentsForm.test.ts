// The documents editor's form: limits typed in megabytes and file types typed as lists become document
// settings the shared schema accepts; what it cannot read, or the schema refuses, lands at its field.
import { describe, expect, it } from 'vitest';
import { AppSettings, defaultAppSettings } from '../../shared/config/appSettings.ts';
import { errorsAt, formFromSettings, settingsFromForm, unplacedErrors } from '../lib/settingsForm.ts';
import type { SettingsForm } from '../lib/settingsForm.ts';
import { emptyFileType, type DocumentsForm } from './documentsForm.ts';

const MB = 1024 * 1024;
const form = () => formFromSettings(defaultAppSettings());
const withDocuments = (change: (d: DocumentsForm) => Partial<DocumentsForm>): SettingsForm => {
  const f = form();
  return { ...f, documents: { ...f.documents, ...change(f.documents) } };
};

describe('the documents editor', () => {
  it('shows sizes in MB, lists with commas, and saves an untouched form as it was loaded', () => {
    const f = form();
    expect(f.documents).toMatchObject({
      maxFileMegabytes: '',
      maxFilesPerUpload: '500',
      chunkMegabytes: '8',
      assumedMaxMegabytes: '1024',
    });
    expect(f.documents.fileTypes[2]).toMatchObject({
      label: 'JPEG image',
      extensions: 'jpg, jpeg',
      contentType: 'image/jpeg',
      signature: 'jpeg',
    });
    const { settings, errors } = settingsFromForm(f);
    expect(errors).toEqual({});
    expect(AppSettings.parse(settings).documents).toEqual(defaultAppSettings().documents);
  });

  it('saves the desk’s own size limit in bytes, and an emptied field as no limit of its own', () => {
    const limited = settingsFromForm(withDocuments(() => ({ maxFileMegabytes: '1.5' })));
    expect(limited.errors).toEqual({});
    expect(limited.settings.documents?.maxFileBytes).toBe(1.5 * MB);
    const cleared = settingsFromForm(withDocuments(() => ({ maxFileMegabytes: '  ' })));
    expect(cleared.settings.documents?.maxFileBytes).toBeNull();
  });

  it('refuses a limit that is not a size, or out of the schema’s range, at its field', () => {
    const { errors } = settingsFromForm(
      withDocuments(() => ({
        maxFileMegabytes: '0',
        maxFilesPerUpload: '0',
        maxNameChars: 'long',
        chunkMegabytes: '512',
        assumedMaxMegabytes: '-1',
      })),
    );
    expect(errorsAt(errors, 'documents.maxFileBytes')).toEqual(['enter a size in MB above 0, e.g. 25']);
    expect(errorsAt(errors, 'documents.maxFilesPerUpload')).toEqual(['Too small: expected number to be >=1']);
    expect(errorsAt(errors, 'documents.maxNameChars')).toEqual(['"long" is not a number']);
    expect(errorsAt(errors, 'documents.chunkBytes')).toEqual(['enter a size from 0.0625 to 256 MB']);
    expect(errorsAt(errors, 'documents.assumedPolicy.maxBytes')).toEqual([
      'enter a size in MB above 0, e.g. 25',
    ]);
    // Each is shown at its field: none is left for the summary at the top of the form.
    expect(unplacedErrors(errors)).toEqual([]);
  });

  it('adds a file type, reading extensions without dots, and refuses one extension in two types', () => {
    const added = {
      ...emptyFileType(),
      label: 'HEIC photo',
      extensions: '.HEIC, heif',
      contentType: 'image/heic',
    };
    const ok = settingsFromForm(withDocuments((d) => ({ fileTypes: [...d.fileTypes, added] })));
    expect(ok.errors).toEqual({});
    expect(ok.settings.documents?.fileTypes?.at(-1)).toEqual({
      label: 'HEIC photo',
      extensions: ['heic', 'heif'],
      contentType: 'image/heic',
      signature: 'pdf',
    });

    const twice = { ...added, extensions: 'pdf' };
    const { errors } = settingsFromForm(withDocuments((d) => ({ fileTypes: [...d.fileTypes, twice] })));
    expect(errors['documents.fileTypes']).toEqual(['each extension may appear in one file type only']);
  });

  it('refuses a new file type left blank at its fields', () => {
    const f = withDocuments((d) => ({ fileTypes: [...d.fileTypes, emptyFileType()] }));
    const at = `documents.fileTypes[${f.documents.fileTypes.length - 1}]`;
    const { errors } = settingsFromForm(f);
    expect(errorsAt(errors, `${at}.label`)).not.toEqual([]);
    expect(errorsAt(errors, `${at}.extensions`)).not.toEqual([]);
    expect(errorsAt(errors, `${at}.contentType`)).toEqual(['a type/subtype MIME type']);
  });

  it('keeps what it does not edit (upload retries, progress pacing, policy cache)', () => {
    const base = defaultAppSettings();
    base.documents = { ...base.documents, stallRetries: 9, progressIntervalMs: 50, policyCacheMs: 5000 };
    const { settings } = settingsFromForm(formFromSettings(base));
    expect(settings.documents).toMatchObject({
      stallRetries: 9,
      progressIntervalMs: 50,
      policyCacheMs: 5000,
    });
  });
});
