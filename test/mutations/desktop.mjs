// Named mutations of the desktop integration (start at login, tray quick actions, lobby badge) for
// the mutation check (scripts/mutationCheck.mjs). Each breaks one promise the way a plausible slip
// would; `tests` must fail when it is applied.
const TRAY = ['test/unit/desktop/trayMenu.test.ts'];
const ACTIONS = ['test/unit/desktop/trayActions.test.ts'];
const FEED = ['test/unit/desktop/attention.test.ts'];
const LOGIN = ['test/unit/desktop/loginItemHandlers.test.ts'];
const SHELL_LOGIN = ['test/unit/shell/loginItem.test.ts'];
const SHELL_ATTENTION = ['test/unit/shell/attention.test.ts'];

export const mutations = [
  {
    name: 'tray-stop-while-stopping',
    what: 'the tray offers Stop for a bot already leaving',
    edits: [{ file: 'electron/core/desktop/trayMenu.ts', from: "enabled: meeting.status !== 'stopping'", to: 'enabled: true' }],
    tests: TRAY,
  },
  {
    name: 'tray-overlay-not-live',
    what: 'the tray offers the caption overlay for a bot that is not transcribing',
    edits: [{ file: 'electron/core/desktop/trayMenu.ts', from: "if (meeting.status === 'active')", to: 'if (true)' }],
    tests: TRAY,
  },
  {
    name: 'tray-send-any-clipboard',
    what: 'the tray sends a bot to whatever text the clipboard holds',
    edits: [{ file: 'electron/core/desktop/trayActions.ts', from: '    if (clipboardMeeting(text) === null) {', to: '    if (false) {' }],
    tests: ACTIONS,
  },
  {
    name: 'attention-under-dnd',
    what: 'a lobby wait asks for attention under Do Not Disturb',
    edits: [{ file: 'electron/core/desktop/attention.ts', from: 'request: entered && !doNotDisturb', to: 'request: entered' }],
    tests: FEED,
  },
  {
    name: 'attention-servers-share-ids',
    what: 'two servers’ meetings with the same id count as one in the badge',
    edits: [{ file: 'electron/core/desktop/attention.ts', from: '`${m.serverId}\\u0000${m.id}`', to: '`${m.id}`' }],
    tests: FEED,
  },
  {
    name: 'login-item-shows-wish',
    what: 'the start-at-login card shows the stored wish instead of what the OS does',
    edits: [
      {
        file: 'electron/core/desktop/loginItem.ts',
        from: '      return loginItemView(wanted(), await loginItems.read());',
        to: "      await loginItems.read();\n      return loginItemView(wanted(), { status: wanted() ? 'on' : 'off', reason: null });",
      },
    ],
    tests: LOGIN,
  },
  {
    name: 'windows-login-read-without-args',
    what: 'Windows reads the Run entry without the path and arguments it was written with',
    edits: [{ file: 'electron/main/shell/loginItem.ts', from: 'getLoginItemSettings({ path, args })', to: 'getLoginItemSettings()' }],
    tests: SHELL_LOGIN,
  },
  {
    name: 'autostart-runs-appimage-mount',
    what: 'the Linux autostart entry runs the AppImage’s temporary mount instead of the AppImage',
    edits: [{ file: 'electron/main/shell/loginItem.ts', from: 'env.APPIMAGE || execPath', to: 'execPath' }],
    tests: SHELL_LOGIN,
  },
  {
    name: 'attention-flash-while-focused',
    what: 'the taskbar flashes or the Dock bounces while the app is in front',
    edits: [{ file: 'electron/main/shell/attention.ts', from: '      if (!shouldRequestAttention(d.appFocused())) return;\n', to: '' }],
    tests: SHELL_ATTENTION,
  },
  {
    name: 'attention-flash-outlives-lobby',
    what: 'the flash or bounce goes on after every bot was admitted',
    edits: [{ file: 'electron/main/shell/attention.ts', from: '      if (count === 0) stop();\n', to: '' }],
    tests: SHELL_ATTENTION,
  },
];
