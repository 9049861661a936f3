import { render, Text, useApp, useInput } from 'ink';
import { useState } from 'react';

function Floor() {
  const [presses, setPresses] = useState(0);
  const { exit } = useApp();
  useInput((input) => {
    if (input === 'q') exit();
    else setPresses((n) => n + 1);
  });
  return <Text>ink floor · {presses} keys</Text>;
}

render(<Floor />);
