/**
 * The lesson's goals as a checklist that ticks as the engine finds them met: a glyph and a
 * word for each (never colour alone), what the lab shows now, and an announcement when one
 * becomes met.
 */
import { useEffect, useRef, useState } from 'react';
import type { Goal } from '../../engine/lessons/types.ts';
import type { GoalResult } from '../../engine/session/lessons.ts';
import { LiveRegion } from '../LiveRegion.tsx';
import { strings } from '../strings.ts';
import { InlineMarkdown } from './Markdown.tsx';

export interface GoalListProps {
  lessonId: string;
  lessonTitle: string;
  goals: readonly Goal[];
  results: readonly GoalResult[] | undefined;
}

/** Plain text of a goal for announcements: Markdown markers dropped. */
const plain = (md: string) => md.replace(/[`*_]/g, '');

export function GoalList({ lessonId, lessonTitle, goals, results }: GoalListProps) {
  const [announcement, setAnnouncement] = useState('');
  const before = useRef<{ id: string; met: boolean[] } | undefined>(undefined);
  useEffect(() => {
    if (!results) return;
    const met = results.map((r) => r.met);
    const prev = before.current;
    before.current = { id: lessonId, met };
    // Announce only changes within one lesson, never the state a lesson opens in.
    if (!prev || prev.id !== lessonId) return;
    const newly = goals.filter((_, i) => met[i] && !prev.met[i]);
    if (newly.length === 0) return;
    setAnnouncement(
      met.every(Boolean)
        ? strings.lessons.announceDone(lessonTitle)
        : newly.map((g) => strings.lessons.announceGoal(plain(g.text))).join(' '),
    );
  }, [results, goals, lessonId, lessonTitle]);

  return (
    <>
      <ul className="lesson-goals" aria-label={strings.lessons.goals}>
        {goals.map((g, i) => {
          const r = results?.[i];
          const state = r === undefined ? 'checking' : r.met ? 'met' : 'open';
          return (
            <li key={i} className={`lesson-goal ${state}`} data-met={r?.met ? 'true' : 'false'}>
              <span className="lesson-goal-mark">
                <span aria-hidden="true">
                  {state === 'met' ? '✓' : state === 'open' ? '○' : '…'}
                </span>{' '}
                <span className="lesson-goal-word">
                  {state === 'met'
                    ? strings.lessons.goalMet
                    : state === 'open'
                      ? strings.lessons.goalNotMet
                      : strings.lessons.goalChecking}
                </span>
              </span>
              <span className="lesson-goal-text">
                <InlineMarkdown source={g.text} />
                {r && !r.met && <span className="lesson-goal-detail">{r.detail}</span>}
              </span>
            </li>
          );
        })}
      </ul>
      <LiveRegion message={announcement} />
    </>
  );
}
