import { requirePool, requireThreatProtection, requireUser } from '../context.ts';
import type { OperationHandler } from '../context.ts';
import { ServiceError } from '../../errors.ts';
import { pageByOffset, pageSizeOf, positionOf, withNextToken } from '../paging.ts';
import { RequestValidator, RULES } from '../validation.ts';
import { authEventType } from '../shapes.ts';

/**
 * AdminListUserAuthEvents: newest first; MaxResults 0..60 (0 or absent = 60), NextToken. Needs threat
 * protection on the pool; Username may be the username, an alias or the sub.
 */
export const adminListUserAuthEvents: OperationHandler = (ctx, body) => {
  const v = new RequestValidator(body);
  const poolId = v.string('UserPoolId', RULES.userPoolId);
  const username = v.string('Username', RULES.username);
  const max = v.integer('MaxResults', { min: 0, max: 60 });
  const token = v.string('NextToken', RULES.token);
  v.check();
  const pool = requirePool(ctx, poolId as string);
  requireThreatProtection(pool);
  const user = requireUser(pool, username as string);
  const events = ctx.events.eventsFor(pool.def, user);
  const scope = ['AdminListUserAuthEvents', pool.def.id, user.username];
  const page = pageByOffset(events, positionOf(ctx.tokens, scope, token), pageSizeOf(max));
  const out = { AuthEvents: page.items.map((e) => authEventType(e, ctx.events.feedbackFor(pool.def.id, e.EventId))) };
  return withNextToken(ctx.tokens, scope, out, 'NextToken', page.next);
};

/** AdminUpdateAuthEventFeedback: records Valid/Invalid feedback from "Admin" on one of the user's events. */
export const adminUpdateAuthEventFeedback: OperationHandler = (ctx, body) => {
  const v = new RequestValidator(body);
  const poolId = v.string('UserPoolId', RULES.userPoolId);
  const username = v.string('Username', RULES.username);
  const eventId = v.string('EventId', { required: true, min: 1, max: 50, pattern: '[\\w+-]+' });
  const value = v.string('FeedbackValue', { required: true, oneOf: ['Valid', 'Invalid'] });
  v.check();
  const pool = requirePool(ctx, poolId as string);
  requireThreatProtection(pool);
  const user = requireUser(pool, username as string);
  const event = ctx.events.eventsFor(pool.def, user).find((e) => e.EventId === eventId);
  if (event === undefined) {
    throw new ServiceError('ResourceNotFoundException', `Auth event ${eventId} does not exist for this user.`);
  }
  ctx.events.setFeedback(pool.def.id, event.EventId, {
    FeedbackValue: value as 'Valid' | 'Invalid',
    Provider: 'Admin',
    feedbackAt: ctx.clock(),
  });
  return {};
};
