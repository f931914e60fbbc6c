import type { ArticleSummary } from '../answer/articles.js'
import type { AskResult } from '../answer/ask.js'
import type { Brief, CorpusBrief } from '../answer/brief.js'
import type { QuoteSearchResult } from '../answer/quote.js'
import { toSpeakerRef } from '../answer/speakerRef.js'
import type { SpeakersResult } from '../answer/speakers.js'
import type { Library } from '../library/library.js'

// These functions produce exactly the CLI's JSON contract (DESIGN.md); fields the renderers need
// but the contract does not name (highlights, paging) stay out.

/** `ask` as JSON. */
export function askJson(result: AskResult) {
  return {
    question: result.question,
    answer: result.answer,
    results: result.results.map(({ article, headline, paragraph, text, score, speakers }) => ({
      article,
      headline,
      paragraph,
      text,
      score: round(score),
      speakers,
    })),
    ...(result.results.length === 0 ? { suggestions: result.suggestions } : {}),
    // Added to the contract: how the question was matched when not as written.
    ...(result.notice === null ? {} : { notice: result.notice }),
  }
}

/** `quote` as JSON. */
export function quoteJson(result: QuoteSearchResult) {
  return {
    query: result.query,
    results: result.results.map(({ article, paragraph, text, kind, score, speaker }) => ({
      article,
      paragraph,
      text,
      kind,
      score: round(score),
      speaker,
    })),
    ...(result.results.length === 0 ? { suggestions: result.suggestions } : {}),
  }
}

/** `brief` as JSON (one article); each speaker also carries its most representative `statements`. */
export function briefJson(brief: Brief) {
  return {
    article: { id: brief.article.id, headline: brief.article.headline, byline: brief.article.byline, date: brief.article.date },
    points: brief.points,
    speakers: brief.speakers.map(({ name, title, role, quotes, statements }) => ({ name, title: title ?? null, role, quotes, statements })),
    timeline: brief.timeline,
  }
}

/** `brief` over a corpus of several articles (no `--article`): top stories and most-quoted speakers. */
export function corpusBriefJson(brief: CorpusBrief) {
  return {
    topic: brief.topic,
    articles: brief.articles,
    stories: brief.stories.map(({ article, points }) => ({
      article: { id: article.id, headline: article.headline, byline: article.byline, date: article.date },
      points,
    })),
    speakers: brief.speakers.map(({ name, title, role, articles, quotes }) => ({ name, title: title ?? null, role, articles, quotes })),
  }
}

/** `quotes`: every attribution found, per article. */
export function quotesJson(library: Library, articleId: string | null) {
  return {
    articles: library.articles
      .filter((article) => articleId === null || article.id === articleId)
      .map((article) => ({
        id: article.id,
        headline: article.headline,
        quotes: (library.attributions.get(article.id)?.quotes ?? []).map((quote) => ({
          paragraph: quote.paragraph,
          text: quote.text,
          kind: quote.kind,
          cue: quote.cue,
          mention: quote.mention,
          speaker: toSpeakerRef(library, quote.speaker),
        })),
      })),
  }
}

/** `speakers` as JSON. */
export function speakersJson(result: SpeakersResult) {
  return {
    speakers: result.speakers.map(({ name, kind, title, role, aliases, articles, quotes }) => ({
      name,
      kind,
      title: title ?? null,
      role,
      aliases,
      articles,
      quotes,
    })),
    ...(result.statements.length > 0 ? { statements: result.statements } : {}),
  }
}

/** `articles` as JSON. */
export function articlesJson(articles: readonly ArticleSummary[]) {
  return {
    articles: articles.map(({ id, headline, byline, date, paragraphs, quotes }) => ({ id, headline, byline, date, paragraphs, quotes })),
  }
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000
}
