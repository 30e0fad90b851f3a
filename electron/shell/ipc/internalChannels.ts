// IPC channels between the preload and the main process that are NOT part of the window-facing contract:
// the page cannot call them (it only has window.partnerDesk). Kept free of imports: the preload bundles it.

/** preload → main: the paths the preload read from dropped files (see droppedFileGrants.ts). */
export const DROPPED_FILES_CHANNEL = 'shell:droppedFiles';
