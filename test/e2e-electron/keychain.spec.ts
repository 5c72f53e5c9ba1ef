import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CIPHER_MESSAGES } from '../../electron/main/shell/safeStorageCipher';
import { expect, requiresElectron, test } from './fixture';
import { connect, goTo, linkField, pageContents, STORAGE_DIALOG, submitConnectForm } from './ui';

// The API key at rest: encrypted by the OS through safeStorage, read back after a restart, never
// shown to the page; and, where the OS offers no keyring, nothing stored until the person chooses.

const keysFile = (dataDir: string) => join(dataDir, 'keys.json');

function storedEntries(dataDir: string): Array<{ kind: string; data: string }> {
  if (!existsSync(keysFile(dataDir))) return [];
  const file = JSON.parse(readFileSync(keysFile(dataDir), 'utf8')) as { entries: Record<string, { kind: string; data: string }> };
  return Object.values(file.entries);
}

/** A key no other text contains, so finding it anywhere means it leaked. */
const canaryKey = () => `vxa_tx_CANARY${Date.now().toString(36)}Q${Math.random().toString(36).slice(2, 14)}`;

test.describe('The API key in the OS keychain', () => {
  requiresElectron();

  test('is stored encrypted, survives a restart, and never reaches the page', async ({ desktop }) => {
    test.setTimeout(150_000);
    const key = canaryKey();
    const server = await desktop.startServer({ apiKey: key });
    const first = await desktop.launch();
    await connect(first.window, server);

    await goTo(first.window, 'Settings');
    await expect(first.window.getByText('Encrypted by your operating system')).toBeVisible();
    const seen = [await pageContents(first.window)];

    // keys.json holds one sealed entry: neither the key nor its base64 form is in the file.
    const onDisk = readFileSync(keysFile(desktop.dataDir), 'utf8');
    expect(storedEntries(desktop.dataDir)).toEqual([{ kind: 'keychain', data: expect.any(String) }]);
    expect(onDisk).not.toContain(key);
    expect(onDisk).not.toContain(Buffer.from(key).toString('base64'));

    await first.app.close();
    const second = await desktop.launch();
    // Restored without asking: the Launch screen, not onboarding.
    await expect(linkField(second.window)).toBeVisible();
    await goTo(second.window, 'Settings');
    await expect(second.window.getByText('Encrypted by your operating system')).toBeVisible();
    // The key read back is the one the server accepts.
    await second.window.getByRole('button', { name: 'Check again' }).click();
    await expect(second.window.getByTestId('announcer')).toHaveText('Server checked.');
    seen.push(await pageContents(second.window));

    for (const text of [...seen, desktop.readLog(), ...first.output, ...second.output]) expect(text.includes(key)).toBe(false);
  });

  test('without a keyring (Linux basic_text) the app says so and offers the session-only and unencrypted choices', async ({ desktop }) => {
    test.skip(
      process.platform !== 'linux',
      'basic_text is the Linux Secret Service fallback; macOS and Windows always have their keychain.',
    );
    const server = await desktop.startServer();
    // Chromium's switch for "no keyring": safeStorage reports basic_text (electron.d.ts, getSelectedStorageBackend).
    const { window } = await desktop.launch({ args: ['--password-store=basic'] });
    await submitConnectForm(window, server.url, server.apiKey);

    const dialog = window.getByRole('dialog', { name: STORAGE_DIALOG });
    await expect(dialog).toContainText(CIPHER_MESSAGES.noLinuxKeyring);
    const sessionOnly = dialog.getByRole('button', { name: 'Keep the key for this session only' });
    const unencrypted = dialog.getByRole('button', { name: 'Store it unencrypted on this computer' });
    await expect(sessionOnly).toBeEnabled();
    // Unencrypted only after ticking the warning.
    await expect(unencrypted).toHaveAttribute('aria-disabled', 'true');
    await dialog.getByRole('checkbox', { name: /anyone with access to your user account can read it/ }).check();
    await expect(unencrypted).not.toHaveAttribute('aria-disabled', 'true');
    // Nothing was written while the person decided.
    expect(storedEntries(desktop.dataDir)).toEqual([]);

    await sessionOnly.click();
    await expect(linkField(window)).toBeVisible();
    await goTo(window, 'Settings');
    await expect(window.getByText('This session only', { exact: true })).toBeVisible();
    await expect(window.getByText(/Not available here \(basic_text\)/)).toBeVisible();
    expect(storedEntries(desktop.dataDir)).toEqual([]);
  });
});
