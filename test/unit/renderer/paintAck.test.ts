import { describe, expect, it } from 'vitest';
import { createPaintAck } from '../../../renderer/features/captions/paintAck';

describe('the window acknowledges live captions once per painted frame', () => {
  it('acknowledges each server whose captions it applied, at the next frame and not before', () => {
    const frames: Array<() => void> = [];
    const sent: string[] = [];
    const painted = createPaintAck(
      (serverId) => sent.push(serverId),
      (cb) => frames.push(cb),
    );
    painted('a');
    painted('b');
    painted('a');
    expect(sent).toEqual([]);
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(sent).toEqual(['a', 'b']);
    painted('a');
    frames.shift()!();
    expect(sent).toEqual(['a', 'b', 'a']);
  });
});
