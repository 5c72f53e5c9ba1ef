import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExternalOpener, isInsideFolder } from '../../../electron/main/shell/externalOpener';

const data = join('/home/ada/.config', 'Vexa Companion');
const logs = join(data, 'logs');

function setup(openPathResult = '') {
  const calls: string[] = [];
  const shell = {
    openExternal: async (url: string) => void calls.push(`url ${url}`),
    openPath: async (path: string) => {
      calls.push(`path ${path}`);
      return openPathResult;
    },
  };
  const opener = createExternalOpener({ shell, allowedFolders: () => [data, logs], ensureDir: async (p) => calls.push(`mkdir ${p}`) });
  return { opener, shell, calls };
}

describe('external opener', () => {
  it('opens allowed web links in normalised form', async () => {
    const { opener, calls } = setup();
    await opener.openUrl('HTTPS://Vexa.ai/docs');
    expect(calls).toEqual(['url https://vexa.ai/docs']);
  });

  it('refuses anything else before it reaches the OS', async () => {
    const { opener, calls } = setup();
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@vexa.ai/', 'ms-msdt:/id x']) {
      await expect(opener.openUrl(url)).rejects.toMatchObject({
        code: 'url_not_allowed',
        userMessage: expect.stringContaining('http or https'),
      });
    }
    expect(calls).toEqual([]);
  });

  it('looks up shell.openExternal on every call', async () => {
    const { opener, shell } = setup();
    const swapped: string[] = [];
    shell.openExternal = async (url) => void swapped.push(url);
    await opener.openUrl('https://vexa.ai/');
    expect(swapped).toEqual(['https://vexa.ai/']);
  });

  it('opens the app folders, creating them first, and nothing outside them', async () => {
    const { opener, calls } = setup();
    await opener.openFolder(logs);
    expect(calls).toEqual([`mkdir ${logs}`, `path ${logs}`]);
    for (const path of ['/etc', join(data, '..'), join(data, '..', 'Other App'), `${data} evil`]) {
      await expect(opener.openFolder(path)).rejects.toMatchObject({ code: 'folder_not_allowed' });
    }
  });

  it('reports the reason when the file manager cannot open the folder', async () => {
    const { opener } = setup('No application is associated with the specified file');
    await expect(opener.openFolder(data)).rejects.toMatchObject({
      code: 'open_failed',
      userMessage: 'The folder could not be opened: No application is associated with the specified file',
    });
  });

  it('decides containment by path segments, not string prefixes', () => {
    expect(isInsideFolder('/a/b', '/a/b')).toBe(true);
    expect(isInsideFolder('/a/b/c', '/a/b')).toBe(true);
    expect(isInsideFolder('/a/bc', '/a/b')).toBe(false);
    expect(isInsideFolder('/a/b/../c', '/a/b')).toBe(false);
  });
});
