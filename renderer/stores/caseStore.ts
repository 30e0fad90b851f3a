// The case open beside the inbox: its detail (timeline, documents), the files dropped on it with their
// progress, and the reply being sent. Upload rows are kept per case, so leaving a case and coming back
// still shows what happened to its files.
import { create } from 'zustand';
import type { CaseDetail, Outcome, UploadProgress } from '../../shared/ipc/dto.ts';
import { invoke, pathsForDroppedFiles } from '../api/desk.ts';
import { addUploadResult, applyUploadProgress, type UploadRow } from '../lib/uploadRows.ts';

interface CaseState {
  caseId: string | null;
  detail: CaseDetail | null;
  loading: boolean;
  /** The case could not be loaded (or no longer exists). */
  error: string | null;
  uploadsByCase: Record<string, UploadRow[]>;
  /** A drop that failed as a whole (the bridge could not read the files, the engine refused the call). */
  dropError: string | null;
  replySending: boolean;
  replyOutcome: Outcome | null;
  open(caseId: string | null): void;
  reload(): Promise<void>;
  drop(files: File[]): Promise<void>;
  applyProgress(progress: UploadProgress): void;
  reply(text: string): Promise<boolean>;
}

export const useCase = create<CaseState>()((set, get) => ({
  caseId: null,
  detail: null,
  loading: false,
  error: null,
  uploadsByCase: {},
  dropError: null,
  replySending: false,
  replyOutcome: null,

  open(caseId) {
    if (caseId === get().caseId) return;
    set({ caseId, detail: null, error: null, dropError: null, replyOutcome: null, loading: caseId !== null });
    if (caseId !== null) void get().reload();
  },

  async reload() {
    const caseId = get().caseId;
    if (caseId === null) return;
    try {
      const detail = await invoke('cases:get', { caseId });
      if (get().caseId !== caseId) return;
      set({
        detail,
        loading: false,
        error: detail === null ? `Case ${caseId} was not found: it may have been removed.` : null,
      });
    } catch (error) {
      if (get().caseId === caseId) set({ loading: false, error: (error as Error).message });
    }
  },

  async drop(files) {
    const caseId = get().caseId;
    if (caseId === null || files.length === 0) return;
    set({ dropError: null });
    try {
      const paths = await pathsForDroppedFiles(files);
      if (paths.length === 0) {
        set({
          dropError: 'None of the dropped items is a file that can be read (folders cannot be attached).',
        });
        return;
      }
      const result = await invoke('documents:upload', { caseId, paths });
      set((s) => ({
        uploadsByCase: {
          ...s.uploadsByCase,
          [caseId]: addUploadResult(s.uploadsByCase[caseId] ?? [], result),
        },
      }));
    } catch (error) {
      set({ dropError: `The files were not uploaded: ${(error as Error).message}` });
    }
  },

  applyProgress(progress) {
    set((s) => ({
      uploadsByCase: {
        ...s.uploadsByCase,
        [progress.caseId]: applyUploadProgress(s.uploadsByCase[progress.caseId] ?? [], progress),
      },
    }));
  },

  async reply(text) {
    const caseId = get().caseId;
    if (caseId === null) return false;
    set({ replySending: true, replyOutcome: null });
    let outcome: Outcome;
    try {
      outcome = await invoke('cases:reply', { caseId, text });
    } catch (error) {
      outcome = { ok: false, message: (error as Error).message };
    }
    if (get().caseId !== caseId) return outcome.ok;
    set({ replySending: false, replyOutcome: outcome });
    if (outcome.ok) void get().reload();
    return outcome.ok;
  },
}));
