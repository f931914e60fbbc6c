import { spawn } from 'node:child_process'
import path from 'node:path'

/** The repository root, for spawning the real entry points. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..')

/** What a finished child process printed, and how it exited. */
export type ProcessResult = { code: number | null; stdout: string; stderr: string }

/**
 * Runs `src/<entry>` under tsx as a child process, as `npm run cli` / `npm start` would, with
 * `input` on stdin. Settings a developer's `.env` might hold are blanked unless `env` sets them,
 * and snapshots are off (none written into the working tree) unless `env` sets SNAPSHOT_DIR.
 */
export function runEntry(
  entry: 'cli.ts' | 'main.ts',
  args: readonly string[],
  options: { input?: string; env?: Record<string, string> } = {},
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('src', entry), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, DISCORD_TOKEN: '', CORPUS_DIR: '', DISCORD_API_BASE: '', SNAPSHOT_DIR: 'off', NO_COLOR: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(options.input ?? '')
  })
}
