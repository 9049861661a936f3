import { TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import type { CognitoGateway } from '../../src/gateway/types.ts';

/** The address of the takeover's first blocked sign-in (the demo's story). */
export const ATTACKER = '185.220.101.34';

/**
 * The gateway with every event of the other users named maria… carrying the attacker's address (the sweep's gateway
 * too), so that an IP pivot or a playbook has more than one user to find.
 */
export function sharingTheAddress(gw: CognitoGateway): CognitoGateway {
  return {
    ...gw,
    async listAuthEvents(poolId, username, token, opts) {
      const page = await gw.listAuthEvents(poolId, username, token, opts);
      const other = username.startsWith('maria') && username !== TAKEOVER_USERNAME;
      return other ? { ...page, items: page.items.map((e) => ({ ...e, ip: ATTACKER })) } : page;
    },
    forSweep: () => sharingTheAddress(gw.forSweep?.() ?? gw),
  };
}
