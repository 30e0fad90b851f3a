// A real desktop drag and drop, as far as the page can tell: File objects in a DataTransfer, and the
// dragenter → dragover → drop events the browser fires when a person drags files from the desktop onto
// an element. The renderer's drop handler sees exactly what it sees in Electron.
import type { Locator, Page } from '@playwright/test';

export interface DroppedFileSpec {
  name: string;
  mimeType: string;
  /** The file's text (its leading bytes when `size` is larger). */
  text?: string;
  /** Total size in bytes; the rest after `text` is filled with a repeating pattern. */
  size?: number;
}

export async function dropFiles(page: Page, target: Locator, files: DroppedFileSpec[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle((specs) => {
    const transfer = new DataTransfer();
    for (const spec of specs) {
      const head = new TextEncoder().encode(spec.text ?? '');
      const bytes = new Uint8Array(Math.max(spec.size ?? head.length, head.length));
      bytes.set(head);
      for (let i = head.length; i < bytes.length; i++) bytes[i] = 32 + (i % 64);
      transfer.items.add(new File([bytes], spec.name, { type: spec.mimeType, lastModified: Date.now() }));
    }
    return transfer;
  }, files);
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
  await dataTransfer.dispose();
}

/** A small but well-formed PDF: what a proof of delivery looks like to a content check. */
export function pdfText(label: string): string {
  return `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${label}\ntrailer << /Root 1 0 R >>\n%%EOF\n`;
}
