// File-system failures of the settings store, worded for the person who has to fix them.

export interface SettingsStoreError {
  /** unwritable: the folder or file cannot be written; unreadable: the file exists but cannot be read. */
  kind: 'unwritable' | 'unreadable';
  path: string;
  message: string;
}

export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file is in the way where the folder should be';
    case 'EISDIR':
      return 'a folder is in the way where the file should be';
    case 'EBUSY':
      return 'the file is locked by another program';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

export function unwritable(path: string, e: unknown, doing: string): SettingsStoreError {
  return {
    kind: 'unwritable',
    path,
    message:
      `Partner Desk cannot ${doing} ${path} (${fsReason(e)}): ` +
      'check that the folder exists, that you may write to it and that the disk has space, then restart Partner Desk',
  };
}

export function unreadable(path: string, e: unknown): SettingsStoreError {
  return {
    kind: 'unreadable',
    path,
    message:
      `Partner Desk cannot read its settings file ${path} (${fsReason(e)}): ` +
      'check the file’s permissions, or close the program that holds it, then restart Partner Desk',
  };
}
