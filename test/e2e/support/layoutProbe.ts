import type { Locator, Page } from '@playwright/test';

/**
 * Measurements of a laid-out page, run inside it: words split across lines, controls outside the
 * window or under something else, words hidden under a floating element. Each page function is
 * self-contained (Playwright sends its source to the page) and returns the problems in words.
 */

// The few DOM members the page functions use: this project compiles without the DOM library.
interface Rect {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}
interface Style {
  display: string;
  visibility: string;
  overflowX: string;
  overflowY: string;
  paddingLeft: string;
  paddingRight: string;
  textOverflow: string;
}
interface El {
  tagName: string;
  className: unknown;
  id: string;
  clientWidth: number;
  scrollWidth: number;
  textContent: string | null;
  parentElement: El | null;
  getBoundingClientRect(): Rect;
  getClientRects(): ArrayLike<Rect>;
  closest(selector: string): El | null;
  contains(other: unknown): boolean;
  getAttribute(name: string): string | null;
}
interface TextNode {
  data: string;
  parentElement: El | null;
}
interface RangeLike {
  setStart(node: TextNode, offset: number): void;
  setEnd(node: TextNode, offset: number): void;
  getClientRects(): ArrayLike<Rect>;
}
interface Doc {
  body: El;
  createRange(): RangeLike;
  createTreeWalker(root: El, what: number): { nextNode(): TextNode | null };
  elementFromPoint(x: number, y: number): El | null;
  documentElement: { clientWidth: number; clientHeight: number; scrollWidth: number };
}
interface Win {
  document: Doc;
  getComputedStyle(el: El): Style;
}

export interface BrokenWord {
  word: string;
  where: string;
  contentWidth: number;
}

/**
 * Every word (a run without spaces, so `abc-defg-hij` and `Microsoft` each count as one) whose
 * letters sit on more than one line. A word may break only where it cannot fit: when it is wider
 * than its block's content box and that box is not itself squeezed below `minBlockWidth` (a title
 * squeezed to one letter a line is the failure this exists for, not an excuse).
 */
export function brokenWords(page: Page, minBlockWidth = 160): Promise<BrokenWord[]> {
  return page.evaluate((minWidth) => {
    const win = globalThis as unknown as Win;
    const doc = win.document;
    const describe = (el: El): string => {
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `<${el.tagName.toLowerCase()}${cls}>`;
    };
    const blockOf = (el: El): El => {
      let at: El | null = el;
      while (at && /^inline/.test(win.getComputedStyle(at).display) && at.parentElement) at = at.parentElement;
      return at ?? el;
    };
    const found: Array<{ word: string; where: string; contentWidth: number }> = [];
    const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
    const range = doc.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !/\S/.test(node.data) || parent.closest('.sr-only, script, style, [hidden]')) continue;
      if (win.getComputedStyle(parent).visibility === 'hidden') continue;
      for (const match of node.data.matchAll(/\S+/g)) {
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
        if (rects.length < 2) continue;
        const tops = rects.map((r) => r.top);
        const lineHeight = Math.min(...rects.map((r) => r.height));
        if (Math.max(...tops) - Math.min(...tops) < lineHeight / 2) continue;
        const block = blockOf(parent);
        const style = win.getComputedStyle(block);
        const contentWidth = block.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const natural = rects.reduce((sum, r) => sum + r.width, 0);
        if (natural > contentWidth + 1 && contentWidth >= minWidth) continue;
        found.push({ word: match[0], where: describe(parent), contentWidth: Math.round(contentWidth) });
      }
    }
    return found;
  }, minBlockWidth);
}

/**
 * Text cut short with an ellipsis whose full text is nowhere to read: not in a `title` on it or
 * around it. (An ellipsis is fine where the whole text is one hover away.)
 */
export function truncatedWithoutFullText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const win = globalThis as unknown as Win & { document: Doc & { querySelectorAll(s: string): ArrayLike<El> } };
    const found: string[] = [];
    for (const el of Array.from(win.document.querySelectorAll('body *'))) {
      const style = win.getComputedStyle(el);
      if (style.textOverflow !== 'ellipsis' || el.scrollWidth <= el.clientWidth + 1 || el.getClientRects().length === 0) continue;
      const text = (el.textContent ?? '').trim();
      const titled = el.closest('[title]')?.getAttribute('title') ?? '';
      if (text && !titled.includes(text)) found.push(`“${text.slice(0, 60)}” in <${el.tagName.toLowerCase()}>`);
    }
    return found;
  });
}

/**
 * How far the window itself scrolls, sideways and down (0 when everything fits: the app's screens
 * scroll inside, the window never does).
 */
export function windowOverflow(page: Page): Promise<{ sideways: number; down: number }> {
  return page.evaluate(() => {
    const root = (globalThis as unknown as Win).document.documentElement as Doc['documentElement'] & { scrollHeight: number };
    return { sideways: root.scrollWidth - root.clientWidth, down: root.scrollHeight - root.clientHeight };
  });
}

/**
 * Words that stick out of their block on the line's end (a title that could not wrap and runs
 * under the badge beside it). Text inside a box that scrolls sideways, or that is cut short with
 * an ellipsis, is not counted.
 */
export function wordsSticking(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const win = globalThis as unknown as Win;
    const doc = win.document;
    const found: string[] = [];
    const walker = doc.createTreeWalker(doc.body, 4);
    const range = doc.createRange();
    const blockOf = (el: El): El => {
      let at: El | null = el;
      while (at && /^inline/.test(win.getComputedStyle(at).display) && at.parentElement) at = at.parentElement;
      return at ?? el;
    };
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !/\S/.test(node.data) || parent.closest('.sr-only, script, style, [hidden], input, textarea, pre')) continue;
      const block = blockOf(parent);
      const style = win.getComputedStyle(block);
      if (style.overflowX !== 'visible' || style.textOverflow === 'ellipsis') continue;
      const box = block.getBoundingClientRect();
      if (box.width === 0) continue;
      const right = box.right - parseFloat(style.paddingRight) + 1;
      const left = box.left + parseFloat(style.paddingLeft) - 1;
      for (const match of node.data.matchAll(/\S+/g)) {
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const out = Array.from(range.getClientRects()).some((r) => r.width > 0 && (r.right > right || r.left < left));
        if (out) found.push(`“${match[0]}” in <${block.tagName.toLowerCase()}> (${Math.round(box.width)} px wide)`);
      }
    }
    return found;
  });
}

/**
 * Null when the control is inside the window and is what a click at its centre reaches; else what
 * is wrong, in words. With `scroll`, the page is first scrolled to it as a person would (a button
 * low on a long screen); without, it must be in view as it is (a dialog's buttons).
 */
export function reachable(control: Locator, { scroll = false } = {}): Promise<string | null> {
  return control.evaluate((node, scrollFirst) => {
    const win = globalThis as unknown as Win;
    const el = node as unknown as El & { scrollIntoView(options: { block: string }): void };
    if (scrollFirst) el.scrollIntoView({ block: 'nearest' });
    const r = el.getBoundingClientRect();
    const { clientWidth, clientHeight } = win.document.documentElement;
    if (r.width === 0 || r.height === 0) return 'it has no size';
    if (r.left < 0 || r.top < 0 || r.right > clientWidth + 0.5 || r.bottom > clientHeight + 0.5)
      return `it is outside the window (${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)} in ${clientWidth}×${clientHeight})`;
    const hit = win.document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
    if (hit && (hit === el || el.contains(hit))) return null;
    const cls = hit && typeof hit.className === 'string' ? `.${hit.className.trim().split(/\s+/).join('.')}` : '';
    return `it is covered by <${hit?.tagName.toLowerCase() ?? 'nothing'}${cls}>`;
  }, scroll);
}

/**
 * The words that can be seen where they are (inside the window and every scrolling box around
 * them) but whose centre is under `cover` instead: text the floating element hides.
 */
export function wordsCoveredBy(cover: Locator): Promise<string[]> {
  return cover.evaluate((node) => {
    const win = globalThis as unknown as Win;
    const doc = win.document;
    const coverEl = node as unknown as El;
    const found: string[] = [];
    const walker = doc.createTreeWalker(doc.body, 4);
    const range = doc.createRange();
    const clipsOf = (el: El): Rect[] => {
      const clips: Rect[] = [];
      for (let at = el.parentElement; at; at = at.parentElement) {
        const s = win.getComputedStyle(at);
        if (s.overflowX !== 'visible' || s.overflowY !== 'visible') clips.push(at.getBoundingClientRect());
      }
      return clips;
    };
    const { clientWidth, clientHeight } = doc.documentElement;
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const parent = text.parentElement;
      if (!parent || coverEl.contains(parent) || !/\S/.test(text.data) || parent.closest('.sr-only')) continue;
      const clips = clipsOf(parent);
      for (const match of text.data.matchAll(/\S+/g)) {
        range.setStart(text, match.index);
        range.setEnd(text, match.index + match[0].length);
        for (const r of Array.from(range.getClientRects())) {
          const x = (r.left + r.right) / 2;
          const y = (r.top + r.bottom) / 2;
          if (r.width === 0 || x < 0 || y < 0 || x > clientWidth || y > clientHeight) continue;
          if (clips.some((c) => x < c.left || x > c.right || y < c.top || y > c.bottom)) continue;
          const hit = doc.elementFromPoint(x, y);
          if (hit && (hit === coverEl || coverEl.contains(hit))) found.push(match[0]);
        }
      }
    }
    return found;
  });
}
