/** Runs a lesson's commands one after another in the lab's terminal, where the learner sees them. */
import { useState } from 'react';
import { useLabStore } from '../../store/index.ts';

export function usePlayCommands(commands: readonly string[]) {
  const runCommand = useLabStore((s) => s.runCommand);
  const [running, setRunning] = useState(false);
  const play = async () => {
    setRunning(true);
    try {
      for (const line of commands) await runCommand(line, { echo: true });
    } finally {
      setRunning(false);
    }
  };
  return { play, running };
}
