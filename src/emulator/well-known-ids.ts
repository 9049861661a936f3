/** Region every emulated pool lives in. */
export const DEMO_REGION = 'us-east-1';

/** Account id used in ARNs (the documentation account). */
export const DEMO_ACCOUNT_ID = '123456789012';

/** The main pool: threat protection ENFORCED, Plus tier, 20,000 users by default. */
export const LARGE_POOL_ID = 'us-east-1_Qm7Rk2Tz9';

/** A Plus-tier pool with threat protection in AUDIT mode and a few hundred users (username = sub, email sign-in). */
export const AUDIT_POOL_ID = 'us-east-1_Vn4Hw8Ld3';

/** An Essentials-tier pool with threat protection OFF and a few dozen users. */
export const OFF_POOL_ID = 'us-east-1_Jc5Px1Bs6';

/** A Plus-tier pool with threat protection ENFORCED and no sign-in alias: admin calls take the username or the sub only. */
export const NO_ALIAS_POOL_ID = 'us-east-1_Wk8Tn3Rb5';

/** A Lite-tier pool with no users, groups or events. */
export const EMPTY_POOL_ID = 'us-east-1_Ze2Gy6Nf0';

/** App client of the large pool used by the customer web app (inherits the pool's risk configuration). */
export const LARGE_POOL_WEB_CLIENT_ID = '3n7q1v5k9c2m8x4b6r0t1y5u3h';

/** App client of the large pool with its own risk configuration (High → BLOCK, different IP lists). */
export const OVERRIDE_RISK_CLIENT_ID = '7f2k9d4m1q8w3e6r5t0y2u7i4o';

/** Username of the account-takeover victim in the large pool. */
export const TAKEOVER_USERNAME = 'maria.garcia';

/** Email of the account-takeover victim (also an alias for her username). */
export const TAKEOVER_EMAIL = 'maria.garcia@example.com';

/** `sub` of the account-takeover victim. */
export const TAKEOVER_SUB = '5b0e8f3a-2c41-4d7e-9a6b-81f4c2d9e370';

/** Prefix of the usernames the `hostile` option adds to the large pool. */
export const HOSTILE_USERNAME_PREFIX = 'hostile';
