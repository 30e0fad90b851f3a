// Whether a document may go to Trading Grid, judged at upload time with the settings and the attachment
// policy in force then (both may have changed since it was queued): its type must be one the desk
// recognises, and its size and type ones Trading Grid accepts. A refusal is final for the document.
import type { FileTypeRule } from '../../shared/config/documentSettings.ts';
import type { AttachmentPolicy } from '../../shared/domain/document.ts';
import { refusalByPolicy } from './attachmentRules.ts';
import { extensionOf } from './fileTypes.ts';
import type { PolicyCache } from './policyCache.ts';

export type Acceptance =
  { ok: true; rule: FileTypeRule; policy: AttachmentPolicy } | { ok: false; reason: string };

export async function acceptance(
  file: { name: string; sizeBytes: number },
  fileTypes: readonly FileTypeRule[],
  policies: PolicyCache,
  signal: AbortSignal,
): Promise<Acceptance> {
  const rule = fileTypes.find((t) => t.extensions.includes(extensionOf(file.name)));
  if (!rule) return { ok: false, reason: `Files like "${file.name}" are not accepted as case documents.` };
  const { policy } = await policies.get(signal);
  const refusal = refusalByPolicy(
    { sizeBytes: file.sizeBytes, contentType: rule.contentType, label: rule.label },
    policy,
  );
  if (refusal) return { ok: false, reason: refusal };
  return { ok: true, rule, policy };
}
