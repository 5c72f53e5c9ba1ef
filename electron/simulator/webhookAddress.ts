import { isIP } from 'node:net';

/**
 * G2's refusal of private and internal webhook addresses at `PUT /user/webhook`. From v0.10's fix
 * for CVE-2026-25883 (GHSA-fhr6-8hff-cvg4: "prior to 0.10.0-260419-1910" no webhook URL was
 * checked, so G1, v0.9 of 2026-03-10, takes any address): admin-api's `set_user_webhook` calls
 * `meeting_api.webhook_url.validate_webhook_url` and answers its ValueError as 400
 * `{"detail": str(e)}` (Vexa-ai/vexa services/admin-api/app/main.py); the pre-0.12 docs say
 * "Private/internal URLs are rejected (SSRF protection)" (docs/webhooks.md). Its tests refuse
 * loopback, RFC 1918, link-local, unique-local, multicast, cloud metadata names and the stack's
 * service names (redis, postgres, meeting-api, ...).
 * Inferred: the wording of the detail (the validator's module is not in the references), and that
 * a name is judged as written: the real one also resolves names, which the simulator cannot.
 */

const METADATA_NAMES = new Set(['metadata.google.internal', 'metadata.amazonaws.com']);

function internalIPv4(ip: string): boolean {
  const [a = 0, b = 0] = ip.split('.').map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127) ||
    a >= 224
  );
}

function internalIPv6(ip: string): boolean {
  const lower = ip.toLowerCase();
  if (lower === '::' || lower === '::1') return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return internalIPv4(mapped[1]!);
  // fc00::/7 unique local, fe80::/10 link-local, ff00::/8 multicast.
  return /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower) || lower.startsWith('ff');
}

/** The 400 detail for a webhook address G2 will not call, or null when it may. */
export function internalWebhookAddress(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return null;
  }
  const family = isIP(host);
  const internal =
    family === 4
      ? internalIPv4(host)
      : family === 6
        ? internalIPv6(host)
        : host === 'localhost' ||
          host.endsWith('.localhost') ||
          host.endsWith('.internal') ||
          METADATA_NAMES.has(host) ||
          // A single label is a service on the server's own network (docker compose: redis, admin-api).
          !host.includes('.');
  return internal ? `Webhook URL must not point to a private or internal address: ${host}` : null;
}
