// Packaging, checked without building installers: electron-builder.yml targets the three platforms and
// ships what the app loads at run time, the app id matches the one notifications use, the macOS
// entitlements grant only the JIT, and the committed icons have the sizes each platform expects.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/buildApp.ts';
import { APP_ID } from '../app/appIdentity.ts';

const yml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
};

function png(path: string): { width: number; height: number; rgba: Buffer } {
  const data = readFileSync(path);
  expect(data.subarray(0, 8).toString('hex'), path).toBe('89504e470d0a1a0a');
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  for (let i = 8; i < data.length;) {
    const length = data.readUInt32BE(i);
    const type = data.toString('ascii', i + 4, i + 8);
    const body = data.subarray(i + 8, i + 8 + length);
    if (type === 'IHDR') [width, height] = [body.readUInt32BE(0), body.readUInt32BE(4)];
    if (type === 'IDAT') idat.push(body);
    i += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++)
    raw.copy(rgba, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  return { width, height, rgba };
}

describe('packaging: electron-builder.yml', () => {
  it('uses the app id the shell registers for notifications', () => {
    expect(/^appId:\s*([\w.]+)/m.exec(yml)?.[1]).toBe(APP_ID);
  });

  it('builds an NSIS installer for Windows, a DMG for macOS and an AppImage for Linux', () => {
    expect(yml).toMatch(/win:\s*\n\s+target:\s*\n\s+- target: nsis/);
    expect(yml).toMatch(/mac:\s*\n\s+target:\s*\n\s+- target: dmg/);
    expect(yml).toMatch(/linux:\s*\n\s+target:\s*\n\s+- target: AppImage/);
  });

  it('signs macOS builds with the hardened runtime and the entitlements under build/', () => {
    expect(yml).toMatch(/hardenedRuntime: true/);
    expect(yml).toMatch(/entitlements: build\/entitlements\.mac\.plist/);
    const plist = readFileSync(join(ROOT, 'build', 'entitlements.mac.plist'), 'utf8');
    const granted = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((m) => m[1]);
    expect(granted).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('ships the bundles, the renderer and the icons the app loads, with package.json main among them', () => {
    for (const pattern of [
      'dist-electron/**',
      'dist/renderer/**',
      'build/icon.png',
      'build/tray*.png',
      'package.json',
    ])
      expect(yml).toContain(`  - ${pattern}\n`);
    expect(pkg.main).toBe('dist-electron/main.js');
  });

  it('keeps keytar’s native module outside the asar archive and rebuilds it for Electron', () => {
    expect(yml).toMatch(/asarUnpack:\s*\n\s+- '\*\*\/node_modules\/keytar\/\*\*'/);
    expect(yml).toMatch(/npmRebuild: true/);
  });

  it('has build and dist scripts', () => {
    expect(pkg.scripts.build).toMatch(/scripts\/buildApp\.ts/);
    expect(pkg.scripts.dist).toMatch(/scripts\/buildApp\.ts && electron-builder/);
  });
});

describe('packaging: icons', () => {
  it.each([
    ['icon.png', 1024],
    ['tray.png', 32],
    ['tray@2x.png', 64],
    ['trayTemplate.png', 16],
    ['trayTemplate@2x.png', 32],
  ])('%s is %i×%i', (name, size) => {
    const image = png(join(ROOT, 'build', name));
    expect([image.width, image.height]).toEqual([size, size]);
  });

  it('makes the macOS menu bar icons templates: black, drawn with alpha only', () => {
    for (const name of ['trayTemplate.png', 'trayTemplate@2x.png']) {
      const { rgba } = png(join(ROOT, 'build', name));
      let opaque = 0;
      for (let i = 0; i < rgba.length; i += 4) {
        if (rgba[i + 3]! > 0) opaque++;
        expect(rgba[i]! + rgba[i + 1]! + rgba[i + 2]!, name).toBe(0);
      }
      expect(opaque, name).toBeGreaterThan(20);
    }
  });

  it('gives the tray and the window every icon main.ts asks for', () => {
    const main = readFileSync(join(ROOT, 'electron', 'main.ts'), 'utf8');
    for (const name of main.match(/'[\w@]+\.png'/g) ?? [])
      expect(existsSync(join(ROOT, 'build', name.slice(1, -1))), name).toBe(true);
  });
});
