/** Parser figures: a 10,000-line Dockerfile, parsed with diagnostics, stages and ranges. */
import { parseDockerfile } from '../../app/engine/dockerfile/parse.ts';
import { measure } from './harness.ts';

function realistic(lines: number): string {
  const out = ['# syntax=docker/dockerfile:1', 'ARG BASE=debian:bookworm-slim'];
  for (let s = 0; out.length < lines; s++) {
    out.push(
      `FROM \${BASE} AS stage${s}`,
      'WORKDIR /src',
      `ENV STAGE=${s} LANG=C.UTF-8 MSG="hello world"`,
      'RUN apt-get update \\',
      ' && apt-get install -y --no-install-recommends ca-certificates curl \\',
      ' && rm -rf /var/lib/apt/lists/*',
      `COPY --chown=app:app --from=stage0 src/part${s}/ ./part${s}/`,
      `# build part ${s}`,
      `RUN make -C part${s} -j2 all`,
      `LABEL org.example.stage="${s}" org.example.name=part${s}`,
      'EXPOSE 8080/tcp',
      'HEALTHCHECK --interval=30s CMD ["curl", "-f", "http://localhost:8080/"]',
      'USER app',
      'CMD ["./run.sh", "--verbose"]',
      '',
    );
  }
  return out.slice(0, lines).join('\n') + '\n';
}

const text = realistic(10_000);
measure('parse a 10,000-line Dockerfile', () => parseDockerfile(text), {
  runs: 21,
  warmup: 5,
  targetMs: 50,
});
