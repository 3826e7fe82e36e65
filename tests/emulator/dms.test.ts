// Direct messages as Discord serves them to a bot: `POST /users/@me/channels` opens (or finds) the DM channel
// with a user, messages are sent to it like to any channel, and a user whose DMs are closed is answered 403
// with code 50007, which is Discord's answer and not the bot's fault (no violation).
import { describe, expect, it } from 'vitest';
import { DiscordAPIError, Routes } from 'discord.js';
import { textOf, type ApiUser } from '../support/emulator/index.js';
import { testBotForFile } from './test-bot.js';

const { emu, bot } = await testBotForFile('forget');

let strangers = 0;
/** Someone the bot has only seen in an interaction, as the story bot's readers are. */
function stranger(): ApiUser {
  strangers += 1;
  return { id: String(1_280_000_000_000_000_000n + BigInt(strangers)), username: `s${strangers}`, global_name: null, discriminator: '0', avatar: null };
}

describe('direct messages', () => {
  it('opens a DM channel with anyone and delivers what is sent to it', async () => {
    const reader = stranger();
    const channel = await bot.client.users.createDM(reader.id);
    expect(channel.recipientId).toBe(reader.id);
    await channel.send({ content: 'A new chapter is out.', allowedMentions: { parse: [] } });
    expect(emu.dmsOf(reader).map(textOf)).toEqual(['A new chapter is out.']);
    expect(emu.takeViolations()).toEqual([]);
  });

  it('gives the same channel for the same person twice', async () => {
    const reader = stranger();
    const first = await bot.client.rest.post(Routes.userChannels(), { body: { recipient_id: reader.id } }) as { id: string };
    const second = await bot.client.rest.post(Routes.userChannels(), { body: { recipient_id: reader.id } }) as { id: string };
    expect(second.id).toBe(first.id);
  });

  it('answers 403 with code 50007 when the person closed their DMs, and records no violation', async () => {
    const reader = stranger();
    emu.closeDms(reader);
    const channel = await bot.client.users.createDM(reader.id);
    const sent = channel.send({ content: 'Hello.', allowedMentions: { parse: [] } });
    await expect(sent).rejects.toBeInstanceOf(DiscordAPIError);
    await expect(sent).rejects.toMatchObject({ status: 403, code: 50007 });
    expect(emu.dmsOf(reader)).toEqual([]);
    expect(emu.takeViolations()).toEqual([]);
  });

  it('refuses a DM channel without a recipient_id, or with the bot itself, as malformed', async () => {
    await expect(bot.client.rest.post(Routes.userChannels(), { body: {} })).rejects.toMatchObject({ status: 400 });
    await expect(bot.client.rest.post(Routes.userChannels(), { body: { recipient_id: emu.world.bot.id } })).rejects.toMatchObject({ status: 400 });
    expect(emu.takeViolations().map((v) => v.kind)).toEqual(['malformed-request', 'malformed-request']);
  });

  it('checks a DM like any message: one that would ping is refused', async () => {
    const reader = stranger();
    const channel = await bot.client.users.createDM(reader.id);
    await expect(bot.client.rest.post(Routes.channelMessages(channel.id), { body: { content: 'hi' } })).rejects.toMatchObject({ status: 400 });
    expect(emu.takeViolations().map((v) => v.kind)).toEqual(['allowed-mentions']);
  });

  it('lets the person click a button on a DM, as an interaction in that DM', async () => {
    const reader = stranger();
    bot.on('dm', async (i) => {
      if (i.isButton()) await i.reply({ content: `clicked in ${i.channel?.isDMBased() ? 'a DM' : 'a guild'}`, allowedMentions: { parse: [] } });
    });
    const channel = await bot.client.users.createDM(reader.id);
    await channel.send({ content: 'Read on', components: [{ type: 1, components: [{ type: 2, style: 1, label: 'Open', custom_id: 'dm:open' }] }], allowedMentions: { parse: [] } });
    const clicked = await emu.click(reader, emu.dmsOf(reader)[0]!, 'Open');
    expect(textOf(clicked.message!)).toBe('clicked in a DM');
    expect(bot.errors).toEqual([]);
    expect(emu.takeViolations()).toEqual([]);
  });
});
