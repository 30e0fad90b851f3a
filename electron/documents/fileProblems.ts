// File-system errors in words a desk person can act on. Every refusal of a file says which file and
// why, never an errno.

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Why a file cannot be read, for a refusal or a failed upload. */
export function fileProblem(error: unknown): string {
  switch (codeOf(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'The file no longer exists where it was (it was moved, renamed or deleted).';
    case 'EACCES':
    case 'EPERM':
      return 'Partner Desk is not allowed to read the file: check its permissions, or copy it somewhere you own.';
    case 'EISDIR':
      return 'This is a folder, not a file: drop the files inside it instead.';
    case 'ELOOP':
      return 'The file is a link that points to itself (a link loop), so it cannot be read.';
    case 'ENAMETOOLONG':
      return 'The file path is too long for the system to open.';
    case 'EBUSY':
      return 'Another program has the file locked; close it there and drop the file again.';
    case 'EIO':
      return 'The disk reported an error while reading the file.';
    case 'ERR_INVALID_ARG_VALUE':
    case 'ERR_INVALID_ARG_TYPE':
      return 'The file path is not valid.';
    default:
      return `The file could not be read${codeOf(error) ? ` (${codeOf(error)})` : ''}.`;
  }
}
