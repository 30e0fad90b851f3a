import { describe, expect, it } from 'vitest';
import { loginItemSettings, startedAtLogin, supportsLoginItems, STARTED_AT_LOGIN_FLAG } from './loginItem.ts';

describe('start at login', () => {
  it('registers the app with a flag that tells it it was started at login', () => {
    expect(loginItemSettings(true)).toEqual({ openAtLogin: true, args: [STARTED_AT_LOGIN_FLAG] });
    expect(loginItemSettings(false)).toEqual({ openAtLogin: false, args: [] });
  });

  it('keeps the window hidden when started at login, and shows it when the person starts the app', () => {
    expect(startedAtLogin(['Partner Desk.exe', STARTED_AT_LOGIN_FLAG], false)).toBe(true);
    expect(startedAtLogin(['/Applications/Partner Desk.app'], true)).toBe(true);
    expect(startedAtLogin(['Partner Desk.exe'], false)).toBe(false);
  });

  it('is offered on Windows and macOS only', () => {
    expect(supportsLoginItems('win32')).toBe(true);
    expect(supportsLoginItems('darwin')).toBe(true);
    expect(supportsLoginItems('linux')).toBe(false);
  });
});
