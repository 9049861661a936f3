import type { UserRecord } from './model.ts';
import { Rng } from '../prng.ts';
import { HOSTILE_USERNAME_PREFIX } from '../well-known-ids.ts';

const ESC = '\x1b';
const BEL = '\x07';
const ST = `${ESC}\\`;

/**
 * Terminal-hostile strings: CSI, OSC 0/1/2 (titles) and OSC 52 (clipboard) ended by BEL or ST, DCS, C0 and C1
 * controls (raw 0x9b CSI, 0x9d OSC, 0x90 DCS), bidi overrides and isolates, zero-width characters, wide text.
 */
const HOSTILE_STRINGS = {
  clearScreen: `${ESC}[2J${ESC}[H`,
  red: `${ESC}[31m`,
  reset: `${ESC}[0m`,
  windowTitle: `${ESC}]0;pwned${BEL}`,
  iconTitle: `${ESC}]1;pwned-icon${BEL}`,
  windowTitleSt: `${ESC}]2;pwned-title${ST}`,
  clipboardWrite: `${ESC}]52;c;cHduZWQ=${BEL}`,
  clipboardWriteSt: `${ESC}]52;c;cHduZWQtc3Q=${ST}`,
  dcs: `${ESC}Pq#0;2;0;0;0#1;2;100;100;0${ESC}\\`,
  bell: BEL,
  backspace: '\x08',
  carriageReturn: '\r',
  nul: '\x00',
  del: '\x7f',
  c1Csi: '\x9b',
  c1Osc: '\x9d2;pwned-c1\x9c',
  c1Dcs: '\x90q#0\x9c',
  rightToLeftOverride: '\u202e',
  isolates: '\u2067\u2066\u2069\u200f',
  zeroWidthSpace: '\u200b',
  zeroWidthOthers: '\u200c\u2060\ufeff',
  emoji: '👩‍💻🔥',
  cjk: '東京都渋谷区',
} as const;

const H = HOSTILE_STRINGS;

/** Every hostile string in one value, as a detail-only attribute of each hostile user holds it. */
export const HOSTILE_KITCHEN_SINK = Object.entries(HOSTILE_STRINGS).map(([k, v]) => `${k}:${v}`).join(' ');

/** A value of exactly 10,000 characters. */
export const LONG_HOSTILE_VALUE = 'Very long name '.repeat(667).slice(0, 10_000);

/** A second value of exactly 10,000 characters, in an attribute the user list does not show (`address`). */
export const LONG_DETAIL_VALUE = Array.from({ length: 1_000 }, (_, i) => `street-${String(i).padStart(4, '0')} `).join('').slice(0, 10_000);

interface HostileProfile {
  suffix: string;
  name: string;
  given: string;
  family: string;
  email: string;
  extra?: Record<string, string>;
}

const PROFILES: readonly HostileProfile[] = [
  {
    suffix: '-csi', name: `${H.clearScreen}Eve ${H.red}Red${H.reset}`, given: `${ESC}[1mEve`, family: `${H.red}Red`,
    email: `hostile-csi${ESC}[2K@example.com`,
  },
  {
    suffix: '-osc-title', name: `${H.windowTitle}Olly Title`, given: `Olly${H.iconTitle}`, family: `Title${H.windowTitleSt}`,
    email: `hostile-osc${ESC}]2;pwned-email${BEL}@example.com`,
  },
  {
    suffix: '-osc52', name: `Clip ${H.clipboardWriteSt}Board`, given: `Clip${H.clipboardWrite}`, family: 'Board',
    email: `clip${H.clipboardWrite}@example.com`, extra: { nickname: `nick${H.clipboardWriteSt}` },
  },
  {
    suffix: '-dcs', name: `${H.dcs}Dee Cee`, given: 'Dee', family: `Cee${H.c1Dcs}`,
    email: `hostile-dcs${H.dcs}@example.com`,
  },
  {
    suffix: '-controls',
    name: `Bell${H.bell} Back${H.backspace}${H.backspace}${H.backspace}Over${H.carriageReturn}CR ${H.c1Csi}2J`,
    given: `Tab\tNew\nLine${H.nul}${H.del}`,
    family: `C1${H.c1Csi}31m${H.c1Osc}`,
    email: `hostile-controls${H.c1Osc}@example.com`,
  },
  {
    suffix: '-bidi',
    name: `${H.rightToLeftOverride}exe.tnemyap`,
    given: `Zero${H.zeroWidthSpace}Width${H.zeroWidthOthers}`,
    family: `${H.rightToLeftOverride}Override${H.isolates}`,
    email: `bidi${H.zeroWidthSpace}${H.rightToLeftOverride}moc.elpmaxe@`,
    extra: { preferred_username: `admin${H.zeroWidthSpace}` },
  },
  {
    suffix: '-long', name: LONG_HOSTILE_VALUE, given: 'Long', family: LONG_HOSTILE_VALUE.slice(0, 2048),
    email: `${'hostile-long-'.repeat(20)}@example.com`, extra: { address: LONG_DETAIL_VALUE },
  },
  {
    suffix: '-wide', name: `${H.emoji} 山田 太郎 ${H.cjk}`, given: '太郎', family: H.cjk,
    email: `taro.${H.cjk}@example.jp`, extra: { address: `${H.cjk}神南一丁目 ${H.emoji} `.repeat(12) },
  },
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
        'custom:notes': HOSTILE_KITCHEN_SINK,
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
  `Metropolis${H.windowTitleSt}`,
  `${H.rightToLeftOverride}nodnoL`,
  H.cjk,
  `Zero${H.zeroWidthSpace}ville`,
  `C1${H.c1Osc}town`,
];

/** Device names for hostile users' auth events. */
export const HOSTILE_DEVICE_NAMES: readonly string[] = [
  `Chrome 125, ${H.red}Windows${H.reset} 11`,
  `Safari${H.clipboardWrite}, iOS 17`,
  `Opera${H.clipboardWriteSt}, Android 14`,
  `${H.dcs}Firefox 126, Linux`,
  `Bell${H.bell}${H.backspace}Edge, Windows 11 ${H.c1Csi}2J`,
  `${H.emoji} Phone`,
];
