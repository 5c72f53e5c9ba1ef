/**
 * The JavaScript a built index.html loads before anything runs: its module entry and every
 * modulepreload link (relative paths as written, without a leading "./"). Chunks imported on
 * demand are not listed there, which is the point of splitting them off.
 */
export function initialScripts(html: string): string[] {
  const found = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isEntry = tag.startsWith('<script') && /type="module"/.test(tag);
    const isPreload = tag.startsWith('<link') && /rel="modulepreload"/.test(tag);
    const src = /(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if ((isEntry || isPreload) && src) found.add(src.replace(/^\.\//, ''));
  }
  return [...found];
}
