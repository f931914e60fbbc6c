import type { Interaction } from 'discord.js'
import { handleButton } from './buttons.js'
import type { BotContext } from './command.js'
import { MESSAGE_COMMANDS, SLASH_COMMANDS } from './commandList.js'
import { privateNotice } from './replies.js'

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
    await apologise(interaction).catch((replyError: unknown) => {
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
async function apologise(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await interaction.respond([])
    return
  }
  if (!interaction.isRepliable()) return
  if (interaction.deferred && !interaction.replied) {
    // A deferred reply keeps the visibility chosen when deferring; replace its "thinking…".
    await interaction.editReply({ content: SOMETHING_WENT_WRONG, embeds: [], components: [], allowedMentions: { parse: [] } })
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
