import { requirePool, requireUser } from '../context.ts';
import type { OperationHandler } from '../context.ts';
import { ServiceError } from '../../errors.ts';
import { userNotFoundAsResource } from '../errors.ts';
import { pageByOffset, pageSizeOf, positionOf, withNextToken } from '../paging.ts';
import { userProfile } from '../user-profile.ts';
import { RequestValidator, RULES } from '../validation.ts';
import { deviceType } from '../shapes.ts';

/**
 * AdminListDevices: Limit 0..60 (0 or absent = 60), PaginationToken; most recently used first. A user who does not
 * exist is a ResourceNotFoundException: the operation declares no UserNotFoundException.
 */
export const adminListDevices: OperationHandler = (ctx, body) => {
  const v = new RequestValidator(body);
  const poolId = v.string('UserPoolId', RULES.userPoolId);
  const username = v.string('Username', RULES.username);
  const limit = v.integer('Limit', { min: 0, max: 60 });
  const token = v.string('PaginationToken', RULES.token);
  v.check();
  const pool = requirePool(ctx, poolId as string);
  const user = pool.findUser(username as string);
  if (user === undefined) throw userNotFoundAsResource();
  const devices = userProfile(ctx.seed, pool.def, user, ctx.now).devices.filter((d) => !pool.isForgotten(user, d.key)).sort((a, b) => b.lastAuthenticatedAt - a.lastAuthenticatedAt);
  const scope = ['AdminListDevices', pool.def.id, user.username];
  const page = pageByOffset(devices, positionOf(ctx.tokens, scope, token), pageSizeOf(limit));
  return withNextToken(ctx.tokens, scope, { Devices: page.items.map(deviceType) }, 'PaginationToken', page.next);
};

/** AdminForgetDevice: the device leaves AdminListDevices; a key the user has no (more) device for is a ResourceNotFoundException. */
export const adminForgetDevice: OperationHandler = (ctx, body) => {
  const v = new RequestValidator(body);
  const poolId = v.string('UserPoolId', RULES.userPoolId);
  const username = v.string('Username', RULES.username);
  const deviceKey = v.string('DeviceKey', RULES.deviceKey);
  v.check();
  const pool = requirePool(ctx, poolId as string);
  const user = requireUser(pool, username as string);
  const device = userProfile(ctx.seed, pool.def, user, ctx.now).devices.find((d) => d.key === deviceKey);
  if (device === undefined || pool.isForgotten(user, device.key)) throw new ServiceError('ResourceNotFoundException', 'Device does not exist.');
  pool.forgetDevice(user, device.key);
  return {};
};
