/**
 * Scores the answer line of `cli ask --batch --json` outputs against an evaluation set's gold
 * answers (../shared/eval/retrieval/dev.jsonl: `answers[]`; ../shared/eval/questions/dev.jsonl:
 * the short `answer`). Coverage is the share of questions with an answer line; precision is the
 * share of shown answers whose token F1 with some gold answer is at least 0.5, after SQuAD's
 * normalisation (lowercase, no punctuation, no articles a/an/the, white space collapsed).
 * No side effects on import: `npm run eval:retrieval` and scripts/eval-answers.ts both call it.
 */
import fs from 'node:fs'
import { analyzeQuery } from '../src/search/analyzeQuery.js'

/** A shown answer counts as right when its token F1 with a gold answer reaches this. */
export const RIGHT_F1 = 0.5

/** Coverage and precision of the answer line over some questions. */
export type AnswerLineCell = {
  /** Questions in this cell. */
  n: number
  /** Questions with an answer line. */
  shown: number
  /** Shown answers with token F1 ≥ {@link RIGHT_F1} against a gold answer. */
  right: number
  /** shown / n; 0 when n is 0. */
  coverage: number
  /** right / shown; null when nothing was shown. */
  precision: number | null
  /**
   * Shown answers that are right or written word for word inside a gold answer ("800" in "pinning
   * 800 students inside"): a lenient reading for sets whose gold answers are long phrases.
   */
  contained: number
}

/** One question's answer line, with its gold answers, for reading the errors. */
export type AnswerLineRow = {
  id: string
  question: string
  /** The question's kind: the set's `kind` when it has one, else the question type byline reads. */
  kind: string
  gold: string[]
  answer: { text: string; type: string } | null
  /** Best token F1 against the gold answers; null when no answer was shown. */
  f1: number | null
  /** Whether the shown answer, normalised, is whole words of a normalised gold answer. */
  isContained: boolean
}

/** Answer-line scores of one prediction file. */
export type AnswerLineScores = {
  overall: AnswerLineCell
  /** Keyed by the shown answer's type; `n` counts the questions answered with that type. */
  byType: Record<string, AnswerLineCell>
  /** Keyed by question kind (see {@link AnswerLineRow.kind}). */
  byKind: Record<string, AnswerLineCell>
  rows: AnswerLineRow[]
}

type SetQuestion = { id: string; q: string; answer?: string; answers?: string[]; kind?: string }
type Prediction = { id: string; answer?: { text: string; type: string } | null }

/**
 * Scores the answer lines of `predFile` (batch output, one JSON object per line) against the
 * questions of `setFile`. A question missing from the predictions counts as not answered;
 * duplicate prediction ids count once (the first line).
 */
export function answerLineScores(setFile: string, predFile: string): AnswerLineScores {
  const questions = readJsonl<{ questions: SetQuestion[] }>(setFile).flatMap((article) => article.questions)
  const predictions = new Map<string, Prediction>()
  for (const prediction of readJsonl<Prediction>(predFile)) {
    if (!predictions.has(prediction.id)) predictions.set(prediction.id, prediction)
  }
  const rows = questions.map((question): AnswerLineRow => {
    const gold = question.answers ?? (question.answer === undefined ? [] : [question.answer])
    const answer = predictions.get(question.id)?.answer ?? null
    return {
      id: question.id,
      question: question.q,
      kind: question.kind ?? analyzeQuery(question.q).type,
      gold,
      answer: answer === null ? null : { text: answer.text, type: answer.type },
      f1: answer === null ? null : Math.max(0, ...gold.map((g) => tokenF1(answer.text, g))),
      isContained: answer !== null && gold.some((g) => isContainedIn(answer.text, g)),
    }
  })
  const byType: Record<string, AnswerLineRow[]> = {}
  const byKind: Record<string, AnswerLineRow[]> = {}
  for (const row of rows) {
    if (row.answer !== null) byType[row.answer.type] = [...(byType[row.answer.type] ?? []), row]
    byKind[row.kind] = [...(byKind[row.kind] ?? []), row]
  }
  const cells = (groups: Record<string, AnswerLineRow[]>) =>
    Object.fromEntries(
      Object.entries(groups)
        .sort(([, a], [, b]) => b.length - a.length)
        .map(([key, group]) => [key, cellOf(group)]),
    )
  return { overall: cellOf(rows), byType: cells(byType), byKind: cells(byKind), rows }
}

/** SQuAD's answer normalisation: lowercase, punctuation and articles out, white space collapsed. */
export function normalizeAnswer(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\b(?:a|an|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Token F1 of `prediction` against `gold`, both normalised with {@link normalizeAnswer}. */
export function tokenF1(prediction: string, gold: string): number {
  const predicted = normalizeAnswer(prediction).split(' ').filter(Boolean)
  const expected = normalizeAnswer(gold).split(' ').filter(Boolean)
  if (predicted.length === 0 || expected.length === 0) return predicted.length === expected.length ? 1 : 0
  const counts = new Map<string, number>()
  for (const token of expected) counts.set(token, (counts.get(token) ?? 0) + 1)
  let common = 0
  for (const token of predicted) {
    const left = counts.get(token) ?? 0
    if (left > 0) {
      common++
      counts.set(token, left - 1)
    }
  }
  if (common === 0) return 0
  const precision = common / predicted.length
  const recall = common / expected.length
  return (2 * precision * recall) / (precision + recall)
}

function isContainedIn(answer: string, gold: string): boolean {
  const shown = normalizeAnswer(answer)
  return shown !== '' && ` ${normalizeAnswer(gold)} `.includes(` ${shown} `)
}

function cellOf(rows: readonly AnswerLineRow[]): AnswerLineCell {
  const shown = rows.filter((row) => row.answer !== null).length
  const right = rows.filter((row) => row.f1 !== null && row.f1 >= RIGHT_F1).length
  return {
    n: rows.length,
    shown,
    right,
    coverage: rows.length === 0 ? 0 : shown / rows.length,
    precision: shown === 0 ? null : right / shown,
    contained: rows.filter((row) => row.f1 !== null && (row.f1 >= RIGHT_F1 || row.isContained)).length,
  }
}

function readJsonl<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T)
}
