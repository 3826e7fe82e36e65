import { describe, expect, it } from 'vitest';
import { ChannelType, MessageFlags, type Interaction } from 'discord.js';
import { buttonsOf, textOf } from '../support/emulator/index.js';
import { testBotForFile } from './test-bot.js';

const { emu, bot } = await testBotForFile('clean');

const pager = (page: number, last: number) => [{
  type: 1,
  components: [
    { type: 2, style: 2, label: 'Previous', custom_id: `page:${page - 1}`, disabled: page <= 1 },
    { type: 2, style: 1, label: 'Next', custom_id: `page:${page + 1}`, disabled: page >= last },
  ],
}];

function describeChannel(interaction: Interaction) {
  const channel = interaction.channel;
  if (!channel) return { missing: true };
  if (channel.type === ChannelType.DM) return { type: channel.type, dm: true, recipient: channel.recipientId };
  if (channel.isThread()) return { type: channel.type, parentId: channel.parentId, parentNsfw: channel.parent?.nsfw };
  return { type: channel.type, nsfw: 'nsfw' in channel ? channel.nsfw : undefined };
}

describe('the emulator with a real discord.js client', () => {
  it('delivers a slash command with its options and records the reply', async () => {
    bot.on('echo', async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply(`${i.user.username} said ${i.options.getString('text')} ${i.options.getInteger('times')}`);
    });
    const { alice } = emu.world.users;
    const result = await emu.slash(alice, emu.world.channels.general, 'echo', { text: 'hello', times: 2 });
    expect(result.callback?.type).toBe(4);
    expect(result.ephemeral).toBe(false);
    expect(result.message).toMatchObject({
      content: 'alice said hello 2', channel_id: emu.world.channels.general.id, author: { id: emu.world.bot.id },
      mentions: [], mention_roles: [], attachments: [], pinned: false, tts: false, mention_everyone: false,
      edited_timestamp: null, type: 20,
    });
    expect(emu.messages(emu.world.channels.general.id).map((m) => m.id)).toContain(result.message?.id);
  });

  it('marks an ephemeral reply as ephemeral', async () => {
    bot.on('secret', (i) => (i.isRepliable() ? i.reply({ content: 'only you', flags: MessageFlags.Ephemeral }) : Promise.resolve()));
    const result = await emu.slash(emu.world.users.bob, emu.world.channels.general, 'secret');
    expect(result.ephemeral).toBe(true);
    expect(result.message?.flags).toBe(MessageFlags.Ephemeral);
  });

  it('waits for the edit after deferReply and returns the finished message', async () => {
    bot.on('slow', async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      await new Promise((r) => setTimeout(r, 150));
      await i.editReply({ content: 'ready now', embeds: [{ title: 'Chapter 1', description: 'It begins.' }] });
    });
    const result = await emu.slash(emu.world.users.alice, emu.world.channels.general, 'slow');
    expect(result.callback?.type).toBe(5);
    expect(result.ephemeral).toBe(true);
    expect(result.message?.flags).toBe(MessageFlags.Ephemeral);
    expect(textOf(result.message!)).toBe('ready now\nChapter 1\nIt begins.');
  });

  it('says how long the bot took to give its first response', async () => {
    bot.on('pause', async (i) => {
      if (!i.isChatInputCommand()) return;
      await new Promise((r) => setTimeout(r, 80));
      await i.reply('after a pause');
    });
    const result = await emu.slash(emu.world.users.alice, emu.world.channels.general, 'pause');
    expect(result.callback?.type).toBe(4);
    expect(result.answeredInMs).toBeGreaterThanOrEqual(75);
    expect(result.answeredInMs).toBeLessThan(3_000);
  });

  it('records follow-ups separately from the reply, and lets the bot fetch its reply', async () => {
    bot.on('chatty', async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply('first');
      const fetched = await i.fetchReply();
      await i.followUp(`second after ${fetched.content}`);
      await i.followUp({ content: 'third', flags: MessageFlags.Ephemeral });
    });
    const result = await emu.slash(emu.world.users.alice, emu.world.channels.general, 'chatty');
    expect(result.message?.content).toBe('first');
    expect(result.followUps.map((m) => [m.content, m.flags])).toEqual([['second after first', 0], ['third', 64]]);
  });

  it('round-trips a button click that updates the message', async () => {
    bot.on('book', async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'page 1', components: pager(1, 3) });
    });
    bot.on('page', async (i) => {
      if (!i.isButton()) return;
      const page = Number(i.customId.split(':')[1]);
      expect(i.message.content).toMatch(/^page \d$/);
      await i.update({ content: `page ${page}`, components: pager(page, 3) });
    });
    const { alice } = emu.world.users;
    const opened = await emu.slash(alice, emu.world.channels.general, 'book');
    expect(buttonsOf(opened.message!)).toMatchObject([
      { label: 'Previous', customId: 'page:0', disabled: true }, { label: 'Next', customId: 'page:2', disabled: false },
    ]);
    const turned = await emu.click(alice, opened.message!, 'Next');
    expect(turned.callback?.type).toBe(7);
    expect(turned.message?.id).toBe(opened.message?.id);
    expect(turned.message?.content).toBe('page 2');
    expect(turned.message?.edited_timestamp).not.toBeNull();
    await expect(emu.click(alice, opened.message!, 'page:1')).resolves.toMatchObject({ message: { content: 'page 1' } });
    await expect(emu.click(alice, opened.message!, 'Previous')).rejects.toThrow(/disabled/);
  });

  it('supports deferUpdate followed by editReply on the clicked message', async () => {
    bot.on('lazy', async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'before', components: [{ type: 1, components: [{ type: 2, style: 1, label: 'Go', custom_id: 'lazy:go' }] }] });
      if (!i.isButton()) return;
      await i.deferUpdate();
      await i.editReply({ content: 'after', components: [] });
    });
    const opened = await emu.slash(emu.world.users.alice, emu.world.channels.general, 'lazy');
    const clicked = await emu.click(emu.world.users.alice, opened.message!, 'Go');
    expect(clicked.callback?.type).toBe(6);
    expect(clicked.message).toMatchObject({ id: opened.message?.id, content: 'after', components: [] });
  });

  it('delivers a select menu choice', async () => {
    bot.on('pick', async (i) => {
      if (i.isChatInputCommand()) {
        await i.reply({ content: 'choose', components: [{ type: 1, components: [{ type: 3, custom_id: 'pick:chapter', options: [
          { label: 'One', value: '1' }, { label: 'Two', value: '2' }] }] }] });
      }
      if (i.isStringSelectMenu()) await i.update({ content: `chapter ${i.values.join()}`, components: [] });
    });
    const opened = await emu.slash(emu.world.users.alice, emu.world.channels.general, 'pick');
    const picked = await emu.select(emu.world.users.alice, opened.message!, 'pick:chapter', ['2']);
    expect(picked.message?.content).toBe('chapter 2');
  });

  it('sends autocomplete with the focused option and returns the choices', async () => {
    bot.on('find', async (i) => {
      if (!i.isAutocomplete()) return;
      const typed = i.options.getFocused(true);
      await i.respond([{ name: `${typed.name}=${typed.value}`, value: 'a' }, { name: `other=${i.options.getString('other')}`, value: 'b' }]);
    });
    const choices = await emu.autocomplete(emu.world.users.alice, emu.world.channels.general, 'find', { other: 'x', work: 'dra' }, 'work');
    expect(choices).toEqual([{ name: 'work=dra', value: 'a' }, { name: 'other=x', value: 'b' }]);
  });

  it('uses registered option types, so an integer option arrives as an integer', async () => {
    await bot.client.application!.commands.set([{ name: 'goto', description: 'Go to', options: [
      { name: 'chapter', description: 'Chapter', type: 4 }, { name: 'work', description: 'Work', type: 3 }] }],
    emu.world.guilds.one.id);
    bot.on('goto', async (i) => {
      if (i.isChatInputCommand()) await i.reply(`${i.commandId} ${i.options.getInteger('chapter')} ${i.options.getString('work')}`);
    });
    const result = await emu.slash(emu.world.users.alice, emu.world.channels.general, 'goto', { chapter: 3, work: '12' });
    const [registered] = emu.commands(emu.world.guilds.one.id);
    expect(result.message?.content).toBe(`${registered?.id} 3 12`);
  });

  it('shows a thread as a thread whose parent is age-restricted', async () => {
    bot.on('where', async (i) => (i.isChatInputCommand() ? i.reply(JSON.stringify(describeChannel(i))) : undefined));
    const { channels, users } = emu.world;
    const inThread = await emu.slash(users.alice, channels.thread, 'where');
    expect(JSON.parse(inThread.message!.content)).toEqual({ type: 11, parentId: channels.mature.id, parentNsfw: true });
    const inMature = await emu.slash(users.alice, channels.mature, 'where');
    expect(JSON.parse(inMature.message!.content)).toEqual({ type: 0, nsfw: true });
    const inLobby = await emu.slash(users.carol, channels.lobby, 'where');
    expect(JSON.parse(inLobby.message!.content)).toEqual({ type: 0, nsfw: false });
  });

  it('delivers a DM interaction with a user, no guild, and a DM channel', async () => {
    bot.on('dm', async (i) => {
      if (i.isChatInputCommand()) await i.reply(JSON.stringify({ ...describeChannel(i), guild: i.guildId, member: i.member !== null }));
    });
    const { users, dms } = emu.world;
    const result = await emu.slash(users.bob, dms.bob, 'dm');
    expect(JSON.parse(result.message!.content)).toEqual({ type: 1, dm: true, recipient: users.bob.id, guild: null, member: false });
    expect(result.message?.channel_id).toBe(dms.bob.id);
  });

  it('accepts Components V2 and reads their text', async () => {
    bot.on('v2', async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply({ flags: MessageFlags.IsComponentsV2, components: [{ type: 17, components: [
        { type: 10, content: '# Title' }, { type: 10, content: 'Body text' },
        { type: 1, components: [{ type: 2, style: 1, label: 'Next', custom_id: 'v2:next' }] }] }] });
    });
    const result = await emu.slash(emu.world.users.alice, emu.world.channels.general, 'v2');
    expect(textOf(result.message!)).toBe('# Title\nBody text');
    expect(buttonsOf(result.message!)).toMatchObject([{ label: 'Next', customId: 'v2:next' }]);
  });

  it('gives every interaction a unique id and token', async () => {
    bot.on('ping', async (i) => (i.isChatInputCommand() ? i.reply('pong') : undefined));
    const results = await Promise.all([1, 2, 3].map(() => emu.slash(emu.world.users.carol, emu.world.channels.general, 'ping')));
    expect(new Set(results.map((r) => r.id)).size).toBe(3);
    expect(new Set(results.map((r) => r.token)).size).toBe(3);
  });

  it('answers with_response callbacks with the created message', async () => {
    let seen: unknown;
    bot.on('withresponse', async (i) => {
      if (!i.isChatInputCommand()) return;
      const response = await i.reply({ content: 'kept', withResponse: true });
      seen = { content: response.resource?.message?.content, id: response.interaction.responseMessageId };
    });
    const result = await emu.slash(emu.world.users.alice, emu.world.channels.general, 'withresponse');
    expect(seen).toEqual({ content: 'kept', id: result.message?.id });
  });

  it('deletes the original response when the bot asks', async () => {
    bot.on('gone', async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply('brief');
      await i.deleteReply();
    });
    const result = await emu.slash(emu.world.users.alice, emu.world.channels.lobby, 'gone');
    expect(result.callback?.type).toBe(4);
    expect(result.message).toBeNull();
  });

  it('records a modal opened from a button', async () => {
    bot.on('ask', async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'ask', components: [{ type: 1, components: [{ type: 2, style: 1, label: 'Jump', custom_id: 'ask:jump' }] }] });
      if (i.isButton()) {
        await i.showModal({ custom_id: 'jump', title: 'Jump to page', components: [{ type: 1, components: [
          { type: 4, custom_id: 'page', label: 'Page', style: 1 }] }] });
      }
    });
    const opened = await emu.slash(emu.world.users.alice, emu.world.channels.general, 'ask');
    const clicked = await emu.click(emu.world.users.alice, opened.message!, 'Jump');
    expect(clicked.callback).toMatchObject({ type: 9, data: { custom_id: 'jump', title: 'Jump to page' } });
  });

  it('accepts attachments sent as multipart form data', async () => {
    bot.on('file', async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'see file', files: [{ attachment: Buffer.from('hello'), name: 'note.txt' }] });
    });
    const result = await emu.slash(emu.world.users.alice, emu.world.channels.general, 'file');
    expect(result.message).toMatchObject({ content: 'see file', attachments: [{ filename: 'note.txt', size: 5 }] });
  });

  it('refuses follow-ups once the 15 minute token has expired', async () => {
    let late: unknown;
    bot.on('expire', async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply('now');
      emu.advanceTime(15 * 60_000 + 1);
      late = await i.followUp('too late').catch((error: unknown) => error);
    });
    await emu.slash(emu.world.users.alice, emu.world.channels.general, 'expire');
    expect(late).toMatchObject({ status: 401, code: 50027 });
    expect(emu.takeViolations().map((v) => v.kind)).toEqual(['unknown-interaction']);
  });
});
