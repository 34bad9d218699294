// Dockerfile instructions that change only the image's config, applied the way BuildKit applies
// them, and the history line BuildKit writes for each instruction.

const json = (a) => `[${a.map((s) => JSON.stringify(s)).join(' ')}]`;
/** `$NAME` and `${NAME}` in `v` replaced from KEY=VALUE lines. */
export const expandIn = (v, env) =>
  v.replace(
    /\$(\w+)|\$\{(\w+)\}/g,
    (_, a, b) => env.find((e) => e.startsWith(`${a ?? b}=`))?.slice((a ?? b).length + 1) ?? '',
  );

/** The config after `step` (RUN and COPY leave it as it is). */
export function applyMeta(config, step) {
  const c = { ...config };
  switch (step.kind) {
    case 'ENV': {
      const env = [...(c.Env ?? [])];
      for (const [k, raw] of Object.entries(step.env)) {
        const v = expandIn(raw, env);
        const i = env.findIndex((e) => e.startsWith(`${k}=`));
        if (i >= 0) env[i] = `${k}=${v}`;
        else env.push(`${k}=${v}`);
      }
      c.Env = env;
      return c;
    }
    case 'CMD':
      c.Cmd = step.value;
      return c;
    case 'ENTRYPOINT':
      c.Entrypoint = step.value;
      // BuildKit: an ENTRYPOINT resets a CMD inherited from the base image.
      delete c.Cmd;
      return c;
    case 'EXPOSE':
      c.ExposedPorts = [...(c.ExposedPorts ?? []), step.value];
      return c;
    case 'STOPSIGNAL':
      c.StopSignal = step.value;
      return c;
    case 'LABEL':
      c.Labels = { ...(c.Labels ?? {}), ...step.labels };
      return c;
    case 'WORKDIR':
      c.WorkingDir = step.path;
      return c;
    case 'USER':
      c.User = step.value;
      return c;
    case 'VOLUME':
      c.Volumes = [...(c.Volumes ?? []), step.value];
      return c;
    case 'RUN':
    case 'COPY':
    case 'HOST':
      return c;
    default:
      throw new Error(`unknown step ${step.kind}`);
  }
}

/** BuildKit's history entry for a step (`docker history` prints created_by). */
export function historyOf(step, created) {
  const meta = { created, comment: 'buildkit.dockerfile.v0', empty_layer: true };
  const layer = { created, comment: 'buildkit.dockerfile.v0' };
  switch (step.kind) {
    case 'RUN':
      return { ...layer, created_by: `RUN /bin/sh -c ${step.cmd} # buildkit` };
    case 'COPY':
      return { ...layer, created_by: `COPY ${step.shown} # buildkit` };
    case 'HOST':
      // Made outside a Dockerfile (busybox's builder): its own words, no BuildKit comment.
      return { created, created_by: step.shown };
    case 'WORKDIR':
      return { ...(step.layer ? layer : meta), created_by: `WORKDIR ${step.path}` };
    case 'ENV':
      return {
        ...meta,
        created_by: `ENV ${Object.entries(step.env)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')}`,
      };
    case 'CMD':
    case 'ENTRYPOINT':
      return { ...meta, created_by: `${step.kind} ${json(step.value)}` };
    case 'EXPOSE':
      return { ...meta, created_by: `EXPOSE map[${step.value}:{}]` };
    case 'VOLUME':
      return { ...meta, created_by: `VOLUME [${step.value}]` };
    case 'LABEL':
      return {
        ...meta,
        created_by: `LABEL ${Object.entries(step.labels)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')}`,
      };
    default:
      return { ...meta, created_by: `${step.kind} ${step.value}` };
  }
}
