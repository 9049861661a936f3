import { Box, Text } from 'ink';
import { regionLabel } from '../../gateway/types.ts';
import { currentRoute } from '../../store/selectors.ts';
import { useAppState } from '../store-context.ts';
import { safeText } from '../text.ts';
import { AttributesView } from './AttributesView.tsx';
import { EventsView } from './EventsView.tsx';
import { EventView } from './EventView.tsx';
import { PoolsView } from './PoolsView.tsx';
import { LogView } from './LogView.tsx';
import { RiskView } from './RiskView.tsx';
import { SweepView } from './SweepView.tsx';
import { UsersView } from './UsersView.tsx';
import { UserView } from './UserView.tsx';
import type { ViewProps } from './view-props.ts';

/** Draws the view on top of the navigation stack. */
export function CurrentView(props: ViewProps) {
  const route = useAppState(currentRoute);
  const region = useAppState((s) => regionLabel(s.target));
  switch (route.view) {
    case 'pools':
      return (
        <Box flexDirection="column">
          <Text dimColor>{`User pools in ${safeText(region)}`}</Text>
          <PoolsView {...props} />
        </Box>
      );
    case 'users':
      return <UsersView {...props} poolId={route.poolId} />;
    case 'user':
      return <UserView {...props} poolId={route.poolId} username={route.username} />;
    case 'attributes':
      return <AttributesView {...props} poolId={route.poolId} username={route.username} />;
    case 'events':
      return <EventsView {...props} poolId={route.poolId} username={route.username} />;
    case 'event':
      return <EventView {...props} poolId={route.poolId} username={route.username} eventId={route.eventId} />;
    case 'risk':
      return <RiskView {...props} poolId={route.poolId} />;
    case 'sweep':
      return <SweepView {...props} poolId={route.poolId} />;
    case 'log':
      return <LogView {...props} />;
  }
}
