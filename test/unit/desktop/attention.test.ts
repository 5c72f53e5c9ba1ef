import { describe, expect, it } from 'vitest';
import { attentionStep, createAttentionFeed } from '../../../electron/core/desktop/attention';
import type { MeetingStatus } from '../../../shared/vexa/types';

const bot = (serverId: string, id: number, status: MeetingStatus) => ({ serverId, id, status });

function recordingSink() {
  const log: string[] = [];
  return { log, sink: { setLobbyCount: (n: number) => void log.push(`badge ${n}`), requestAttention: () => void log.push('attention') } };
}

describe('the lobby badge and attention, decided from the followed meetings', () => {
  it('counts only bots waiting in the lobby, across servers that share meeting ids', () => {
    const step = attentionStep(
      new Set(),
      [bot('a', 7, 'awaiting_admission'), bot('b', 7, 'awaiting_admission'), bot('a', 8, 'active'), bot('a', 9, 'needs_help')],
      false,
    );
    expect(step.count).toBe(2);
    expect(step.request).toBe(true);
  });

  it('asks for attention once per lobby entry, keeps the badge under Do Not Disturb but asks nothing then, and clears when admitted', () => {
    let dnd = false;
    const { log, sink } = recordingSink();
    const feed = createAttentionFeed(sink, () => dnd);
    feed.observe('bots:changed', [bot('a', 1, 'joining')]);
    feed.observe('bots:changed', [bot('a', 1, 'awaiting_admission')]);
    // The same wait reported again (a poll, a reconnect): nothing new to say.
    feed.observe('bots:changed', [bot('a', 1, 'awaiting_admission')]);
    dnd = true;
    feed.observe('bots:changed', [bot('a', 1, 'awaiting_admission'), bot('b', 1, 'awaiting_admission')]);
    feed.observe('bots:changed', [bot('a', 1, 'active'), bot('b', 1, 'awaiting_admission')]);
    feed.observe('app:state', {});
    feed.observe('bots:changed', [bot('a', 1, 'active'), bot('b', 1, 'active')]);
    expect(log).toEqual(['badge 1', 'attention', 'badge 2', 'badge 1', 'badge 0']);
  });

  it('asks again when a bot that was admitted is put back in the lobby', () => {
    const { log, sink } = recordingSink();
    const feed = createAttentionFeed(sink, () => false);
    feed.observe('bots:changed', [bot('a', 1, 'awaiting_admission')]);
    feed.observe('bots:changed', [bot('a', 1, 'active')]);
    feed.observe('bots:changed', [bot('a', 1, 'awaiting_admission')]);
    expect(log).toEqual(['badge 1', 'attention', 'badge 0', 'badge 1', 'attention']);
  });
});
