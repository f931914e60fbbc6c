import { type Client, type Interaction, MessageFlags, REST, Routes } from 'discord.js'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type DiscordEmulator, startEmulator } from './emulator.js'
import { failOnUnhandledRejection, loginBareClient, restOptions } from './harness.js'
import { autocomplete, button, chatInput, chatInputWithFile, messageCommand } from './interactions.js'

failOnUnhandledRejection()

// The emulator itself, driven by a bare discord.js client whose handlers are written per test.
describe('Discord emulator', () => {
  let emulator: DiscordEmulator
  let client: Client<true>

  beforeAll(async () => {
    emulator = await startEmulator()
    client = await loginBareClient(emulator)
  })
  afterEach(() => {
    client.removeAllListeners('interactionCreate')
  })
  afterAll(async () => {
    await client.destroy()
    await emulator.close()
  })

  it('completes the handshake with the Guilds intent and no compression', () => {
    expect(emulator.identifies[0]).toMatchObject({ token: 'fake-token', intents: 1, compress: false })
    expect(emulator.requests[0]).toMatchObject({ method: 'GET', path: '/api/v10/gateway/bot' })
  })

  it('records a reply with its flags and allowed mentions', async () => {
    onInteraction(client, async (interaction) => {
      if (interaction.isChatInputCommand()) {
        await interaction.reply({ content: 'hi', flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } })
      }
    })
    const record = emulator.interact(chatInput('ask', { question: 'q', limit: 3, private: true }))
    const response = await emulator.waitForResponse(record)
    expect(response).toMatchObject({ kind: 'callback', callbackType: 4, isEphemeral: true })
    expect(response.data).toMatchObject({ content: 'hi', allowed_mentions: { parse: [] } })
    expect(record.original).toMatchObject({ content: 'hi' })
  })

  it('answers editReply and followUp with message objects', async () => {
    onInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return
      await interaction.deferReply()
      const edited = await interaction.editReply({ content: 'edited' })
      const followed = await interaction.followUp({ content: `after ${edited.id}` })
      await interaction.followUp({ content: `then ${followed.id}` })
    })
    const record = emulator.interact(chatInput('brief'))
    const responses = await emulator.waitForResponses(record, 4)
    expect(responses.map((r) => r.kind)).toEqual(['callback', 'edit', 'followup', 'followup'])
    expect(emulator.requests.some((r) => r.method === 'PATCH' && r.path.endsWith('/messages/@original'))).toBe(true)
    expect(record.followups[1]?.content).toBe(`then ${record.followups[0]?.id}`)
  })

  it('rejects a second acknowledgement with code 40060', async () => {
    const errors: unknown[] = []
    onInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return
      await interaction.deferReply()
      // discord.js would refuse locally; go around it to reach the emulator's rule.
      await client.rest
        .post(Routes.interactionCallback(interaction.id, interaction.token), { body: { type: 4, data: { content: 'x' } }, auth: false })
        .catch((error: unknown) => errors.push(error))
    })
    const record = emulator.interact(chatInput('ask'))
    await emulator.waitFor(() => errors[0], 'the second acknowledgement to fail')
    expect(errors[0]).toMatchObject({ code: 40060, status: 400 })
    expect(record.acknowledgement).toBe(5)
  })

  it('rejects an acknowledgement after the deadline with code 10062', async () => {
    emulator.options.ackDeadlineMs = 200
    const errors: unknown[] = []
    onInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return
      await new Promise((resolve) => setTimeout(resolve, emulator.options.ackDeadlineMs + 100))
      await interaction.reply({ content: 'late' }).catch((error: unknown) => errors.push(error))
    })
    const record = emulator.interact(chatInput('ask'))
    await emulator.waitFor(() => errors[0], 'the late acknowledgement to fail')
    emulator.options.ackDeadlineMs = 3_000
    expect(errors[0]).toMatchObject({ code: 10062, status: 404 })
    expect(record.acknowledgement).toBeNull()
  })

  it.each([
    { name: 'autocomplete', payload: () => autocomplete('quote', { speaker: 'And' }, 'speaker'), expected: 'autocomplete:speaker=And' },
    { name: 'button', payload: () => button('page:2', { id: '1', channel_id: '3' }), expected: 'button:page:2' },
    { name: 'message context menu', payload: () => messageCommand('Find in articles', 'regional hub'), expected: 'context:regional hub' },
    { name: 'DM slash command', payload: () => chatInput('help', {}, { isDm: true }), expected: 'dm:help' },
  ])('delivers a $name interaction that discord.js parses', async ({ payload, expected }) => {
    onInteraction(client, async (interaction) => {
      let seen = 'unexpected'
      if (interaction.isAutocomplete()) {
        const focused = interaction.options.getFocused(true)
        seen = `autocomplete:${focused.name}=${focused.value}`
        await interaction.respond([{ name: seen, value: seen }])
        return
      }
      if (interaction.isButton()) seen = `button:${interaction.customId}`
      if (interaction.isMessageContextMenuCommand()) seen = `context:${interaction.targetMessage.content}`
      if (interaction.isChatInputCommand() && !interaction.inGuild()) seen = `dm:${interaction.commandName}`
      await interaction.reply({ content: seen })
    })
    const record = emulator.interact(payload())
    const response = await emulator.waitForResponse(record)
    const data = response.data as { content?: string; choices?: { name: string }[] }
    expect(data.content ?? data.choices?.[0]?.name).toBe(expected)
  })

  it('registers guild and global commands with PUT', async () => {
    const rest = new REST(restOptions(emulator)).setToken('fake-token')
    const guild = (await rest.put(Routes.applicationGuildCommands('1', '2'), { body: [{ name: 'ask', description: 'd' }] })) as {
      id: string
      guild_id: string
    }[]
    const global = (await rest.put(Routes.applicationCommands('1'), { body: [] })) as unknown[]
    expect(guild[0]).toMatchObject({ name: 'ask', guild_id: '2' })
    expect(global).toEqual([])
    const puts = emulator.requests.filter((r) => r.method === 'PUT').map((r) => r.path)
    expect(puts).toEqual(['/api/v10/applications/1/guilds/2/commands', '/api/v10/applications/1/commands'])
  })

  it('resumes after the gateway closes with 4000 and replays what was missed', async () => {
    onInteraction(client, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'still here' })
    })
    emulator.closeGateway(4000)
    // Dispatched while the client is away: queued by the emulator and replayed on RESUME.
    const record = emulator.interact(chatInput('help'))
    const response = await emulator.waitForResponse(record)
    expect(response.data).toMatchObject({ content: 'still here' })
    expect(emulator.identifies).toHaveLength(1)
  })

  it('serves an uploaded file at its attachment URL and hands the bot the attachment option', async () => {
    const attachment = emulator.upload({ filename: 'story.md', contentType: 'text/markdown; charset=utf-8', body: '# A story\n' })
    const served = await fetch(attachment.url)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    expect(await served.text()).toBe('# A story\n')
    expect((await fetch(attachment.url.replace(attachment.id, '1'))).status).toBe(404)
    let seen: unknown = null
    onInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return
      const file = interaction.options.getAttachment('file', true)
      seen = { name: file.name, url: file.url, size: file.size, contentType: file.contentType }
      await interaction.reply({ content: 'got it' })
    })
    const record = emulator.interact(chatInputWithFile('add', 'file', attachment))
    await emulator.waitForResponse(record)
    expect(seen).toEqual({ name: 'story.md', url: attachment.url, size: 10, contentType: 'text/markdown; charset=utf-8' })
  })

  it('injects a REST fault through faults.rest', async () => {
    emulator.faults.rest = (request) =>
      request.path.endsWith('/callback') ? { status: 500, body: { message: 'boom', code: 0 } } : undefined
    const errors: unknown[] = []
    onInteraction(client, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'x' }).catch((error: unknown) => errors.push(error))
    })
    emulator.interact(chatInput('help'))
    await emulator.waitFor(() => errors[0], 'the faulted reply to fail')
    emulator.faults.rest = null
    expect(errors[0]).toMatchObject({ status: 500 })
  })
})

// Registers an async interaction handler; a rejection stays unhandled, which the harness's
// guard (failOnUnhandledRejection) turns into a failure of the running test.
function onInteraction(client: Client, handle: (interaction: Interaction) => Promise<void>): void {
  client.on('interactionCreate', (interaction) => void handle(interaction))
}
