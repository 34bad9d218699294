/**
 * The lesson's goals as a checklist that ticks as the engine finds them met: a glyph and a
 * word for each (never colour alone), what the lab shows now, and an announcement when one
 * becomes met, or when one that was met is undone (then it says what changed). A goal that
 * would give a prediction away shows once that question is answered.
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
  /** Per goal: met at some check since the lesson started. */
  wereMet: readonly boolean[];
  /** Whether the predict question of a step (0-based) is answered. */
  answered: (step: number) => boolean;
}

/** Plain text of a goal for announcements: Markdown markers dropped. */
const plain = (md: string) => md.replace(/[`*_]/g, '');

type GoalState = 'checking' | 'met' | 'open' | 'undone';

const MARK: Record<GoalState, string> = { met: '✓', open: '○', checking: '…', undone: '↺' };
const WORD: Record<GoalState, string> = {
  met: strings.lessons.goalMet,
  open: strings.lessons.goalNotMet,
  checking: strings.lessons.goalChecking,
  undone: strings.lessons.goalUndone,
};

export function GoalList({
  lessonId,
  lessonTitle,
  goals,
  results,
  wereMet,
  answered,
}: GoalListProps) {
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
    const lost = goals.filter((_, i) => !met[i] && prev.met[i]);
    if (newly.length === 0 && lost.length === 0) return;
    setAnnouncement(
      met.every(Boolean)
        ? strings.lessons.announceDone(lessonTitle)
        : [
            ...newly.map((g) => strings.lessons.announceGoal(plain(g.text))),
            ...lost.map((g) => strings.lessons.announceUndone(plain(g.text))),
          ].join(' '),
    );
  }, [results, goals, lessonId, lessonTitle]);

  return (
    <>
      <ul className="lesson-goals" aria-label={strings.lessons.goals}>
        {goals.map((g, i) => {
          const r = results?.[i];
          const state: GoalState =
            r === undefined ? 'checking' : r.met ? 'met' : wereMet[i] ? 'undone' : 'open';
          const hidden = g.hiddenUntil !== undefined && !answered(g.hiddenUntil);
          return (
            <li key={i} className={`lesson-goal ${state}`} data-met={r?.met ? 'true' : 'false'}>
              <span className="lesson-goal-mark">
                <span aria-hidden="true">{MARK[state]}</span>{' '}
                <span className="lesson-goal-word">{WORD[state]}</span>
              </span>
              <span className="lesson-goal-text">
                {hidden ? (
                  <span className="lesson-goal-hidden">
                    {strings.lessons.goalHidden(g.hiddenUntil! + 1)}
                  </span>
                ) : (
                  <InlineMarkdown source={g.text} />
                )}
                {r && !r.met && !hidden && (
                  <span className="lesson-goal-detail">
                    {state === 'undone' ? strings.lessons.undoneDetail(r.detail) : r.detail}
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      <LiveRegion message={announcement} />
    </>
  );
}
