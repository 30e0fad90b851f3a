import { describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, invokeChannels } from '../../../shared/ipc/contract.ts';
import { EVENT_CHANNEL_NAMES, INVOKE_CHANNEL_NAMES } from './channelLists.ts';

describe('preload channel lists', () => {
  it('name exactly the contract’s calls', () => {
    expect([...INVOKE_CHANNEL_NAMES].sort()).toEqual(Object.keys(invokeChannels).sort());
  });

  it('name exactly the contract’s events', () => {
    expect([...EVENT_CHANNEL_NAMES].sort()).toEqual([...EVENT_CHANNELS].sort());
  });
});
