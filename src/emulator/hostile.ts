import type { UserRecord } from './model.ts';
import { Rng } from './prng.ts';
import { HOSTILE_USERNAME_PREFIX } from './well-known-ids.ts';

const ESC = '\x1b';
const BEL = '\x07';

/** Terminal-hostile strings: CSI, OSC (title and clipboard), DCS, C0/C1 controls, bidi and zero-width marks, wide text. */
export const HOSTILE_STRINGS = {
  clearScreen: `${ESC}[2J${ESC}[H`,
  red: `${ESC}[31m`,
  reset: `${ESC}[0m`,
  windowTitle: `${ESC}]0;pwned${BEL}`,
  clipboardWrite: `${ESC}]52;c;cHduZWQ=${BEL}`,
  dcs: `${ESC}Pq#0;2;0;0;0#1;2;100;100;0${ESC}\\`,
  bell: BEL,
  backspace: '\x08',
  carriageReturn: '\r',
  c1Csi: '\x9b',
  rightToLeftOverride: '\u202e',
  zeroWidthSpace: '\u200b',
  emoji: '👩‍💻🔥',
  cjk: '東京都渋谷区',
} as const;

const H = HOSTILE_STRINGS;

/** A value of exactly 10,000 characters. */
export const LONG_HOSTILE_VALUE = 'Very long name '.repeat(667).slice(0, 10_000);

interface HostileProfile {
  suffix: string;
  name: string;
  given: string;
  family: string;
  email: string;
  extra?: Record<string, string>;
}

const PROFILES: readonly HostileProfile[] = [
  { suffix: '-csi', name: `${H.clearScreen}Eve ${H.red}Red${H.reset}`, given: `${ESC}[1mEve`, family: `${H.red}Red`, email: 'hostile-csi@example.com' },
  { suffix: '-osc-title', name: `${H.windowTitle}Olly Title`, given: 'Olly', family: `Title${H.windowTitle}`, email: 'hostile-osc@example.com' },
  { suffix: '-osc52', name: `Clip ${H.clipboardWrite}Board`, given: `Clip${H.clipboardWrite}`, family: 'Board', email: `clip${H.clipboardWrite}@example.com` },
  { suffix: '-dcs', name: `${H.dcs}Dee Cee`, given: 'Dee', family: `Cee${H.dcs}`, email: 'hostile-dcs@example.com' },
  {
    suffix: '-controls',
    name: `Bell${H.bell} Back${H.backspace}${H.backspace}${H.backspace}Over${H.carriageReturn}CR ${H.c1Csi}2J`,
    given: `Tab\tNew\nLine`,
    family: `C1${H.c1Csi}31m`,
    email: 'hostile-controls@example.com',
  },
  {
    suffix: '-bidi',
    name: `${H.rightToLeftOverride}exe.tnemyap`,
    given: `Zero${H.zeroWidthSpace}Width`,
    family: `${H.rightToLeftOverride}Override`,
    email: `bidi${H.zeroWidthSpace}@example.com`,
    extra: { preferred_username: `admin${H.zeroWidthSpace}` },
  },
  { suffix: '-long', name: LONG_HOSTILE_VALUE, given: 'Long', family: LONG_HOSTILE_VALUE.slice(0, 2048), email: 'hostile-long@example.com' },
  { suffix: '-wide', name: `${H.emoji} 山田 太郎 ${H.cjk}`, given: '太郎', family: H.cjk, email: 'hostile-wide@example.com' },
  { suffix: `-${H.red}username${H.reset}`, name: 'Escaped Username', given: 'Escaped', family: 'Username', email: 'hostile-username@example.com' },
];

/** How many users the `hostile` option adds. */
export const HOSTILE_USER_COUNT = PROFILES.length;

/** Users whose attributes try to break a terminal, to append to the large pool after its ordinary users. */
export function hostileUsers(seed: number, firstOrdinal: number, now: number): UserRecord[] {
  const rng = new Rng(seed, 'hostile-users');
  return PROFILES.map((p, i) => {
    const createdAt = now - (PROFILES.length - i) * 3_600_000;
    return {
      ordinal: firstOrdinal + i,
      username: `${HOSTILE_USERNAME_PREFIX}${p.suffix}`,
      enabled: true,
      userStatus: 'CONFIRMED',
      attributes: {
        sub: rng.uuid(),
        email: p.email,
        email_verified: 'false',
        given_name: p.given,
        family_name: p.family,
        name: p.name,
        locale: 'en-US',
        ...p.extra,
        'custom:tenant': `${H.red}tenant${H.reset}`,
        'custom:plan': 'free',
      },
      createdAt,
      modifiedAt: createdAt,
      mfa: { enabled: [] },
      locale: 0,
      city: 0,
      kind: 'hostile',
    };
  });
}

/** City names for hostile users' auth events. */
export const HOSTILE_CITIES: readonly string[] = [
  `${H.clearScreen}Springfield`,
  `Gotham${H.windowTitle}`,
  `${H.rightToLeftOverride}nodnoL`,
  H.cjk,
  `Zero${H.zeroWidthSpace}ville`,
];

/** Device names for hostile users' auth events. */
export const HOSTILE_DEVICE_NAMES: readonly string[] = [
  `Chrome 125, ${H.red}Windows${H.reset} 11`,
  `Safari${H.clipboardWrite}, iOS 17`,
  `${H.dcs}Firefox 126, Linux`,
  `Bell${H.bell}${H.backspace}Edge, Windows 11 ${H.c1Csi}2J`,
  `${H.emoji} Phone`,
];
