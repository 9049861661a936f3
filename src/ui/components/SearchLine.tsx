import { Text } from 'ink';
import { useAppState } from '../store-context.ts';
import { safeText, truncate } from '../text.ts';

/** The search line of the user list (always one row): the prompt while typing, else the active filter. */
export function SearchLine({ width }: { width: number }) {
  const prompt = useAppState((s) => s.prompt);
  const active = useAppState((s) => {
    const top = s.stack[s.stack.length - 1];
    return top.view === 'users' ? s.searches[top.poolId] ?? '' : '';
  });
  if (!prompt) {
    return active
      ? <Text color="cyan" wrap="truncate">{`filter: ${safeText(active)}   (esc clears, / edits)`}</Text>
      : <Text dimColor wrap="truncate">/ searches users on the server</Text>;
  }
  const typed = truncate(safeText(prompt.text), Math.max(5, width - 50));
  return (
    <Text wrap="truncate">
      <Text color="cyan" bold>/</Text>
      <Text>{typed}</Text>
      <Text inverse> </Text>
      {prompt.error
        ? <Text color="red">{`  ✖ nothing was sent: ${safeText(prompt.error)}`}</Text>
        : <Text dimColor>{`  text: ${prompt.attribute} starts with (tab: other attribute) · or a filter: email ^= "bob"`}</Text>}
    </Text>
  );
}
