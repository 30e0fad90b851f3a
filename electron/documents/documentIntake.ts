// Files a person drops on a case. Each path is judged on its own and either queued for upload or
// refused with a reason a person can act on: not a file, unreadable, empty, too large (with the limit),
// a type Trading Grid does not take, a name that lies about the content, or the same bytes as a
// document already on the case. Each file is fingerprinted (SHA-256) by streaming it, so memory stays
// flat whatever its size; nothing is read twice into memory.
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { DocumentSettings } from '../../shared/config/documentSettings.ts';
import type { UnitOfWork } from '../flows/flowContext.ts';
import { queueDocument } from '../flows/documentQueue.ts';
import type { Store } from '../store/store.ts';
import { refusalByDeskLimit, refusalByPolicy } from './attachmentRules.ts';
import { fingerprintFile } from './contentHash.ts';
import { sanitizeFileName } from './fileNameSanitizer.ts';
import { fileProblem } from './fileProblems.ts';
import { inspectFile } from './fileInspection.ts';
import { detectFileType } from './fileTypes.ts';
import type { PolicyCache } from './policyCache.ts';
import type { ProgressReporter } from './progressReporter.ts';

export interface DropResult {
  accepted: { uploadId: string; name: string; sizeBytes: number }[];
  /** `uploadId` is the id of the file's `refused` or `duplicate` progress event. */
  refused: { name: string; reason: string; uploadId: string }[];
}

export interface DocumentIntakeDeps {
  store: Store;
  unit: UnitOfWork;
  settings: DocumentSettings;
  policies: PolicyCache;
  progress: ProgressReporter;
}

/** The last segment of a path from either operating system (a Windows path may reach a test on Linux). */
function lastSegment(path: string): string {
  const segments = path.split(/[\\/]/).filter((s) => s.length > 0);
  return segments.at(-1) ?? basename(path);
}

export function createDocumentIntake(deps: DocumentIntakeDeps) {
  const { settings } = deps;

  return {
    /** Judges and queues each dropped file; the result lists what was accepted and what was refused, and why. */
    async accept(caseId: string, paths: readonly string[]): Promise<DropResult> {
      const result: DropResult = { accepted: [], refused: [] };
      const refuse = (name: string, reason: string, state: 'refused' | 'duplicate' = 'refused', size = 0) => {
        const uploadId = `refused:${randomUUID()}`;
        result.refused.push({ name, reason, uploadId });
        deps.progress.report({
          uploadId,
          caseId,
          name,
          sentBytes: 0,
          totalBytes: size,
          state,
          message: reason,
        });
      };
      const names = paths.map((p) => sanitizeFileName(lastSegment(p), settings.maxNameChars).name);
      const theCase = deps.store.cases.get(caseId);
      if (!theCase) {
        for (const name of names) refuse(name, `There is no case ${caseId} in Partner Desk to attach it to.`);
        return result;
      }
      const { policy } = await deps.policies.get();

      for (const [i, path] of paths.entries()) {
        const name = names[i] as string;
        if (i >= settings.maxFilesPerUpload) {
          refuse(
            name,
            `Only ${settings.maxFilesPerUpload} files can be dropped at once; drop this one again afterwards.`,
          );
          continue;
        }
        const look = await inspectFile(path);
        if (!look.ok) {
          refuse(name, look.reason);
          continue;
        }
        const type = detectFileType(name, look.head, settings.fileTypes);
        if (!type.ok) {
          refuse(name, type.reason, 'refused', look.sizeBytes);
          continue;
        }
        const { rule } = type;
        const refusal =
          refusalByDeskLimit(look.sizeBytes, settings.maxFileBytes) ??
          refusalByPolicy(
            { sizeBytes: look.sizeBytes, contentType: rule.contentType, label: rule.label },
            policy,
          );
        if (refusal) {
          refuse(name, refusal, 'refused', look.sizeBytes);
          continue;
        }
        let fingerprint;
        try {
          fingerprint = await fingerprintFile(path, undefined, look.sizeBytes);
        } catch (error) {
          refuse(name, fileProblem(error), 'refused', look.sizeBytes);
          continue;
        }
        if (fingerprint.bytes !== look.sizeBytes) {
          refuse(name, 'The file changed while Partner Desk was reading it; drop it again once it is saved.');
          continue;
        }
        const uploadId = randomUUID();
        const queued = deps.unit.run((ctx) =>
          queueDocument(ctx, {
            uploadId,
            caseId,
            sha256: fingerprint.sha256,
            name,
            originalName: lastSegment(path).slice(0, 1024),
            contentType: rule.contentType,
            sizeBytes: fingerprint.bytes,
            source: 'desk',
            sourceRef: path,
            sourceMtimeMs: look.mtimeMs,
            kind: null,
          }),
        );
        if (queued.kind === 'duplicate') {
          const when =
            queued.existing.state === 'attached'
              ? 'is already attached to this case'
              : 'is already being attached to this case';
          refuse(
            name,
            `The same file ${when}${queued.existing.name === name ? '' : ` as "${queued.existing.name}"`}, so it was not added twice.`,
            'duplicate',
            fingerprint.bytes,
          );
          continue;
        }
        result.accepted.push({ uploadId, name, sizeBytes: fingerprint.bytes });
      }
      return result;
    },
  };
}
export type DocumentIntake = ReturnType<typeof createDocumentIntake>;
