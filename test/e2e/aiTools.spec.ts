import AxeBuilder from '@axe-core/playwright';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { goTo } from './support/admin';
import { launchApp, type LaunchedApp } from './support/app';
import { connect, snap } from './support/launch';
import { expect, test } from './support/test';

// Settings → AI tools: a server ticked in the card is what an AI client started with the card's
// command can read, and nothing before that.

let app: LaunchedApp | null = null;
let client: Client | null = null;
test.afterEach(async () => {
  await client?.close();
  client = null;
  await app?.close();
  app = null;
});

const text = (r: CallToolResult) => r.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');

test('shares nothing until a server is ticked; then an AI client started with the shown configuration reads its meetings', async ({
  page,
}) => {
  test.setTimeout(120_000);
  app = await launchApp({ profile: 'g3' });
  await connect(page, app);
  // The seeded meetings in the library first, as after any sync.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Library/ })
    .click();
  await expect(page.getByRole('list', { name: 'Meetings' }).getByRole('listitem')).toHaveCount(3);
  await goTo(page, 'Settings');
  const card = page.getByRole('region', { name: 'AI tools (MCP)' });
  await expect(card).toContainText('never sees your API keys');
  const box = card.getByRole('checkbox');
  await expect(box).toHaveCount(1);
  await expect(box).not.toBeChecked();

  // The configuration shown, as a person copies it into Claude Desktop.
  const config = JSON.parse((await card.locator('pre').textContent()) ?? '') as {
    mcpServers: Record<string, { command: string; args: string[] }>;
  };
  const { command, args } = config.mcpServers['vexa-companion']!;
  expect(args).toContain(app.dataDir);
  client = new Client({ name: 'e2e-ai-client', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command, args, stderr: 'pipe' }));
  const before = (await client.callTool({ name: 'list_meetings', arguments: {} })) as CallToolResult;
  expect(before.isError).toBe(true);
  expect(text(before)).toContain('Settings → AI tools (MCP)');

  await box.check();
  await expect(page.getByTestId('announcer')).toHaveText(/AI tools can now read the meetings of/);
  const stored = JSON.parse(readFileSync(join(app.dataDir, 'settings.json'), 'utf8')) as { mcp: { exposedServers: string[] } };
  expect(stored.mcp.exposedServers).toHaveLength(1);
  const after = (await client.callTool({ name: 'list_meetings', arguments: {} })) as CallToolResult;
  expect(after.isError).toBeFalsy();
  expect((after.structuredContent as { meetings: unknown[] }).meetings.length).toBeGreaterThan(0);

  await card.scrollIntoViewIfNeeded();
  await snap(page, test.info(), 'settings-ai-tools');
  const audit = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(audit.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await box.uncheck();
  await expect(box).not.toBeChecked();
  const off = (await client.callTool({ name: 'list_meetings', arguments: {} })) as CallToolResult;
  expect(off.isError).toBe(true);
});
