/**
 * The Dockerfile instructions: names, the flags each takes, a one-line summary and the syntax,
 * used by the parser (unknown instruction, "did you mean", flags an instruction does not take)
 * and by the editor (completion, hover text).
 */
export interface InstructionInfo {
  name: string;
  /** Flags (without `--`) the instruction accepts. */
  flags: readonly string[];
  /** Whether it changes the filesystem (a layer) or only the image's metadata. */
  layer: 'filesystem' | 'metadata' | 'base';
  summary: string;
  syntax: readonly string[];
}

const list: InstructionInfo[] = [
  {
    name: 'FROM',
    flags: ['platform'],
    layer: 'base',
    summary: 'Starts a build stage from a base image (or `scratch`, an empty one).',
    syntax: ['FROM [--platform=<platform>] <image>[:<tag>] [AS <name>]'],
  },
  {
    name: 'RUN',
    flags: ['mount', 'network', 'security'],
    layer: 'filesystem',
    summary:
      'Runs a command in a container of the image so far and saves the files it changed as a new layer.',
    syntax: ['RUN <command>', 'RUN ["executable", "param1"]'],
  },
  {
    name: 'CMD',
    flags: [],
    layer: 'metadata',
    summary: 'Sets the default command a container runs. Metadata only: no layer.',
    syntax: ['CMD ["executable", "param1"]', 'CMD command param1'],
  },
  {
    name: 'LABEL',
    flags: [],
    layer: 'metadata',
    summary: 'Adds key=value labels to the image. Metadata only: no layer.',
    syntax: ['LABEL <key>=<value> [<key>=<value> ...]'],
  },
  {
    name: 'MAINTAINER',
    flags: [],
    layer: 'metadata',
    summary: 'Deprecated: names the author. Use `LABEL maintainer=...` instead.',
    syntax: ['MAINTAINER <name>'],
  },
  {
    name: 'EXPOSE',
    flags: [],
    layer: 'metadata',
    summary:
      'Documents the ports the container listens on. Metadata only: no layer, and it publishes nothing.',
    syntax: ['EXPOSE <port>[/<protocol>] ...'],
  },
  {
    name: 'ENV',
    flags: [],
    layer: 'metadata',
    summary:
      'Sets environment variables for later steps and for containers. Metadata only: no layer.',
    syntax: ['ENV <key>=<value> ...'],
  },
  {
    name: 'ADD',
    flags: ['chown', 'chmod', 'link', 'exclude', 'checksum', 'keep-git-dir', 'unpack'],
    layer: 'filesystem',
    summary: 'Copies files, URLs or archives (which it unpacks) into the image as a new layer.',
    syntax: [
      'ADD [--chown=<user>] [--chmod=<perms>] <src>... <dest>',
      'ADD ["<src>", ... "<dest>"]',
    ],
  },
  {
    name: 'COPY',
    flags: ['from', 'chown', 'chmod', 'link', 'exclude', 'parents'],
    layer: 'filesystem',
    summary:
      'Copies files from the build context (or another stage with --from) into the image as a new layer.',
    syntax: [
      'COPY [--from=<stage>] [--chown=<user>] [--chmod=<perms>] <src>... <dest>',
      'COPY ["<src>", ... "<dest>"]',
    ],
  },
  {
    name: 'ENTRYPOINT',
    flags: [],
    layer: 'metadata',
    summary:
      'Sets the program a container always runs; CMD becomes its default arguments. Metadata only.',
    syntax: ['ENTRYPOINT ["executable", "param1"]', 'ENTRYPOINT command param1'],
  },
  {
    name: 'VOLUME',
    flags: [],
    layer: 'metadata',
    summary:
      "Marks paths as volumes: data there lives outside the container's writable layer. Metadata only.",
    syntax: ['VOLUME ["/data"]', 'VOLUME /data /logs'],
  },
  {
    name: 'USER',
    flags: [],
    layer: 'metadata',
    summary: 'Sets the user (and group) for later RUN steps and for containers. Metadata only.',
    syntax: ['USER <user>[:<group>]'],
  },
  {
    name: 'WORKDIR',
    flags: [],
    layer: 'filesystem',
    summary:
      'Sets the working directory for later steps, creating it if missing (a small layer with the directory).',
    syntax: ['WORKDIR /path/to/workdir'],
  },
  {
    name: 'ARG',
    flags: [],
    layer: 'metadata',
    summary:
      "Declares a build argument (set with --build-arg). Metadata only; it is not kept in the image's environment.",
    syntax: ['ARG <name>[=<default value>]'],
  },
  {
    name: 'ONBUILD',
    flags: [],
    layer: 'metadata',
    summary:
      'Records an instruction to run later, when another image is built FROM this one. Metadata only.',
    syntax: ['ONBUILD <INSTRUCTION>'],
  },
  {
    name: 'STOPSIGNAL',
    flags: [],
    layer: 'metadata',
    summary: 'Sets the signal that stops the container. Metadata only.',
    syntax: ['STOPSIGNAL signal'],
  },
  {
    name: 'HEALTHCHECK',
    flags: ['interval', 'timeout', 'start-period', 'start-interval', 'retries'],
    layer: 'metadata',
    summary:
      'Tells Docker how to test that the container still works (or NONE to disable). Metadata only.',
    syntax: ['HEALTHCHECK [OPTIONS] CMD command', 'HEALTHCHECK NONE'],
  },
  {
    name: 'SHELL',
    flags: [],
    layer: 'metadata',
    summary: 'Sets the shell used by the shell form of RUN, CMD and ENTRYPOINT. Metadata only.',
    syntax: ['SHELL ["executable", "parameters"]'],
  },
];

export const INSTRUCTIONS: ReadonlyMap<string, InstructionInfo> = new Map(
  list.map((i) => [i.name, i]),
);
export const INSTRUCTION_NAMES: readonly string[] = list.map((i) => i.name);

/** Damerau-Levenshtein distance (optimal string alignment), small strings only. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i]!;
      const prev = d[i - 1]!;
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The instruction a typo most likely meant, or undefined when nothing is close.
 * @example suggestInstruction('FORM') // 'FROM'
 */
export function suggestInstruction(word: string): string | undefined {
  const upper = word.toUpperCase();
  if (upper.length > 20) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of INSTRUCTION_NAMES) {
    const dist = editDistance(upper, name);
    if (dist < bestDistance) {
      best = name;
      bestDistance = dist;
    }
  }
  const allowed = upper.length <= 4 ? 1 : 2;
  return bestDistance <= allowed ? best : undefined;
}
