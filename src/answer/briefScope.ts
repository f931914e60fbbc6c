import type { Library } from '../library/library.js'

/**
 * Which brief a request gets. `article`: that article's brief (the one asked for, or the only
 * one in the corpus); `corpus`: the corpus brief (top stories, most-quoted speakers), when none
 * was asked for and there are several; `empty`: the corpus has no article to brief.
 */
export type BriefScope = { kind: 'article'; article: string } | { kind: 'corpus' } | { kind: 'empty' }

/**
 * The one place that decides between an article's brief and the corpus brief, for /brief in
 * Discord, the console and the CLI. `article` is the id asked for, or null; it is not checked
 * here (callers report an unknown id in their own words).
 */
export function chooseBriefScope(library: Library, article: string | null): BriefScope {
  if (article !== null) return { kind: 'article', article }
  const [only, ...others] = library.articles
  if (only === undefined) return { kind: 'empty' }
  return others.length === 0 ? { kind: 'article', article: only.id } : { kind: 'corpus' }
}
