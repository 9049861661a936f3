import { memo } from 'react';
import { currentRoute } from '../../store/selectors.ts';
import { viewSpec } from '../../views/registry.ts';
import { useAppState } from '../store-context.ts';
import type { ViewProps } from './view-props.ts';

/** Draws the view on top of the navigation stack, with the renderer its spec declares; redrawn when its props or the state it reads change. */
export const CurrentView = memo(function CurrentView(props: ViewProps) {
  const route = useAppState(currentRoute);
  const { Render } = viewSpec(route);
  return <Render {...props} route={route} />;
});
