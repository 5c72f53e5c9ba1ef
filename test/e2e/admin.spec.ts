import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchApp, type LaunchedApp } from './support/app';
import { adminCard, createUser, goTo, keysTable, mainNav, turnOnAdminMode } from './support/admin';
import { connect, linkField, meetingCard, sendLink, snap } from './support/launch';
import { expect, test } from './support/test';

// The admin console end to end: the real renderer and core against the simulator. An administrator
// creates a colleague, gives them a key, this app starts using that key, and once the key is revoked
// the server refuses it and the app says so in words.

let app: LaunchedApp | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});

const adminKey = `admin-${randomBytes(12).toString('hex')}`;

test('create a user, mint a key, use it in the app, revoke it and see the app refused', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  app = await launchApp({ profile: 'g2', adminKey });
  await connect(page, app);

  // No Admin place until an admin key is stored.
  await expect(mainNav(page).getByRole('button', { name: /^Admin/ })).toHaveCount(0);
  await turnOnAdminMode(page, adminKey);
  // Focus moves on to the next step instead of falling back to the page.
  await expect(adminCard(page).getByRole('button', { name: 'Open admin console' })).toBeFocused();
  // The key field is empty again: the key never comes back to the window.
  await expect(page.getByText('Stored, never shown')).toBeVisible();
  expect(await page.content()).not.toContain(adminKey);

  await goTo(page, 'Admin');
  await expect(page.getByRole('list', { name: 'Users' })).toBeVisible();
  const email = `colleague-${randomBytes(4).toString('hex')}@example.com`;

  // The form says what is wrong before anything is sent.
  await page.getByRole('button', { name: 'New user…' }).click();
  const form = page.getByRole('dialog', { name: 'New user' });
  await form.getByLabel('Email').fill('not-an-email');
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('alert')).toContainText('does not look like an email address');
  await page.keyboard.press('Escape');

  await createUser(page, { email, name: 'Robin Colleague', bots: '2' });
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByText('No API keys')).toBeVisible();

  // Mint a key: its value is shown once, and closing before copying asks first.
  await page.getByRole('button', { name: 'New key…' }).click();
  const mint = page.getByRole('dialog', { name: 'New API key for Robin Colleague' });
  await mint.getByLabel('Name').fill('Laptop');
  await mint.getByRole('button', { name: 'Create key' }).click();
  const valueField = mint.getByLabel('API key');
  await expect(valueField).toHaveValue(/^vxa_bot_[A-Za-z0-9]{32}$/);
  const value = await valueField.inputValue();
  await expect(mint.getByText('Copy it now: it cannot be shown again')).toBeVisible();
  await snap(page, testInfo, 'admin-token-once');
  await page.keyboard.press('Escape');
  const confirm = page.getByRole('dialog', { name: 'Close without copying the key?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Go back to the key' }).click();
  await expect(mint.getByLabel('API key')).toHaveValue(value);

  // One step: this app now connects with the new key.
  await mint.getByRole('button', { name: 'Use this key in this app' }).click();
  await expect(mint.getByText('This app now uses this key')).toBeVisible();
  await mint.getByRole('button', { name: 'Close' }).click();
  await expect(keysTable(page).getByRole('row')).toHaveCount(2);
  await expect(keysTable(page)).toContainText('Laptop');

  await goTo(page, 'Settings');
  await expect(page.getByRole('region', { name: 'API key', exact: true })).toContainText(value.slice(-4));
  await expect(page.getByRole('region', { name: 'Account', exact: true })).toContainText(email);

  // The new key sends a bot.
  await goTo(page, 'Launch');
  await sendLink(page, 'https://meet.google.com/abc-defg-hij');
  await expect(meetingCard(page, 'abc-defg-hij')).toBeVisible();

  // Revoke it: the confirmation names the key and the user, and says it cannot be undone.
  await goTo(page, 'Admin');
  await keysTable(page).getByRole('button', { name: 'Revoke “Laptop”' }).click();
  const revoke = page.getByRole('dialog', { name: /Revoke “Laptop”\? \(Robin Colleague\)/ });
  await expect(revoke).toContainText('cannot be undone');
  await expect(revoke).toContainText('Robin Colleague');
  await snap(page, testInfo, 'admin-revoke');
  await revoke.getByRole('button', { name: 'Revoke key' }).click();
  await expect(page.getByText('No API keys')).toBeVisible();

  // The app is refused now, and says what to do.
  await goTo(page, 'Launch');
  await sendLink(page, 'https://meet.google.com/klm-nopq-rst');
  await expect(page.getByText(/The server rejected this API key/).first()).toBeVisible();
  await expect(linkField(page)).toBeVisible();
  await goTo(page, 'Settings');
  await page.getByRole('region', { name: 'Server', exact: true }).getByRole('button', { name: 'Check again' }).click();
  // "Check again" ends the connection: the app names the server waiting for a new key and says why,
  // and stays open (the library works without a server); the new key is asked for that server only.
  const host = new URL(app.simulatorUrl).host;
  const banner = page.locator('.banner').filter({ hasText: 'Not connected' });
  const why = banner.getByText(`${host} refused the API key this app was using`);
  await expect(why).toContainText('it may have been revoked');
  await expect(why).toContainText(value.slice(-4));
  // Screen readers hear it too.
  await expect(page.getByTestId('announcer')).toContainText(`${host} refused the API key this app was using`);
  await banner.getByRole('button', { name: 'Reconnect' }).click();
  const reenter = page.getByRole('dialog', { name: `Enter the API key for ${host}` });
  await expect(reenter).toContainText(`${host} refused the API key this app was using`);
  await expect(reenter.getByLabel('Server URL')).toHaveValue(app.simulatorUrl);
  await expect(reenter.getByLabel('Server URL')).not.toBeEditable();
  await snap(page, testInfo, 'admin-revoked-refused');

  // Another key for the same server, and the app is back; the admin key stayed with the server.
  await reenter.getByLabel('API key', { exact: true }).fill(app.apiKey);
  await reenter.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(reenter).toHaveCount(0);
  await expect(banner).toHaveCount(0);
  await goTo(page, 'Launch');
  await expect(linkField(page)).toBeVisible();
  await expect(mainNav(page).getByRole('button', { name: /^Admin/ })).toBeVisible();

  // The admin key reached no frame the window received.
  expect(app.outgoing.filter((frame) => frame.includes(adminKey))).toEqual([]);
});

test('the users list pages and filters as you type, by keyboard', async ({ page }) => {
  test.setTimeout(60_000);
  app = await launchApp({ profile: 'g2', adminKey });
  await connect(page, app);
  await turnOnAdminMode(page, adminKey);
  await goTo(page, 'Admin');
  await createUser(page, { email: 'filter-target@example.com', name: 'Findable Person' });
  await page.getByRole('button', { name: 'Back to users' }).click();

  const filter = page.getByRole('searchbox', { name: 'Filter users by email or name' });
  await filter.pressSequentially('findable', { delay: 30 });
  const users = page.getByRole('list', { name: 'Users' });
  await expect(users.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByTestId('admin-user-count')).toHaveText(/^1 match/);
  // The server has no search: the screen says, next to the filter, how far it looked.
  await expect(filter).toHaveAccessibleDescription('The filter looked through every user on the server.');
  // Down from the filter reaches the first user; Enter opens them.
  await filter.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Findable Person' })).toBeVisible();
  await page.getByRole('button', { name: 'Back to users' }).click();
  // The filter and its result are still there.
  await expect(filter).toHaveValue('findable');
  await filter.press('Escape');
  await expect(filter).toHaveValue('');
  await expect(page.getByTestId('admin-user-count')).toHaveText(/users/);

  await filter.fill('nobody-has-this-text');
  await expect(page.getByRole('heading', { name: 'No users match' })).toBeVisible();
});

test('a wrong admin key is refused next to its field, and nothing is stored', async ({ page }) => {
  app = await launchApp({ profile: 'g2', adminKey });
  await connect(page, app);
  await goTo(page, 'Settings');
  const card = page.getByRole('region', { name: 'Server administration' });
  await card.getByLabel('Admin key', { exact: true }).fill('wrong-admin-key');
  await card.getByRole('button', { name: 'Check and turn on admin mode' }).click();
  await expect(card.getByLabel('Admin key', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(card.getByRole('alert')).toContainText(/admin key/i);
  await expect(mainNav(page).getByRole('button', { name: /^Admin/ })).toHaveCount(0);

  // The right key, then forgetting it: Admin leaves the navigation and the key field takes focus.
  await turnOnAdminMode(page, adminKey);
  await card.getByRole('button', { name: 'Forget admin key…' }).click();
  const forget = page.getByRole('dialog', { name: 'Forget the admin key?' });
  await expect(forget).toContainText('Your API key stays');
  await forget.getByRole('button', { name: 'Forget admin key' }).click();
  await expect(mainNav(page).getByRole('button', { name: /^Admin/ })).toHaveCount(0);
  await expect(card.getByLabel('Admin key', { exact: true })).toBeFocused();
  // The user key stays: the app still works.
  await goTo(page, 'Launch');
  await sendLink(page, 'https://meet.google.com/abc-defg-hij');
  await expect(meetingCard(page, 'abc-defg-hij')).toBeVisible();
});

test('on v0.12 the admin address is asked for, and a user is found by email where the server has no list', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  app = await launchApp({ profile: 'g3', adminKey });
  await connect(page, app);
  await goTo(page, 'Settings');
  const card = page.getByRole('region', { name: 'Server administration' });
  await expect(card).toContainText('serves the admin API on its own address');
  const address = card.getByLabel('Admin service address');
  const key = card.getByLabel('Admin key', { exact: true });
  // The API's own address is not the admin service: said next to the address.
  await address.fill(app.simulatorUrl);
  await key.fill(adminKey);
  await card.getByRole('button', { name: 'Check and turn on admin mode' }).click();
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(card.getByRole('alert')).toContainText('does not serve the admin API');
  await snap(page, testInfo, 'admin-g3-address');

  await turnOnAdminMode(page, adminKey, app.simulator.adminUrl!);
  await expect(card).toContainText(app.simulator.adminUrl!.replace(/\/$/, ''));
  await goTo(page, 'Admin');
  await expect(page.getByText('This server does not list its users')).toBeVisible();
  await createUser(page, { email: 'found-by-email@example.com', name: 'Found Person' });
  await page.getByRole('button', { name: 'Back to users' }).click();

  const find = page.getByLabel('Find a user by email');
  await find.fill('nobody@example.com');
  await find.press('Enter');
  await expect(page.getByRole('alert')).toContainText('No user has the email address nobody@example.com');
  await find.fill('found-by-email@example.com');
  await find.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Found Person' })).toBeVisible();
  // On v0.12 only the bot limit can be changed.
  await page.getByRole('button', { name: 'Edit…' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Found Person' });
  await expect(edit.getByLabel('Name')).toHaveCount(0);
  await edit.getByLabel('Bots at once').fill('4');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toHaveCount(0);
  await expect(page.getByRole('definition').filter({ hasText: /^4$/ })).toBeVisible();

  // A key that may only send bots is refused for this app, in the core's words, where it happens.
  await page.getByRole('button', { name: 'New key…' }).click();
  const mint = page.getByRole('dialog', { name: 'New API key for Found Person' });
  await mint.getByRole('checkbox', { name: /^Transcripts/ }).uncheck();
  await mint.getByRole('button', { name: 'Create key' }).click();
  await expect(mint.getByLabel('API key')).toHaveValue(/^vxa_bot_/);
  await mint.getByRole('button', { name: 'Use this key in this app' }).click();
  await expect(mint.getByRole('alert')).toContainText('lacks the "tx" scope');
  await expect(mint.getByRole('alert')).toContainText('This key has bot');
  await snap(page, testInfo, 'admin-scope-refusal');
});

test('a webhook is set with a write-only secret, tested against a receiver, and removed', async ({ page }) => {
  test.setTimeout(60_000);
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/vexa`;
  try {
    app = await launchApp({ profile: 'g3' });
    await connect(page, app);
    await goTo(page, 'Settings');
    const card = page.getByRole('region', { name: 'Webhooks' });
    const secret = `whsec-${randomBytes(8).toString('hex')}`;
    await card.getByLabel('Webhook address').fill('not a url');
    await card.getByRole('button', { name: 'Save webhook' }).click();
    await expect(card.getByLabel('Webhook address')).toHaveAttribute('aria-invalid', 'true');
    await card.getByLabel('Webhook address').fill(hookUrl);
    await card.getByLabel('Signing secret').fill(secret);
    await card.getByRole('button', { name: 'Save webhook' }).click();
    // The secret is write-only: the field empties and says one is stored.
    await expect(card.getByLabel('Signing secret')).toHaveValue('');
    await expect(card.getByLabel('Signing secret')).toHaveAttribute('placeholder', /A secret is stored/);
    expect(await page.content()).not.toContain(secret);

    await card.getByRole('button', { name: 'Send a test' }).click();
    await expect(card.getByText('The test reached the receiver')).toBeVisible();
    expect(received).toHaveLength(1);
    expect(received[0]!.headers['x-webhook-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    // v0.12 keeps a delivery log: the list or its empty state is shown, not an error.
    await expect(card.getByRole('heading', { name: 'Recent deliveries' })).toBeVisible();
    await expect(card.getByRole('list', { name: 'Recent deliveries' }).or(card.getByText('No deliveries yet'))).toBeVisible();

    await card.getByRole('button', { name: 'Remove…' }).click();
    await page.getByRole('dialog', { name: 'Remove the webhook?' }).getByRole('button', { name: 'Remove webhook' }).click();
    await expect(card.getByLabel('Webhook address')).toHaveValue('');
    await expect(card.getByRole('button', { name: 'Send a test' })).toHaveCount(0);
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});
