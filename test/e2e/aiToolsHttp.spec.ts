import AxeBuilder from '@axe-core/playwright';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { goTo } from './support/admin';
import { launchApp, type LaunchedApp } from './support/app';
import { connect, snap } from './support/launch';
import { expect, test } from './support/test';

// Settings → AI tools, over HTTP: off until turned on (and only once a server is shared); then an
// AI client with the address and token the card shows reads the meetings, "New token" shuts the
// old token out, and turning it off stops the server.

let app: LaunchedApp | null = null;
const clients: Client[] = [];
test.afterEach(async () => {
  for (const c of clients.splice(0)) await c.close().catch(() => undefined);
  await app?.close();
  app = null;
});

async function httpClient(url: string, token: string): Promise<Client> {
  const client = new Client({ name: 'e2e-http-client', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
  clients.push(client);
  return client;
}

test('serves the shared meetings over HTTP with the shown address and token, and the counts follow a sync', async ({ page }) => {
  test.setTimeout(120_000);
  app = await launchApp({ profile: 'g1' });
  await connect(page, app);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Library/ })
    .click();
  await expect(page.getByRole('list', { name: 'Meetings' }).getByRole('listitem')).toHaveCount(3);
  await goTo(page, 'Settings');
  const card = page.getByRole('region', { name: 'AI tools (MCP)' });
  const http = card.getByRole('switch', { name: 'Also serve over HTTP on this computer' });
  await expect(http).not.toBeChecked();
  await expect(http).toBeDisabled();
  await expect(card).toContainText('Tick at least one server above first');
  await expect(card).toContainText('3 meetings on this computer');

  // A meeting arrives by a sync while the card is open: its count follows.
  await app.core.handlers['bots:launch']({ link: 'https://meet.google.com/xyz-abcd-efg' });
  await app.core.handlers['library:sync']({});
  await expect(card).toContainText('4 meetings on this computer');

  await card.getByRole('checkbox').check();
  await expect(http).toBeEnabled();
  // The keyboard path: the switch takes focus and Space turns it on.
  await http.focus();
  await page.keyboard.press('Space');
  await expect(http).toBeChecked();
  await expect(page.getByTestId('announcer')).toHaveText(/AI apps on this computer can now connect at http:\/\/127\.0\.0\.1:/);
  const url = (await card.getByTestId('ai-tools-http-url').textContent())!;
  const token = (await card.getByTestId('ai-tools-http-token').textContent())!;
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
  const config = JSON.parse((await card.locator('pre').last().textContent()) ?? '') as {
    mcpServers: Record<string, { url: string; headers: Record<string, string> }>;
  };
  expect(config.mcpServers['vexa-companion']).toMatchObject({ url, headers: { Authorization: `Bearer ${token}` } });

  const client = await httpClient(url, token);
  const listed = (await client.callTool({ name: 'list_meetings', arguments: {} })) as CallToolResult;
  expect(listed.isError).toBeFalsy();
  expect((listed.structuredContent as { meetings: unknown[] }).meetings.length).toBe(4);

  await card.getByTestId('ai-tools-http').scrollIntoViewIfNeeded();
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await snap(page, test.info(), `settings-ai-tools-http-${theme}`);
    const audit = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(audit.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  }

  // A new token: the client holding the old one is refused at its next call.
  await card.getByRole('button', { name: 'New token' }).click();
  await expect(card.getByTestId('ai-tools-http-token')).not.toHaveText(token);
  await expect(client.callTool({ name: 'list_meetings', arguments: {} })).rejects.toThrow();
  const renewed = (await card.getByTestId('ai-tools-http-token').textContent())!;
  const again = await httpClient(url, renewed);
  expect(((await again.callTool({ name: 'list_meetings', arguments: {} })) as CallToolResult).isError).toBeFalsy();

  // Off: nothing answers at the address any more.
  await http.uncheck();
  await expect(card.getByTestId('ai-tools-http')).toHaveAttribute('data-state', 'off');
  await expect(card.getByTestId('ai-tools-http-url')).toHaveCount(0);
  await expect(fetch(url, { method: 'POST', headers: { Authorization: `Bearer ${renewed}` } })).rejects.toThrow();
});
