// Why Electron's installer (node_modules/electron/install.js) failed, in words a person can act on.
// Pure: reads the installer's stderr as scripts/electronInstallHooks.cjs leaves it (the printed
// error plus "Caused by:" lines for fetch's hidden causes, and the "Connecting to <url>" line).
// The shapes it reads were produced against local servers and real disks; the unit tests carry them.

const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NONAME',
  'ECONNREFUSED',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ETIMEDOUT',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);
const TLS_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);
const CUT_CODES = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'ECONNABORTED']);
// The extractor (@electron-internal/extract-zip) is native and reports Rust I/O errors, with the
// OS error where there is one ("failed to write '<path>': No space left on device (os error 28)")
// and Rust's own words where there is not ("no storage space", "read-only filesystem or storage medium").
const DISK = [
  {
    test: /\b(ENOSPC|EDQUOT)\b|No space left on device|Disk quota exceeded|no storage space|quota exceeded|os error (28|122)\)/i,
    full: true,
    code: 'ENOSPC',
  },
  { test: /\bEROFS\b|Read-only file ?system|os error 30\)/i, full: false, code: 'EROFS' },
  { test: /\b(EACCES|EPERM)\b|Permission denied|Operation not permitted|os error (13|1)\)/i, full: false, code: 'EACCES' },
];
// What the extractor says about an archive it cannot read (it checks each entry's CRC-32).
const BROKEN_ARCHIVE =
  /Invalid checksum|invalid Zip archive|unsupported Zip archive|failed to (open|read) archive|failed to read entry|corrupt deflate|header inconsistency|unexpected end of file|Invalid local file header/i;

const RUN_AGAIN = 'Run `npm start` again.';
const MIRROR_TIP =
  'If GitHub is blocked on this network, download from a mirror of Electron’s releases instead: `ELECTRON_MIRROR=https://your-mirror/electron/ npm start` (add `ELECTRON_CUSTOM_DIR={{ version }}` if the mirror names folders 45.5.0 rather than v45.5.0).';
const PROXY_TIP =
  'Behind a proxy, name it: `HTTPS_PROXY=http://proxy.example:8080 npm start` (npm start turns on ELECTRON_GET_USE_PROXY so the download uses it).';

/** The error codes the installer printed: `[CODE]` tags from the hooks and Node's "ECODE: ..." messages. */
function codesIn(text) {
  const codes = new Set();
  for (const m of text.matchAll(/\[([A-Z][A-Z0-9_]+)\]/g)) codes.add(m[1]);
  for (const m of text.matchAll(/\b(E[A-Z]{3,}|UND_ERR_[A-Z_]+)\b/g)) codes.add(m[1]);
  return codes;
}

function hostOf(url) {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

function pathIn(text) {
  // mkdtemp names the folder it failed to create inside; the folder to fix is its parent.
  const temp = /, mkdtemp '(.+)[\\/][^\\/']+'/.exec(text);
  if (temp) return temp[1];
  const m = /, \w+ '([^']+)'/.exec(text) ?? /failed to [\w ]+ '([^']+)'/.exec(text);
  return m ? m[1] : null;
}

/**
 * @param {string} output the installer's stderr
 * @param {{ proxy?: string | null, mirror?: string | null, systemCa?: boolean, cacheDir?: string | null }} [context]
 *   the proxy and mirror the download used, whether it trusted the operating system's certificates,
 *   and Electron's download cache folder
 * @returns {{ cause: 'network' | 'blocked' | 'interrupted' | 'disk' | 'mirror' | 'unknown', reason: string, retry: string[] }}
 */
export function explainInstallFailure(output, context = {}) {
  const text = String(output);
  const codes = codesIn(text);
  const has = (set) => [...codes].find((c) => set.has(c));
  const url = [...text.matchAll(/(?:Connecting to|for) (\S+:\/\/\S+)/g)].pop()?.[1] ?? null;
  const host = (url && hostOf(url)) ?? (context.mirror && hostOf(context.mirror)) ?? 'github.com';
  const proxy = context.proxy ?? null;
  const via = proxy ? ` (through the proxy ${proxy})` : '';
  const status = /Response code (\d{3}) \(([^)]*)\)/.exec(text);

  const refusedLocally = /connect (EPERM|EACCES)\b/.exec(text);
  if (refusedLocally) {
    return {
      cause: 'blocked',
      reason: `This computer refused to open a connection to ${proxy ?? host} (${refusedLocally[1]}): a local firewall or security policy blocks it.`,
      retry: [MIRROR_TIP, PROXY_TIP, RUN_AGAIN],
    };
  }

  const disk = DISK.find((d) => d.test.test(text));
  if (disk) {
    const where = pathIn(text);
    const what = where ? `\`${where}\`` : 'a file';
    return {
      cause: 'disk',
      reason: disk.full
        ? `The disk is full: ${what} could not be written while downloading or unpacking Electron.`
        : `${what} is not writable (${disk.code === 'EROFS' ? 'read-only file system' : 'permission denied'}), so Electron could not be saved there.`,
      retry: disk.full
        ? [
            'Free a few hundred MB: Electron needs room for the download (the temporary folder, TMPDIR), its download cache (electron_config_cache) and the unpacked app in node_modules/electron/dist.',
            RUN_AGAIN,
          ]
        : [
            'Make that folder writable for your user (if node_modules was installed with sudo: `sudo chown -R "$(id -un)" node_modules`), or send the download elsewhere with TMPDIR (temporary files) and electron_config_cache (the download cache).',
            RUN_AGAIN,
          ],
    };
  }

  if (status) {
    const code = Number(status[1]);
    const said = `HTTP ${code} ${status[2]}`.trim();
    if (code === 407) return proxyLogin(said);
    if (code === 401 || code === 403 || code === 451) {
      return {
        cause: 'blocked',
        reason: `${host} refused the download (${said})${via}: a firewall, a proxy or the mirror does not allow it from here.`,
        retry: [
          MIRROR_TIP,
          PROXY_TIP,
          'Or ask whoever runs this network to allow github.com and the GitHub hosts it redirects downloads to (*.githubusercontent.com).',
        ],
      };
    }
    if (code === 404) {
      return {
        cause: 'mirror',
        reason: `${url ?? host} does not exist (${said}): ${context.mirror ? `the mirror ${context.mirror}` : 'the download server'} has no such file.`,
        retry: [
          'Check ELECTRON_MIRROR and ELECTRON_CUSTOM_DIR (the folder under the mirror; `{{ version }}` stands for the version), or unset them to download from GitHub.',
          RUN_AGAIN,
        ],
      };
    }
    return {
      cause: 'mirror',
      reason: `${host} answered with an error (${said}) instead of the file.`,
      retry: [`${RUN_AGAIN} Server errors are often brief.`, MIRROR_TIP],
    };
  }

  if (/Proxy response \(407\)/.test(text)) return proxyLogin('HTTP 407 Proxy Authentication Required');

  const tls = has(TLS_CODES);
  if (tls) {
    return {
      cause: 'blocked',
      reason: `The secure connection to ${host} was not trusted (${tls}): something on this network, such as a company proxy or an antivirus, intercepts HTTPS and presents its own certificate.`,
      retry: [
        `${context.systemCa ? 'npm start already trusts the certificates installed in your operating system. ' : ''}If the intercepting certificate is your organisation’s, save it as a PEM file and run \`NODE_EXTRA_CA_CERTS=/path/to/company-ca.pem npm start\`.`,
        MIRROR_TIP,
      ],
    };
  }

  if (BROKEN_ARCHIVE.test(text)) {
    return {
      cause: 'interrupted',
      reason: 'The downloaded archive is damaged and could not be unpacked, so Electron was not installed.',
      retry: [
        `The archive passed its checksum check, so Electron's download cache keeps it and would use it again: delete ${context.cacheDir ? `\`${context.cacheDir}\`` : 'the download cache (electron_config_cache)'}, then run \`npm start\` again to download it afresh.`,
        'If it fails the same way again, the mirror (ELECTRON_MIRROR) serves a damaged file: unset ELECTRON_MIRROR or use another mirror.',
      ],
    };
  }

  if (/did not match expected checksum|No checksum found/i.test(text)) {
    return {
      cause: 'interrupted',
      reason:
        'The downloaded file was damaged or incomplete: it does not match the SHA-256 checksum Electron publishes for it (node_modules/electron/checksums.json), so nothing was installed.',
      retry: [
        `${RUN_AGAIN} A download cut short or altered on the way fails this check; a second try usually succeeds.`,
        'If it fails the same way again, the mirror (ELECTRON_MIRROR) or a proxy serves a different file: unset ELECTRON_MIRROR or use another mirror.',
      ],
    };
  }

  if (/TypeError: terminated|UND_ERR_BODY_TIMEOUT|premature close/i.test(text)) {
    return {
      cause: 'interrupted',
      reason: `The download from ${host} stopped part-way: the connection closed before the whole file arrived.`,
      retry: [`${RUN_AGAIN} An unsteady connection often succeeds on a second try.`, PROXY_TIP],
    };
  }

  const network = has(NETWORK_CODES);
  if (network) {
    const dns = DNS_CODES.has(network);
    const target = proxy ? `the proxy ${proxy}` : host;
    const address = new RegExp(`connect ${network} (\\S+?)(?: \\[|$)`, 'm').exec(text)?.[1];
    return {
      cause: 'network',
      reason: dns
        ? `${/(?:ENOTFOUND|EAI_AGAIN|EAI_FAIL|EAI_NONAME) ([^\s\]]+)/.exec(text)?.[1] ?? host} could not be found (DNS lookup failed, ${network}): this computer seems to be offline, or its DNS cannot resolve that name.`
        : `Could not connect to ${target} (${network}${address && address !== host ? ` at ${address}` : ''}): this computer seems to be offline, or that server cannot be reached from here.`,
      retry: ['Check the internet connection, then run `npm start` again.', MIRROR_TIP, PROXY_TIP],
    };
  }

  const cut = has(CUT_CODES);
  if (cut) {
    return {
      cause: 'blocked',
      reason: `The connection to ${host} was cut before the download began (${cut})${via}: firewalls and proxies do this to sites they block.`,
      retry: [MIRROR_TIP, PROXY_TIP, RUN_AGAIN],
    };
  }

  return {
    cause: 'unknown',
    reason: 'Electron’s installer failed; its own message is shown above.',
    retry: [RUN_AGAIN, MIRROR_TIP, PROXY_TIP],
  };
}

function proxyLogin(said) {
  return {
    cause: 'blocked',
    reason: `The proxy asks for a login (${said}), so the download was refused.`,
    retry: ['Put the proxy login in its address: `HTTPS_PROXY=http://user:password@proxy.example:8080 npm start`.', RUN_AGAIN],
  };
}
