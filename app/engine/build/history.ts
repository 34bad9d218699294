/**
 * `created_by` strings of image history, exactly as each builder writes them
 * (docker-facts.md; BuildKit's dockerfile2llb, moby's classic dispatchers).
 */
import type { BuilderKind } from './events.ts';
import type { CommandForm } from './steps.ts';

/** Go's `%q` of a string slice: `["cat" "/data/greet"]`. */
export function goQuotedList(list: readonly string[]): string {
  return `[${list.map((s) => JSON.stringify(s)).join(' ')}]`;
}

/** The argv a RUN/CMD/ENTRYPOINT runs: exec form as is, shell form wrapped in the SHELL. */
export function commandArgv(command: CommandForm, shell: readonly string[]): string[] {
  return command.exec ?? [...shell, command.shell ?? ''];
}

/** `|2 A=1 B=2 ` prefix both builders put before a RUN that has build args in scope. */
function argsPrefix(args: readonly [string, string][]): string {
  return args.length ? `|${args.length} ${args.map(([k, v]) => `${k}=${v}`).join(' ')} ` : '';
}

export function runCreatedBy(
  builder: BuilderKind,
  argv: readonly string[],
  args: readonly [string, string][],
): string {
  const body = `${argsPrefix(args)}${argv.join(' ')}`;
  return builder === 'buildkit' ? `RUN ${body} # buildkit` : body;
}

export function copyCreatedBy(
  builder: BuilderKind,
  opts: {
    add: boolean;
    sources: readonly string[];
    dest: string;
    chown: string | undefined;
    chmod: string | undefined;
    /** Classic: `file:<sha256>` or `dir:<sha256>` of what was copied. */
    classicSource: string;
  },
): string {
  const word = opts.add ? 'ADD' : 'COPY';
  if (builder === 'classic')
    return `/bin/sh -c #(nop) ${word} ${opts.classicSource} in ${opts.dest} `;
  const flags = [
    opts.chown ? ` --chown=${opts.chown}` : '',
    opts.chmod ? ` --chmod=${opts.chmod}` : '',
  ].join('');
  return `${word}${flags} ${opts.sources.join(' ')} ${opts.dest} # buildkit`;
}

/**
 * A metadata step's history line. `body` is what follows the keyword as each builder prints it
 * (e.g. BuildKit's `EXPOSE map[8080/tcp:{}]` against classic's `EXPOSE 8080`).
 */
export function metadataCreatedBy(builder: BuilderKind, keyword: string, body: string): string {
  if (builder === 'buildkit') return `${keyword} ${body}`;
  // moby writes one space after #(nop) for WORKDIR/COPY/ADD, two for the others.
  const gap = keyword === 'WORKDIR' ? ' ' : '  ';
  return `/bin/sh -c #(nop)${gap}${keyword} ${body}`;
}

/**
 * EXPOSE in history: the ports as written with the legacy builder, a Go slice with BuildKit
 * (recorded on 28.5: `EXPOSE [443/udp 8080/tcp]`; 20.10's BuildKit printed a map).
 */
export function exposeBody(
  builder: BuilderKind,
  ports: readonly string[],
  written: readonly string[],
): string {
  if (builder === 'classic') return written.join(' ');
  return `[${[...ports].sort().join(' ')}]`;
}
