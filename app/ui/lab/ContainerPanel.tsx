import { AnimatePresence, m } from 'motion/react';
import { useId, useState } from 'react';
import type { ContainerView } from '../../engine/session/types.ts';
import { useLabStore } from '../../store/index.ts';
import { formatBytes } from '../format.ts';
import { strings } from '../strings.ts';
import { quote } from '../terminal/containerShell.ts';

const t = strings.container;
const GLYPH = { A: '+', C: '~', D: '−' } as const;

function ContainerCard({ c }: { c: ContainerView }) {
  const runCommand = useLabStore((s) => s.runCommand);
  const [cmd, setCmd] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const inputId = useId();
  const running = c.state === 'running';
  const exec = async () => {
    if (!cmd.trim()) return;
    const r = await runCommand(`docker exec ${quote(c.name)} sh -c ${quote(cmd)}`);
    setResult({ ok: r.exitCode === 0, text: (r.stdout + r.stderr).trim() });
    setCmd('');
  };
  return (
    <li className="container-card" data-testid="container.item">
      <div className="container-head">
        <span className="container-name">{c.name}</span>
        <span className={`badge ${running ? 'badge-filesystem' : 'badge-metadata'}`}>
          <span aria-hidden="true">{running ? '● ' : '○ '}</span>
          {running ? t.up : t.exited}
        </span>
        <span className="hint">{t.from(c.image)}</span>
      </div>
      <div className="container-stack">
        <section className="writable" aria-label={t.writableLabel(c.name)}>
          <h4>
            {t.writable} · {formatBytes(c.writableBytes)}
          </h4>
          {c.changes.length === 0 ? (
            <p className="hint">{t.noChanges}</p>
          ) : (
            <ul className="diff-list" data-testid="container.diff">
              <AnimatePresence initial={false}>
                {c.changes.map((ch) => (
                  <m.li
                    key={`${ch.kind}${ch.path}`}
                    initial={{ opacity: 0, y: 8 }}
                    animate={{ opacity: 1, y: 0 }}
                    exit={{ opacity: 0 }}
                    className={`diff-${ch.kind}`}
                  >
                    <span className="diff-kind">
                      <span aria-hidden="true">{GLYPH[ch.kind]} </span>
                      {ch.kind}
                    </span>{' '}
                    <code>{ch.path}</code>
                    <span className="hint"> {t.meaning[ch.kind]}</span>
                  </m.li>
                ))}
              </AnimatePresence>
            </ul>
          )}
        </section>
        <div className="image-layers-box" aria-hidden="true">
          {t.imageLayers}
        </div>
      </div>
      {running && (
        <form
          className="container-exec"
          onSubmit={(e) => {
            e.preventDefault();
            void exec();
          }}
        >
          <label htmlFor={inputId}>{t.execLabel}</label>
          <input
            id={inputId}
            value={cmd}
            placeholder="echo hi >> /etc/hostname"
            spellCheck={false}
            onChange={(e) => setCmd(e.target.value)}
          />
          <button type="submit" className="button">
            {t.exec}
          </button>
        </form>
      )}
      {result && (
        <pre className={result.ok ? 'exec-out' : 'exec-out failed'}>
          {result.text || t.noOutput}
        </pre>
      )}
      <div className="container-actions">
        {running && (
          <button
            type="button"
            className="button"
            onClick={() => void runCommand(`docker stop ${c.name}`)}
          >
            {t.stop}
          </button>
        )}
        <button
          type="button"
          className="button"
          onClick={() => void runCommand(`docker commit ${c.name} ${c.name}-snapshot:latest`)}
        >
          {t.commit(`${c.name}-snapshot`)}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void runCommand(`docker rm -f ${c.name}`)}
        >
          {t.remove}
        </button>
      </div>
    </li>
  );
}

/**
 * Containers side by side: each a thin writable layer over the same read-only image layers;
 * `docker diff` live (A added, C changed: copied up first, D deleted: a whiteout).
 */
export function ContainerPanel() {
  const containers = useLabStore((s) => s.engineView.containers);
  const images = useLabStore((s) => s.engineView.images);
  const runCommand = useLabStore((s) => s.runCommand);
  const [image, setImage] = useState('');
  const selectId = useId();
  const names = images.flatMap((i) => i.names);
  const chosen = names.includes(image) ? image : (names[0] ?? '');
  return (
    <div className="containers">
      <form
        className="container-run"
        onSubmit={(e) => {
          e.preventDefault();
          if (chosen) void runCommand(`docker run -d -it ${chosen} sh`);
        }}
      >
        <label htmlFor={selectId}>{t.runLabel}</label>
        <select
          id={selectId}
          value={chosen}
          onChange={(e) => setImage(e.target.value)}
          disabled={names.length === 0}
        >
          {names.map((n) => (
            <option key={n}>{n}</option>
          ))}
        </select>
        <button type="submit" className="button" disabled={!chosen}>
          {t.run}
        </button>
      </form>
      {containers.length === 0 ? (
        <p className="empty">{names.length === 0 ? t.noImages : t.none}</p>
      ) : (
        <ul className="container-list">
          {containers.map((c) => (
            <ContainerCard key={c.id} c={c} />
          ))}
        </ul>
      )}
    </div>
  );
}
