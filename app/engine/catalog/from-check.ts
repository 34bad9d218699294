/**
 * The editor's word on FROM lines: an image the offline lab cannot have (real on Docker Hub, or a
 * tag or repository that does not exist) is marked where its name is written, with a quick fix
 * that switches it to the closest image the lab has. Names with variables (`$BASE`), `scratch`,
 * earlier stages and the engine's local images are left alone: the build decides those.
 */
import type { Diagnostic } from '../common/diagnostics.ts';
import type { ParseResult } from '../dockerfile/parse.ts';
import { missingImage } from './answers.ts';
import { answerFor, type CatalogNames } from './tags.ts';

export interface ImageCheck {
  diagnostics: Diagnostic[];
  /** A FROM names an image the lab lacks, and Docker Hub's tags are needed to say what it is. */
  needsHub: boolean;
}

/**
 * @example imageDiagnostics(parseDockerfile('FROM ubuntu\n'), names).diagnostics[0]?.fix?.label // 'Use debian:trixie-slim'
 */
export function imageDiagnostics(
  parsed: ParseResult,
  names: CatalogNames,
  /** A local image of the engine's (loaded, built): the build takes it from there. */
  isLocal: (name: string) => boolean = () => false,
): ImageCheck {
  const diagnostics: Diagnostic[] = [];
  let needsHub = false;
  const stages = new Set<string>();
  for (const stage of parsed.stages) {
    const word = stage.base;
    const name = word?.value ?? '';
    const known =
      name === '' || name.includes('$') || name.toLowerCase() === 'scratch' || isLocal(name);
    if (word && !known && !stages.has(name.toLowerCase())) {
      let answer;
      try {
        answer = answerFor(name, names);
      } catch {
        answer = undefined; // not a valid reference: the parser's checks say so
      }
      if (answer && answer.kind !== 'lab') {
        if (!names.hub) needsHub = true;
        else {
          const m = missingImage(answer)!;
          diagnostics.push({
            code: m.code,
            severity: 'error',
            message: m.headline,
            hint: m.advice,
            docker: m.buildkit,
            range: word.range,
            ...(m.closest
              ? {
                  fix: {
                    label: `Use ${m.closest}`,
                    changes: [
                      {
                        from: word.range.start.offset,
                        to: word.range.end.offset,
                        insert: m.closest,
                      },
                    ],
                  },
                }
              : {}),
          });
        }
      }
    }
    if (stage.name) stages.add(stage.name);
  }
  return { diagnostics, needsHub };
}
