/** Hand-made build plans for builder tests (the parser has its own tests). */
import type { SourceRange } from '../../common/diagnostics.ts';
import type { BuildPlan, CopySpec, StepSpec } from '../steps.ts';

let line = 0;
const range = (): SourceRange => {
  line++;
  return { start: { line, column: 1, offset: 0 }, end: { line, column: 2, offset: 1 } };
};

export const from = (image: string, name?: string) =>
  ({
    keyword: 'FROM',
    text: `FROM ${image}${name ? ` AS ${name}` : ''}`,
    range: range(),
    image,
    imageRange: undefined,
    name,
    platform: undefined,
  }) as const;
export const run = (shell: string): StepSpec => ({
  keyword: 'RUN',
  text: `RUN ${shell}`,
  range: range(),
  command: { exec: undefined, shell },
  network: undefined,
  mounts: [],
});
export const copy = (sources: string[], dest: string, more: Partial<CopySpec> = {}): StepSpec => ({
  keyword: 'COPY',
  text: `COPY ${more.from ? `--from=${more.from} ` : ''}${sources.join(' ')} ${dest}`,
  range: range(),
  copy: {
    add: false,
    sources,
    dest,
    from: undefined,
    chown: undefined,
    chmod: undefined,
    link: false,
    exclude: [],
    heredocs: [],
    ...more,
  },
});
export const env = (k: string, v: string): StepSpec => ({
  keyword: 'ENV',
  text: `ENV ${k}=${v}`,
  range: range(),
  pairs: [[k, v]],
});
export const arg = (name: string, value?: string): StepSpec => ({
  keyword: 'ARG',
  text: `ARG ${name}${value ? `=${value}` : ''}`,
  range: range(),
  args: [{ name, value }],
});
export const workdir = (value: string): StepSpec => ({
  keyword: 'WORKDIR',
  text: `WORKDIR ${value}`,
  range: range(),
  value,
});
export const cmd = (exec: string[]): StepSpec => ({
  keyword: 'CMD',
  text: `CMD ${JSON.stringify(exec)}`,
  range: range(),
  command: { exec, shell: undefined },
});
export const label = (k: string, v: string): StepSpec => ({
  keyword: 'LABEL',
  text: `LABEL ${k}=${v}`,
  range: range(),
  pairs: [[k, v]],
});
export const expose = (p: string): StepSpec => ({
  keyword: 'EXPOSE',
  text: `EXPOSE ${p}`,
  range: range(),
  ports: [p],
});

export function plan(...stages: [ReturnType<typeof from>, ...StepSpec[]][]): BuildPlan {
  return {
    globalArgs: [],
    stages: stages.map(([f, ...steps], index) => ({ index, name: f.name, from: f, steps })),
  };
}
