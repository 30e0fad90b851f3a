import { describe, expect, it } from 'vitest';
import { describeFailure, findDeskApi } from './desk.ts';

describe('the desk API wrapper', () => {
  it('finds no API where the page was opened without the bridge', () => {
    expect(findDeskApi()).toBeNull();
  });

  it('shows an engine error without the IPC plumbing around it', () => {
    expect(
      describeFailure(
        new Error(
          "Error invoking remote method 'ipc:invoke': IpcRequestError: Invalid arguments for cases:get: caseId Too small",
        ),
      ),
    ).toBe('Invalid arguments for cases:get: caseId Too small');
    expect(describeFailure(new Error(''))).toBe('The engine did not answer.');
    expect(describeFailure('plain')).toBe('plain');
  });
});
