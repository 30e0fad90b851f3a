// What crosses from the engine to the window. Plain data only: no secrets, ever (credentials appear
// only as "is one stored?" booleans).
export type SystemName = 'xconnector' | 'trading-grid';

export interface CaseSummary {
  id: string;
  partnerId: string;
  partnerName: string;
  title: string;
  type: string;
  status: string;
  priority: string;
  slaState: string;
  slaDueAt: number | null;
  tgIssueId: string | null;
  exceptionId: string | null;
  updatedAt: number;
}

export interface CaseTimelineEvent {
  id: number;
  kind: 'opened' | 'comment' | 'status' | 'escalation' | 'conflict' | 'document' | 'sync' | 'sla';
  origin: 'xconnector' | 'trading-grid' | 'desk' | 'engine';
  at: number;
  summary: string;
  detail: Record<string, unknown>;
}

export interface CaseDocument {
  id: string;
  name: string;
  originalName: string;
  sizeBytes: number;
  contentType: string;
  sha256: string;
  source: 'xconnector' | 'desk';
  state: 'uploading' | 'attached' | 'failed';
  attachedAt: number | null;
  /** Why it was not attached, in words (state 'failed'). */
  error?: string;
}

export interface CaseDetail {
  summary: CaseSummary;
  description: string;
  communityId: string | null;
  timeline: CaseTimelineEvent[];
  documents: CaseDocument[];
}

export interface CaseCounts {
  total: number;
  byStatus: Record<string, number>;
  bySlaState: Record<string, number>;
  /** SLA states of open cases only (closed ones keep their final state): what the tray counts. */
  openBySlaState: Record<string, number>;
  byType: Record<string, number>;
}

export interface DecodedErrorDto {
  source: string;
  level: string;
  code: string;
  codeList: string;
  known: boolean;
  summary: string;
  explanation: string;
  raw: string;
}

export interface FailedTransactionDto {
  id: string;
  partnerId: string;
  partnerName: string;
  standard: string;
  documentType: string;
  documentLabel: string;
  direction: string;
  controlNumber: string;
  status: string;
  rawStatus: string;
  errorSummary: string;
  errors: DecodedErrorDto[];
  updatedAt: string;
}

export interface SystemHealthDto {
  system: SystemName;
  state: 'idle' | 'ok' | 'degraded' | 'unreachable' | 'unauthorized';
  lastSuccessAt: number | null;
  lastErrorAt: number | null;
  lastError: string | null;
  consecutiveFailures: number;
  backoffUntil: number | null;
}

export interface SyncHealthDto {
  systems: SystemHealthDto[];
  outbox: { pending: number; dead: number; done: number };
  quarantined: number;
  paused: boolean;
}

export interface DeadLetterDto {
  id: number;
  operation: string;
  system: string;
  correlationRef: string;
  attempts: number;
  reason: string;
  updatedAt: number;
}

export interface PartnerDto {
  id: string;
  name: string;
}

export interface UploadProgress {
  uploadId: string;
  caseId: string;
  name: string;
  sentBytes: number;
  totalBytes: number;
  state: 'queued' | 'uploading' | 'attached' | 'failed' | 'refused' | 'duplicate';
  message?: string;
}

export interface UploadResult {
  accepted: { uploadId: string; name: string; sizeBytes: number }[];
  /** `uploadId` is the id the file's `refused`/`duplicate` progress event carries. */
  refused: { name: string; reason: string; uploadId: string }[];
}

/** The desktop app's sync engine process; `message` says what happened and what the app is doing about it. */
export interface EngineHostStateDto {
  state: 'starting' | 'ready' | 'restarting' | 'failed' | 'stopped';
  message: string | null;
}

export interface AppInfo {
  version: string;
  mode: 'demo' | 'live';
  platform: string;
}

export type Outcome = { ok: true } | { ok: false; message: string };
