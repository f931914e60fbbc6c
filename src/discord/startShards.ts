import { ShardingManager } from 'discord.js'

/** What {@link startShards} needs: the token, how many shards, the entry point each one runs. */
export type ShardOptions = {
  token: string
  /** A number, or 'auto' to ask Discord how many shards the bot's servers need. */
  totalShards: number | 'auto'
  /** The script every shard runs (main.ts). */
  entry: string
  log: (line: string) => void
}

/**
 * Runs one process per shard with discord.js's ShardingManager, restarting a shard that dies.
 * Resolves once every shard has been spawned.
 */
export async function startShards({ token, totalShards, entry, log }: ShardOptions): Promise<void> {
  const manager = new ShardingManager(entry, {
    token,
    totalShards,
    // The shards run the TypeScript entry point, as `npm start` does.
    execArgv: ['--import', 'tsx'],
    respawn: true,
  })
  manager.on('shardCreate', (shard) => {
    log(`shard: shard ${shard.id} of ${manager.totalShards} started`)
    shard.on('death', () => log(`shard: shard ${shard.id} exited; restarting it`))
  })
  await manager.spawn()
}
