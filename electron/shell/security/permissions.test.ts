import { describe, expect, it } from 'vitest';
import { decidePermissionCheck, decidePermissionRequest } from './permissions.ts';

// The permission names Electron passes to setPermissionRequestHandler / setPermissionCheckHandler.
const PERMISSIONS = [
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fullscreen',
  'geolocation',
  'idle-detection',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'notifications',
  'pointerLock',
  'keyboardLock',
  'openExternal',
  'speaker-selection',
  'storage-access',
  'top-level-storage-access',
  'window-management',
  'unknown',
  'fileSystem',
  'hid',
  'serial',
  'usb',
  'something-added-in-a-later-electron',
];

describe('security: web permissions are refused', () => {
  it.each(PERMISSIONS)('refuses a request for "%s"', (p) => {
    expect(decidePermissionRequest(p)).toBe(false);
  });

  it.each(PERMISSIONS)('answers a check for "%s" with no', (p) => {
    expect(decidePermissionCheck(p)).toBe(false);
  });
});
