// The bridge keeps a dropped file's name (the engine judges names, as it does in Electron) but never
// lets a name choose where on our disk the copy goes.
import { describe, expect, it } from 'vitest';
import { safeFileName } from '../e2e/bridge/droppedFiles.ts';

describe('browser bridge: names of dropped files', () => {
  it('keeps an ordinary name as it is, spaces and accents included', () => {
    expect(safeFileName('Lieferschein März 2026.pdf')).toBe('Lieferschein März 2026.pdf');
  });

  it('keeps only the last segment of a name that holds a path, either slash', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('..\\..\\Windows\\win.ini')).toBe('win.ini');
    expect(safeFileName('/abs/path/pod.pdf')).toBe('pod.pdf');
  });

  it('drops control characters and refuses names that are only dots or nothing', () => {
    expect(safeFileName('in\u0000voice\n.pdf')).toBe('invoice.pdf');
    expect(safeFileName('..')).toBe('unnamed');
    expect(safeFileName('folder/')).toBe('unnamed');
    expect(safeFileName('   ')).toBe('unnamed');
  });

  it('shortens a name to the 255 bytes a file system allows, without splitting a character', () => {
    const name = safeFileName(`${'ä'.repeat(200)}.pdf`);
    expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(255);
    expect(name).not.toContain('\uFFFD');
  });
});
