import { describe, expect, it } from 'vitest';
import { describeUpdateFailure } from '../../../../electron/core/updates/describeFailure';
import { checkFeedUrl } from '../../../../electron/core/updates/feedUrl';
import { releaseNotesText } from '../../../../electron/core/updates/releaseNotes';

const coded = (code: string, message = code) => Object.assign(new Error(message), { code });
const feed = 'https://updates.example.com/companion';

describe('what a failed update says', () => {
  it('a checksum mismatch: deleted, nothing installed, who to tell', () => {
    const text = describeUpdateFailure(coded('ERR_CHECKSUM_MISMATCH', 'sha512 checksum mismatch, expected a, got b'), {
      during: 'download',
      feed,
      version: '0.2.0',
    });
    expect(text).toBe(
      'The download of version 0.2.0 did not match the checksum its feed publishes, so it was deleted. Nothing was installed and this version keeps running. If this keeps happening, tell whoever runs the update feed.',
    );
  });

  it('a Windows signature that is not the publisher’s', () => {
    expect(describeUpdateFailure(coded('ERR_UPDATER_INVALID_SIGNATURE'), { during: 'download', feed, version: '0.2.0' })).toMatch(
      /^The download of version 0\.2\.0 is not signed by the app’s publisher, so it was deleted\. Nothing was installed/,
    );
  });

  it('a full disk: free some space', () => {
    expect(
      describeUpdateFailure(coded('ENOSPC', 'ENOSPC: no space left on device, write'), { during: 'download', feed, version: '0.2.0' }),
    ).toBe(
      'There is not enough free disk space to download version 0.2.0. Nothing was installed and this version keeps running. Free some space; the app tries again in a few hours, or press “Check now”.',
    );
  });

  it('no network, from Node or from Electron’s net: names the feed’s host', () => {
    for (const error of [coded('ENOTFOUND', 'getaddrinfo ENOTFOUND updates.example.com'), new Error('net::ERR_INTERNET_DISCONNECTED')])
      expect(describeUpdateFailure(error, { during: 'check', feed })).toBe(
        'Could not reach the update feed at updates.example.com. Check the internet connection. The app tries again in a few hours, or press “Check now”.',
      );
  });

  it('a feed without this system’s file, and a feed that answers with an error', () => {
    const missing = coded('ERR_UPDATER_CHANNEL_FILE_NOT_FOUND', 'Cannot find channel "latest-linux.yml" update info: HttpError: 404');
    expect(describeUpdateFailure(missing, { during: 'check', feed })).toBe(
      'The update feed at updates.example.com has no release for this system (latest-linux.yml is missing). Check the feed address under Updates in Settings.',
    );
    const busy = Object.assign(new Error('HttpError: 503'), { statusCode: 503 });
    expect(describeUpdateFailure(busy, { during: 'check', feed: null })).toBe(
      'The update feed at the update server answered with an error (HTTP 503). The app tries again in a few hours, or press “Check now”.',
    );
  });

  it('anything else: its first line, never a stack', () => {
    const text = describeUpdateFailure(new Error('Something odd\n    at foo (bar.js:1:1)'), { during: 'download', feed, version: '0.2.0' });
    expect(text).toBe(
      'The download of version 0.2.0 failed: Something odd. Nothing was installed and this version keeps running. The app tries again in a few hours, or press “Check now”.',
    );
  });
});

describe('the feed address a person types', () => {
  it('takes https, trims it and drops a fragment; empty means the built-in feed', () => {
    expect(checkFeedUrl('  https://updates.example.com/companion/#top ')).toEqual({
      ok: true,
      url: 'https://updates.example.com/companion/',
    });
    expect(checkFeedUrl('')).toEqual({ ok: true, url: null });
    expect(checkFeedUrl(null)).toEqual({ ok: true, url: null });
  });

  it('takes plain http only on this computer', () => {
    expect(checkFeedUrl('http://127.0.0.1:8080/feed')).toEqual({ ok: true, url: 'http://127.0.0.1:8080/feed' });
    expect(checkFeedUrl('http://localhost/feed').ok).toBe(true);
    expect(checkFeedUrl('http://[::1]:9000/').ok).toBe(true);
    expect(checkFeedUrl('http://updates.example.com/feed')).toEqual({
      ok: false,
      message:
        'The update feed must use https:// (plain http:// is accepted only for a feed on this computer), so nobody on the network can swap the update.',
    });
    expect(checkFeedUrl('file:///tmp/feed').ok).toBe(false);
  });

  it('refuses credentials in the address and text that is no address', () => {
    expect(checkFeedUrl('https://me:secret@updates.example.com/')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/user name and password/),
    });
    expect(checkFeedUrl('updates.example.com')).toEqual({
      ok: false,
      message: 'Enter the whole address of the update feed, starting with https://.',
    });
  });
});

describe('release notes as plain text', () => {
  it('turns a GitHub release’s HTML into lines of text', () => {
    const html =
      '<h2>What’s new</h2>\n<ul>\n<li>Lobby alerts &amp; captions</li>\n<li>Fix: <code>&lt;none&gt;</code></li>\n</ul><script>alert(1)</script>';
    expect(releaseNotesText(html)).toBe('What’s new\n\n• Lobby alerts & captions\n• Fix: <none>');
  });

  it('keeps plain text as it is and joins one note per version', () => {
    expect(releaseNotesText('  Faster start.\r\n\r\n\r\n\r\nSmaller download.  ')).toBe('Faster start.\n\nSmaller download.');
    expect(
      releaseNotesText([
        { version: '0.3.0', note: '<p>Newest</p>' },
        { version: '0.2.0', note: null },
        { version: '0.1.5', note: 'Older' },
      ]),
    ).toBe('0.3.0\nNewest\n\n0.1.5\nOlder');
  });

  it('has none for an empty release, and cuts a runaway one', () => {
    expect(releaseNotesText(null)).toBeNull();
    expect(releaseNotesText('   ')).toBeNull();
    expect(releaseNotesText({ unexpected: true })).toBeNull();
    const long = releaseNotesText('a'.repeat(30_000));
    expect(long).toHaveLength(20_001);
    expect(long?.endsWith('…')).toBe(true);
  });

  it('leaves entities it does not know, and broken code points, as written', () => {
    expect(releaseNotesText('<p>&bogus; &#xD800; &#128512;</p>')).toBe('&bogus; &#xD800; 😀');
  });
});
