import { Parser, type Node } from 'commonmark';
import { describe, expect, it } from 'vitest';
import { exportTranscript } from '../../../electron/core/export';
import { HOSTILE_TURNS, hostileTranscript } from '../../fixtures/export/hostile';

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (let c = node.firstChild; c; c = c.next) out.push(c);
  return out;
}

/** The literal text of a node, as a reader sees it. */
function textOf(node: Node): string {
  if (node.type === 'text' || node.type === 'code') return node.literal ?? '';
  if (node.type === 'softbreak') return ' ';
  return children(node).map(textOf).join('');
}

function allTypes(root: Node): Set<string> {
  const types = new Set<string>();
  const walker = root.walker();
  for (let e = walker.next(); e; e = walker.next()) types.add(e.node.type);
  return types;
}

describe('markdown export parsed by CommonMark', () => {
  it('has exactly the structure we write, whatever the transcript says', async () => {
    const md = await exportTranscript(hostileTranscript(), 'md');
    const doc = new Parser().parse(md);
    // No raw HTML, links, images, code, emphasis, quotes or extra lists from transcript text.
    expect([...allTypes(doc)].sort()).toEqual(['document', 'heading', 'item', 'list', 'paragraph', 'strong', 'text']);

    const blocks = children(doc);
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'list', 'heading', ...Array(blocks.length - 3).fill('paragraph')]);
    expect(blocks[0]?.level).toBe(1);
    expect(textOf(blocks[0] as Node)).toBe('Hostile <b>review</b> # 1');
    expect(blocks[2]?.level).toBe(2);
    expect(textOf(blocks[2] as Node)).toBe('Transcript');

    const meta = children(blocks[1] as Node).map(textOf);
    expect(meta).toEqual([
      'Platform: Zoom',
      'Meeting ID: 85173157171',
      'Start: 2026-08-20 09:00:00 UTC',
      'End: 2026-08-20 09:10:00 UTC',
      'Duration: 10:00',
      'Participants: Alice, דנה, أحمد, 王伟',
      'Languages: en, ar, he, zh',
      'Times: UTC',
    ]);

    const turns = blocks.slice(3).map(textOf);
    expect(turns).toEqual(HOSTILE_TURNS);
    // The stamp and speaker are the only strong text of a turn.
    for (const p of blocks.slice(3)) {
      expect(children(p)[0]?.type).toBe('strong');
      expect(children(p).filter((c) => c.type === 'strong')).toHaveLength(1);
    }
  });

  it('escapes a title and names that look like markup', async () => {
    const raw = hostileTranscript();
    raw.data = { name: '[Click](javascript:alert(1)) <img src=x onerror=alert(1)>' };
    const doc = new Parser().parse(await exportTranscript(raw, 'md'));
    expect(allTypes(doc).has('link')).toBe(false);
    expect(allTypes(doc).has('html_inline')).toBe(false);
    expect(textOf(doc.firstChild as Node)).toBe('[Click](javascript:alert(1)) <img src=x onerror=alert(1)>');
  });

  it('hides speakers and uses relative stamps when asked', async () => {
    const doc = new Parser().parse(await exportTranscript(hostileTranscript(), 'md', { speakers: false, timestamps: 'relative' }));
    const turns = children(doc).slice(3).map(textOf);
    expect(turns[0]).toBe('[00:01] Hello and welcome.');
    expect(turns.join('\n')).not.toContain('Alice');
  });
});
