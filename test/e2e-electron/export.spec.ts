import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { planningScript } from '../../electron/simulator/script';
import { expect, requiresElectron, test } from './fixture';
import { answerSaveDialogs, saveDialogs } from './mainProcess';
import { connect, goTo } from './ui';

// Exporting from the Library saves through the OS's save dialog (the browser version downloads
// instead); the file written is the whole transcript.

/** A meeting of the simulator's seeded library: the planning script, without its chat message. */
const MEETING = 'June release planning';

test.describe('Exporting a transcript in the desktop app', () => {
  requiresElectron();

  test('asks where to save with the save dialog and writes the transcript there', async ({ desktop }) => {
    const server = await desktop.startServer();
    const { app, window } = await desktop.launch();
    await connect(window, server);
    await goTo(window, 'Library');
    await expect(window.getByRole('list', { name: 'Meetings' }).getByRole('listitem').filter({ hasText: MEETING })).toBeVisible();

    const target = join(desktop.dataDir, 'exported transcript.txt');
    await answerSaveDialogs(app, target);
    await window.getByRole('button', { name: `Export & share ${MEETING}` }).click();
    await window
      .getByRole('menu', { name: `Export & share ${MEETING}` })
      .getByRole('menuitem', { name: 'Export…' })
      .click();
    const dialog = window.getByRole('dialog', { name: 'Export transcript' });
    await dialog.getByRole('radio', { name: /^Plain text/ }).check();
    await dialog.getByRole('button', { name: 'Save .txt…' }).click();

    await expect(window.getByTestId('toast')).toContainText(`Saved to ${target}`);
    await expect(dialog).toBeHidden();
    // The dialog offered the meeting's name in the Downloads folder, as a text file.
    const asked = await saveDialogs(app);
    expect(asked).toHaveLength(1);
    expect(basename(asked[0]?.defaultPath ?? '')).toMatch(new RegExp(`^${MEETING} \\d{4}-\\d{2}-\\d{2}\\.txt$`));
    expect(asked[0]?.extensions).toEqual(['txt']);

    expect(existsSync(target)).toBe(true);
    const text = readFileSync(target, 'utf8');
    expect(text.startsWith('MEETING TRANSCRIPT\n')).toBe(true);
    expect(text).toContain('Meeting ID: kqv-mzrp-tdx');
    const spoken = planningScript().filter((l) => !l.chat);
    const lines = text.split('\n').filter((l) => /^\[[^\]]+\] /.test(l));
    expect(lines).toHaveLength(spoken.length);
    spoken.forEach((line, i) => expect(lines[i]).toContain(`${line.speaker.name}: ${line.text}`));
  });
});
