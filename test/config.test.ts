import { describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config.js'

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAwMQ.fake.token-for-tests_only'

describe('loadConfig', () => {
  it('gives the defaults for an empty environment: no token, the embedded corpus', () => {
    expect(loadConfig({})).toEqual({
      discordToken: null,
      discordApplicationId: null,
      discordGuildId: null,
      corpusDir: 'corpus',
      logLevel: 'info',
      discordApiBase: null,
      rateLimitCommands: 5,
      rateLimitWindowSeconds: 10,
      snapshotDir: '.cache',
      shards: 'auto',
      fetchAllowPrivateHosts: [],
      maxArticlesPerServer: 1000,
      maxAdditionsPerHour: 20,
    })
  })

  it('reads every setting, trimming and lowercasing the log level', () => {
    const config = loadConfig({
      DISCORD_TOKEN: ` ${TOKEN} `,
      DISCORD_APPLICATION_ID: '1000000000000000001',
      DISCORD_GUILD_ID: '2000000000000000001',
      CORPUS_DIR: '/srv/news',
      LOG_LEVEL: 'DEBUG',
      DISCORD_API_BASE: 'http://127.0.0.1:4000/api',
      RATE_LIMIT_COMMANDS: '20',
      RATE_LIMIT_WINDOW_SECONDS: ' 60 ',
      SNAPSHOT_DIR: '/var/cache/byline',
      TOTAL_SHARDS: '4',
      FETCH_ALLOW_PRIVATE_HOSTS: ' Intranet.example, 10.0.0.0/8 ,,127.0.0.1, *.corp.example ',
      MAX_ARTICLES_PER_SERVER: '50',
      MAX_ADDITIONS_PER_HOUR: ' 5 ',
    })
    expect(config).toEqual({
      discordToken: TOKEN,
      discordApplicationId: '1000000000000000001',
      discordGuildId: '2000000000000000001',
      corpusDir: '/srv/news',
      logLevel: 'debug',
      discordApiBase: 'http://127.0.0.1:4000/api',
      rateLimitCommands: 20,
      rateLimitWindowSeconds: 60,
      snapshotDir: '/var/cache/byline',
      shards: 4,
      fetchAllowPrivateHosts: ['intranet.example', '10.0.0.0/8', '127.0.0.1', '*.corp.example'],
      maxArticlesPerServer: 50,
      maxAdditionsPerHour: 5,
    })
  })

  it('turns snapshots off with SNAPSHOT_DIR=off', () => {
    expect(loadConfig({ SNAPSHOT_DIR: 'off' }).snapshotDir).toBeNull()
  })

  it('treats empty settings as unset, as in a copied .env.example', () => {
    expect(loadConfig({ DISCORD_TOKEN: '', DISCORD_GUILD_ID: '  ', LOG_LEVEL: '' }).discordToken).toBeNull()
  })

  it.each([
    { name: 'a token that is too short', env: { DISCORD_TOKEN: 'abc' }, message: 'config: DISCORD_TOKEN does not look like a bot token' },
    {
      name: 'a guild id that is not a snowflake',
      env: { DISCORD_GUILD_ID: 'my-server' },
      message: 'config: DISCORD_GUILD_ID must be a server id',
    },
    {
      name: 'an application id with letters',
      env: { DISCORD_APPLICATION_ID: '12ab' },
      message: 'config: DISCORD_APPLICATION_ID must be the application id',
    },
    { name: 'an unknown log level', env: { LOG_LEVEL: 'loud' }, message: 'config: LOG_LEVEL must be one of' },
    { name: 'an API base that is not a URL', env: { DISCORD_API_BASE: 'localhost' }, message: 'config: DISCORD_API_BASE must be a URL' },
    { name: 'a shard count that is not a number', env: { TOTAL_SHARDS: 'many' }, message: 'config: TOTAL_SHARDS must be auto or a number' },
    {
      name: 'a rate limit that is not a number',
      env: { RATE_LIMIT_COMMANDS: 'lots' },
      message: 'config: RATE_LIMIT_COMMANDS must be a whole number',
    },
    {
      name: 'a rate-limit window of 0 s',
      env: { RATE_LIMIT_WINDOW_SECONDS: '0' },
      message: 'config: RATE_LIMIT_WINDOW_SECONDS must be a whole number',
    },
    {
      name: 'a private-host entry that is a URL',
      env: { FETCH_ALLOW_PRIVATE_HOSTS: 'http://intranet.example/' },
      message: 'config: FETCH_ALLOW_PRIVATE_HOSTS must be host names, IP addresses or CIDR ranges',
    },
    {
      name: 'a private-host range with a bad prefix',
      env: { FETCH_ALLOW_PRIVATE_HOSTS: 'intranet.example,10.0.0.0/33' },
      message: 'config: FETCH_ALLOW_PRIVATE_HOSTS must be host names',
    },
  ])('fails naming the setting for $name', ({ env, message }) => {
    expect(() => loadConfig(env)).toThrow(message)
  })

  it('names every bad setting at once and never echoes a value', () => {
    const secret = 'not-a-token-but-secret'
    let message = ''
    try {
      loadConfig({ DISCORD_TOKEN: `${secret} with spaces`, LOG_LEVEL: 'loud' })
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toContain('DISCORD_TOKEN')
    expect(message).toContain('LOG_LEVEL')
    expect(message).not.toContain(secret)
  })
})
