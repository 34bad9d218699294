/**
 * `docker logs`: what a container's processes wrote, each line on the stream that wrote it (its
 * stdout on stdout, its stderr on stderr), in the order written; `--tail N` keeps the last N
 * lines of both together. Recorded on Docker 28.5, both stores:
 * conformance/lessons/<store>/logs-order.txt (`out1 err1 out2 err2`; `2>/dev/null` leaves the
 * two stdout lines, `--tail 2` gives `out2 err2`).
 */
import { noteRun, type OutputRun } from '../../common/output-order.ts';
import { logEntries } from '../../containers/container.ts';
import { parseArgs } from '../argv.ts';
import { usageError, type Command } from '../types.ts';

export const logs: Command = ({ engine, argv }) => {
  const args = parseArgs(
    argv,
    [
      { name: 'follow', short: 'f', type: 'bool' },
      { name: 'tail', short: 'n', type: 'string' },
    ],
    { command: 'logs' },
  );
  if (args.positional.length !== 1)
    return usageError(
      'logs',
      'exactly 1 argument',
      'logs [OPTIONS] CONTAINER',
      'Fetch the logs of a container',
    );
  const entries = logEntries(engine.containers.resolve(args.positional[0]!));
  // dockerd reads --tail with strconv.Atoi: anything but a count (`all`, `x`, -1) means all.
  const n = /^\d+$/.test(args.string('tail') ?? '') ? Number(args.string('tail')) : -1;
  const shown = n < 0 ? entries : n === 0 ? [] : entries.slice(-n);
  const out = { stdout: '', stderr: '' };
  const order: OutputRun[] = [];
  for (const e of shown) {
    out[e.stream] += e.text;
    noteRun(order, e.stream, e.text.length);
  }
  return { exitCode: 0, ...out, order };
};
