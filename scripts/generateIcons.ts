// Draws the app's icons into build/ (no image tools needed: shapes as signed distances, 4×4 samples per
// pixel, PNG written with node:zlib). Run `node scripts/generateIcons.ts` after changing the design;
// the PNGs are committed.
//   icon.png              1024×1024  app icon (electron-builder makes .icns/.ico from it), window icon
//   tray.png, tray@2x.png 32/64      tray icon on Windows and Linux
//   trayTemplate.png, @2x 16/32      macOS menu bar: black + alpha, tinted by macOS ("Template" suffix)
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];
/** Colour of the point (x, y) in 0..1 coordinates, or null where the shape has nothing. */
type Painter = (x: number, y: number) => Rgba | null;

export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body) >>> 0, 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Renders with 4×4 supersampling; later painters in the list are drawn over earlier ones. */
export function render(size: number, painters: Painter[]): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < n; sy++)
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let c: Rgba = [0, 0, 0, 0];
          for (const paint of painters) {
            const p = paint(x, y);
            if (p) c = blend(c, p);
          }
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      const i = (py * size + px) * 4;
      out[i + 3] = Math.round((a / (n * n)) * 255);
      if (a > 0) {
        out[i] = Math.round((r / a) * 255);
        out[i + 1] = Math.round((g / a) * 255);
        out[i + 2] = Math.round((b / a) * 255);
      }
    }
  return out;
}

function blend(under: Rgba, over: Rgba): Rgba {
  const a = over[3] + under[3] * (1 - over[3]);
  if (a === 0) return [0, 0, 0, 0];
  const mix = (i: 0 | 1 | 2) => (over[i] * over[3] + under[i] * under[3] * (1 - over[3])) / a;
  return [mix(0), mix(1), mix(2), a];
}

// Shapes as "is the point inside?" tests.
const roundedRect = (x0: number, y0: number, x1: number, y1: number, r: number) => (x: number, y: number) => {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return dx * dx + dy * dy <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
};
const segment = (ax: number, ay: number, bx: number, by: number, width: number) => (x: number, y: number) => {
  const vx = bx - ax,
    vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  const dx = x - (ax + t * vx),
    dy = y - (ay + t * vy);
  return dx * dx + dy * dy <= (width / 2) ** 2;
};
const any =
  (...shapes: ((x: number, y: number) => boolean)[]) =>
  (x: number, y: number) =>
    shapes.some((s) => s(x, y));

/** The glyph: a case card dropping into an inbox tray. `detail` adds the card's text lines (large sizes). */
function glyph(detail: boolean) {
  const stroke = 0.065;
  const tray = any(
    segment(0.2, 0.52, 0.2, 0.8, stroke),
    segment(0.8, 0.52, 0.8, 0.8, stroke),
    segment(0.2, 0.8, 0.8, 0.8, stroke),
    // The tray's floor with its dip, as on an inbox.
    segment(0.2, 0.63, 0.38, 0.63, stroke),
    segment(0.38, 0.63, 0.43, 0.7, stroke),
    segment(0.43, 0.7, 0.57, 0.7, stroke),
    segment(0.57, 0.7, 0.62, 0.63, stroke),
    segment(0.62, 0.63, 0.8, 0.63, stroke),
  );
  const card = roundedRect(0.33, 0.16, 0.67, 0.56, 0.035);
  const lines = any(
    segment(0.4, 0.27, 0.6, 0.27, 0.035),
    segment(0.4, 0.35, 0.6, 0.35, 0.035),
    segment(0.4, 0.43, 0.52, 0.43, 0.035),
  );
  return { tray, card, lines: detail ? lines : () => false };
}

const BLUE_TOP: Rgba = [59 / 255, 130 / 255, 246 / 255, 1];
const BLUE_BOTTOM: Rgba = [29 / 255, 78 / 255, 216 / 255, 1];
const WHITE: Rgba = [1, 1, 1, 1];
const BLACK: Rgba = [0, 0, 0, 1];

function appIcon(size: number, detail: boolean): Uint8Array {
  const g = glyph(detail);
  const square = roundedRect(0.06, 0.06, 0.94, 0.94, 0.2);
  return render(size, [
    (x, y) => {
      if (!square(x, y)) return null;
      const t = (y - 0.06) / 0.88;
      return [0, 1, 2].map((i) => BLUE_TOP[i as 0] * (1 - t) + BLUE_BOTTOM[i as 0] * t).concat(1) as Rgba;
    },
    (x, y) => (g.tray(x, y) || g.card(x, y) ? WHITE : null),
    (x, y) => (g.lines(x, y) ? BLUE_BOTTOM : null),
  ]);
}

function templateIcon(size: number): Uint8Array {
  const g = glyph(false);
  return render(size, [(x, y) => (g.tray(x, y) || g.card(x, y) ? BLACK : null)]);
}

export function generateIcons(outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const files: [string, number, Uint8Array][] = [
    ['icon.png', 1024, appIcon(1024, true)],
    ['tray.png', 32, appIcon(32, false)],
    ['tray@2x.png', 64, appIcon(64, false)],
    ['trayTemplate.png', 16, templateIcon(16)],
    ['trayTemplate@2x.png', 32, templateIcon(32)],
  ];
  for (const [name, size, pixels] of files) writeFileSync(join(outDir, name), encodePng(size, size, pixels));
  return files.map(([name]) => name);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(import.meta.dirname, '..', 'build');
  console.log(`Wrote ${generateIcons(out).join(', ')} to ${out}`);
}
