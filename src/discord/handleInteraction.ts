import type { Interaction } from 'discord.js'
import type { Logger } from 'pino'
import { handleButton } from './buttons.js'
import type { BotContext } from './command.js'
import { MESSAGE_COMMANDS, SLASH_COMMANDS } from './commandList.js'
import { NO_MENTIONS, privateNotice } from './replies.js'

const SOMETHING_WENT_WRONG = 'Something went wrong while answering that. It has been logged; please try again.'

/**
 * Routes one interaction to its command, autocomplete or button handler. This is the bot's one
 * error boundary: a failing handler is logged with the command and options, the user gets a
 * short private message, and the bot keeps serving. Never rejects.
 */
export async function handleInteraction(interaction: Interaction, context: BotContext): Promise<void> {
  try {
    await route(interaction, context)
  } catch (error) {
    context.logger.error({ err: error, ...describe(interaction) }, 'interaction failed')
    await apologise(interaction, context.logger).catch((replyError: unknown) => {
      context.logger.error({ err: replyError, ...describe(interaction) }, 'could not tell the user about the failure')
    })
  }
}

async function route(interaction: Interaction, context: BotContext): Promise<void> {
  // Autocomplete fires on every keystroke, so only commands and buttons count toward the limit.
  if (interaction.isRepliable()) {
    const decision = context.rateLimiter?.check(interaction.user.id, Date.now())
    if (decision !== undefined && !decision.isAllowed) {
      const seconds = Math.ceil(decision.retryAfterMs / 1_000)
      await interaction.reply(privateNotice(`You are sending commands faster than I can answer them. Please try again in ${seconds} s.`))
      return
    }
  }
  if (interaction.isChatInputCommand()) {
    const command = SLASH_COMMANDS.find((candidate) => candidate.data.name === interaction.commandName)
    if (command === undefined) {
      await interaction.reply(privateNotice('That command is no longer available.'))
      return
    }
    await command.execute(interaction, context)
    return
  }
  if (interaction.isAutocomplete()) {
    const command = SLASH_COMMANDS.find((candidate) => candidate.data.name === interaction.commandName)
    await (command?.autocomplete ? command.autocomplete(interaction, context) : interaction.respond([]))
    return
  }
  if (interaction.isMessageContextMenuCommand()) {
    const command = MESSAGE_COMMANDS.find((candidate) => candidate.data.name === interaction.commandName)
    if (command === undefined) {
      await interaction.reply(privateNotice('That command is no longer available.'))
      return
    }
    await command.execute(interaction, context)
    return
  }
  if (interaction.isButton()) await handleButton(interaction, context)
}

/** Tells the user privately, in whichever way the interaction still allows. */
async function apologise(interaction: Interaction, logger: Logger): Promise<void> {
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await interaction.respond([])
    return
  }
  if (!interaction.isRepliable()) return
  if (interaction.deferred && !interaction.replied) {
    // A deferred reply keeps the visibility chosen when deferring, and so does the first follow-up
    // (it replaces the "thinking…"). A private one becomes the apology; a public one is deleted
    // first, so the apology can follow privately and the channel never sees the failure.
    const apology = { content: SOMETHING_WENT_WRONG, embeds: [], components: [], allowedMentions: NO_MENTIONS }
    if (interaction.ephemeral === true) {
      await interaction.editReply(apology)
      return
    }
    try {
      await interaction.deleteReply()
    } catch (error) {
      // Could not delete it: a public apology beats a "thinking…" that never ends.
      logger.warn({ err: error, interaction: interaction.id }, 'could not delete the deferred reply')
      await interaction.editReply(apology)
      return
    }
    await interaction.followUp(privateNotice(SOMETHING_WENT_WRONG))
  } else if (interaction.replied || interaction.deferred) {
    await interaction.followUp(privateNotice(SOMETHING_WENT_WRONG))
  } else {
    await interaction.reply(privateNotice(SOMETHING_WENT_WRONG))
  }
}

/** What the log entry says about the interaction: type, command, options or custom id, user. */
function describe(interaction: Interaction): Record<string, unknown> {
  const base = { interaction: interaction.id, user: interaction.user.id, guild: interaction.guildId }
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) {
    return { ...base, command: interaction.commandName, options: interaction.options.data.map(({ name, value }) => ({ name, value })) }
  }
  if (interaction.isMessageContextMenuCommand()) return { ...base, command: interaction.commandName, target: interaction.targetId }
  if (interaction.isButton()) return { ...base, button: interaction.customId }
  return { ...base, type: interaction.type }
}
