import type { SimContext } from './context';
import type { SimScope } from './types';

const FIRST = [
  'Amara',
  'Bruno',
  'Chen',
  'Dana',
  'Elif',
  'Farid',
  'Greta',
  'Hiro',
  'Ines',
  'Jonas',
  'Kavya',
  'Luca',
  'Mei',
  'Nadia',
  'Oskar',
  'Priya',
  'Quentin',
  'Rosa',
  'Samir',
  'Tanja',
  'Umar',
  'Vera',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zofia',
  'Aiko',
  'Björn',
  'Camille',
  'Diego',
  'Émilie',
  'Fatima',
  'Gökhan',
  'Hana',
  'Ivan',
  'José',
  'Katarzyna',
  'Léa',
  'Mateo',
  'Noor',
];
const LAST = [
  'Okafor',
  'Silva',
  'Wang',
  'Levi',
  'Yilmaz',
  'Haddad',
  'Lindqvist',
  'Tanaka',
  'García',
  'Becker',
  'Iyer',
  'Rossi',
  'Lin',
  'Petrova',
  'Nilsen',
  'Sharma',
  'Dubois',
  'Moreno',
  'Khalil',
  'Novak',
  'Farouk',
  'Costa',
  'Zhou',
  'Ortega',
  'Demir',
  'Kowalska',
  'Sato',
  'Andersson',
  'Martin',
  'Fernández',
  'Nasser',
  'Öztürk',
  'Kim',
  'Petrenko',
  'Núñez',
];
const DOMAINS = ['example.com', 'example.org', 'acme.example', 'studio.example', 'research.example.net'];
const TOKEN_NAMES = ['laptop', 'desktop app', 'CI', 'zapier', 'calendar sync', 'notebook', null];
const SCOPE_SETS: SimScope[][] = [['bot', 'tx'], ['bot', 'tx'], ['bot'], ['tx'], ['bot', 'tx', 'browser'], ['browser']];
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const DAY = 86_400_000;

/** How many users `seed` adds to the admin API: enough that a list must page. */
export const SEEDED_USER_COUNT = 320;

/** mulberry32: a small seeded generator, so every run seeds the same people. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/g, 'o')
    .replace(/ı/g, 'i')
    .toLowerCase();
}

/**
 * A realistic population for the admin screens: a few hundred people with names, emails, bot
 * limits and sign-up dates over the last two years, each with one to four tokens of mixed scopes,
 * some used recently, some expiring. Token values follow the generation's format but come from the
 * seeded generator, so they are stable across runs (they are test data, never real secrets).
 */
export function seedAdminUsers(ctx: SimContext, count = SEEDED_USER_COUNT): void {
  const random = seeded(0x7e4a);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const now = ctx.clock.now();
  for (let i = 0; i < count; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const email = `${ascii(first)}.${ascii(last)}${i}@${pick(DOMAINS)}`;
    if (ctx.users.byEmail(email)) continue;
    const createdAt = now - Math.floor(random() * 730 * DAY);
    const user = ctx.users.createUser({
      email,
      name: random() < 0.9 ? `${first} ${last}` : null,
      maxConcurrent: pick([0, 1, 1, 2, 3, 3, 3, 5, 10]),
      createdAt,
    });
    const tokens = 1 + Math.floor(random() * 4);
    for (let t = 0; t < tokens; t++) {
      const scopes = ctx.profile === 'g1' ? (['bot', 'tx', 'browser'] as SimScope[]) : pick(SCOPE_SETS);
      const minted = createdAt + Math.floor(random() * (now - createdAt));
      const used = random() < 0.6 ? minted + Math.floor(random() * (now - minted)) : null;
      let value = '';
      for (let c = 0; c < (ctx.profile === 'g1' ? 40 : 32); c++) value += ALNUM[Math.floor(random() * ALNUM.length)];
      ctx.users.addToken(user.id, ctx.profile === 'g1' ? value : `vxa_${scopes[0]}_${value}`, scopes, {
        name: ctx.profile === 'g1' ? null : pick(TOKEN_NAMES),
        createdAt: minted,
        lastUsedAt: used,
        expiresInSec: random() < 0.15 ? Math.floor(random() * 400) * 86_400 : null,
      });
    }
  }
}
