import 'dotenv/config'
import { REST, type RESTGetCurrentApplicationResult, Routes } from 'discord.js'
import { loadConfig } from '../config.js'
import { errorMessage } from '../errors/errorMessage.js'
import { commandDefinitions } from './commandList.js'

// `npm run deploy-commands [-- --dry-run]`: registers every command with Discord, for
// DISCORD_GUILD_ID when set (instant, for testing) or globally (can take up to an hour to show).
// A PUT replaces the whole set, so removed commands disappear too.

async function deployCommands(argv: readonly string[]): Promise<void> {
  const definitions = commandDefinitions()
  if (argv.includes('--dry-run')) {
    process.stdout.write(`${JSON.stringify(definitions, null, 2)}\n`)
    return
  }
  const config = loadConfig(process.env)
  if (config.discordToken === null)
    throw new Error('deploy-commands: DISCORD_TOKEN is missing (see README.md, "Running the bot in Discord")')
  const rest = new REST(config.discordApiBase === null ? {} : { api: config.discordApiBase }).setToken(config.discordToken)
  // Without DISCORD_APPLICATION_ID, ask Discord which application the token belongs to.
  const applicationId = config.discordApplicationId ?? ((await rest.get(Routes.currentApplication())) as RESTGetCurrentApplicationResult).id
  const guildId = config.discordGuildId
  const route = guildId === null ? Routes.applicationCommands(applicationId) : Routes.applicationGuildCommands(applicationId, guildId)
  const registered = (await rest.put(route, { body: definitions })) as unknown[]
  const where = guildId === null ? 'globally (they can take up to an hour to appear)' : `for server ${guildId} (available now)`
  process.stdout.write(`deploy-commands: registered ${registered.length} commands ${where}\n`)
}

deployCommands(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${errorMessage(error)}\n`)
  process.exitCode = 1
})
