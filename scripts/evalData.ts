import fs from 'node:fs'
import path from 'node:path'

// The evaluation data is other people's, licensed for evaluation only: it lives in the shared
// folder beside the repository (../shared/eval), never in it. A clone without it runs every
// test; the evaluations and the benchmark say in one line what is missing and exit 2.

/** The evaluation folder beside the repository. */
export const EVAL_ROOT = path.resolve(import.meta.dirname, '../../shared/eval')

/**
 * The absolute path of `../shared/eval/<folder>`, after checking that each of `files` is there;
 * when one is missing, prints one line naming it and exits with code 2.
 */
export function requireEvalFolder(folder: string, files: readonly string[]): string {
  const dir = path.join(EVAL_ROOT, folder)
  const missing = files.map((file) => path.join(dir, file)).find((file) => !fs.existsSync(file))
  if (missing !== undefined) {
    process.stderr.write(
      `eval: ${path.relative(process.cwd(), missing)} is missing: the evaluation data lives in ../shared/eval beside the repository; nothing was run\n`,
    )
    process.exit(2)
  }
  return dir
}
