import { describe, expect, it } from 'vitest';
import { MessageFlags, Routes, type Interaction } from 'discord.js';
import { testBotForFile } from './test-bot.js';

const { emu, bot } = await testBotForFile('forget');

const jumpButton = (name: string) => ({ type: 1, components: [{ type: 2, style: 1, label: 'Jump', custom_id: `${name}:open` }] });
const textInput = (customId: string, extra: object = {}) => ({ type: 1, components: [{ type: 4, custom_id: customId, label: customId, style: 1, ...extra }] });
const modal = (name: string, ...rows: object[]) => ({ custom_id: `${name}:modal`, title: 'Jump to page', components: rows });

/** `/name` answers with a Jump button; clicking it opens `shown`; a submit is answered by `onSubmit`. */
function modalBot(name: string, shown: object, onSubmit: (i: Interaction) => Promise<unknown>) {
  bot.on(name, async (i) => {
    if (i.isChatInputCommand()) await i.reply({ content: 'page 1', components: [jumpButton(name)] });
    else if (i.isButton()) await i.showModal(shown as Parameters<typeof i.showModal>[0]);
    else if (i.isModalSubmit()) await onSubmit(i);
  });
}

async function openModal(name: string) {
  const opened = await emu.slash(emu.world.users.alice, emu.world.channels.general, name);
  const clicked = await emu.click(emu.world.users.alice, opened.message!, 'Jump');
  expect(clicked.callback?.type).toBe(9);
  return { opened, clicked };
}

describe('submitting a modal', () => {
  it('sends a MODAL_SUBMIT with the typed values, the modal’s custom_id and the message it was opened from', async () => {
    let seen: unknown;
    modalBot('jumpa', modal('jumpa', textInput('page'), textInput('note', { required: false, style: 2 })), async (i) => {
      if (!i.isModalSubmit()) return;
      seen = { type: i.type, customId: i.customId, page: i.fields.getTextInputValue('page'), note: i.fields.getTextInputValue('note'), fromMessage: i.message?.content, user: i.user.id };
      await i.reply({ content: 'jumped', flags: MessageFlags.Ephemeral });
    });
    const { clicked } = await openModal('jumpa');
    const submitted = await emu.submitModal(clicked, { page: '7' });
    expect(seen).toEqual({ type: 5, customId: 'jumpa:modal', page: '7', note: '', fromMessage: 'page 1', user: emu.world.users.alice.id });
    expect(submitted.callback?.type).toBe(4);
    expect(submitted.ephemeral).toBe(true);
    expect(submitted.message?.content).toBe('jumped');
    expect(emu.takeViolations()).toEqual([]);
  });

  it('lets the submit update the message the modal was opened from (type 7), or defer that update (type 6)', async () => {
    modalBot('jumpb', modal('jumpb', textInput('page')), async (i) => {
      if (!i.isModalSubmit() || !i.isFromMessage()) return;
      const page = i.fields.getTextInputValue('page');
      if (page === 'later') {
        await i.deferUpdate();
        await i.editReply({ content: 'page later' });
      } else {
        await i.update({ content: `page ${page}` });
      }
    });
    const { opened, clicked } = await openModal('jumpb');
    const updated = await emu.submitModal(clicked, { page: '3' });
    expect(updated.callback?.type).toBe(7);
    expect(updated.message).toMatchObject({ id: opened.message!.id, content: 'page 3' });
    const again = await emu.click(emu.world.users.alice, opened.message!, 'Jump');
    const deferred = await emu.submitModal(again, { page: 'later' });
    expect(deferred.callback?.type).toBe(6);
    expect(deferred.message).toMatchObject({ id: opened.message!.id, content: 'page later' });
    expect(emu.takeViolations()).toEqual([]);
  });

  it('refuses an update (type 7) to a modal opened from a slash command, which has no message', async () => {
    bot.on('jumpc', async (i) => {
      if (i.isChatInputCommand()) await i.showModal(modal('jumpc', textInput('page')) as Parameters<typeof i.showModal>[0]);
      else if (i.isModalSubmit()) {
        await (i as unknown as { update(o: object): Promise<unknown> }).update({ content: 'no message to update' });
      }
    });
    const shown = await emu.slash(emu.world.users.alice, emu.world.channels.general, 'jumpc');
    expect(shown.callback?.type).toBe(9);
    const submitted = await emu.submitModal(shown, { page: '2' });
    expect(emu.takeViolations().map((v) => v.kind)).toContain('invalid-callback');
    expect(submitted.message?.content).toBe('Something went wrong.');
  });

  it('submits only a modal the bot opened, once, with values only for its text inputs, within their limits', async () => {
    modalBot('jumpd', modal('jumpd', textInput('page', { min_length: 1, max_length: 3 }), textInput('note', { required: false, max_length: 5 })), async (i) =>
      i.isModalSubmit() ? i.reply({ content: 'ok', flags: MessageFlags.Ephemeral }) : undefined,
    );
    const { opened, clicked } = await openModal('jumpd');
    await expect(emu.submitModal(opened, { page: '1' })).rejects.toThrow(/opened no modal/);
    await expect(emu.submitModal(clicked, { page: '1', chapter: '2' })).rejects.toThrow(/no text input "chapter"/);
    await expect(emu.submitModal(clicked, { note: 'hi' })).rejects.toThrow(/"page" is required/);
    await expect(emu.submitModal(clicked, { page: '1234' })).rejects.toThrow(/"page" takes 1-3 characters/);
    await expect(emu.submitModal(clicked, { page: '1', note: 'too long' })).rejects.toThrow(/"note" takes 0-5 characters/);
    await expect(emu.submitModal(clicked, { page: '12', note: 'short' })).resolves.toMatchObject({ callback: { type: 4 } });
    await expect(emu.submitModal(clicked, { page: '12' })).rejects.toThrow(/already submitted/);
    expect(emu.takeViolations()).toEqual([]);
  });

  it('refuses a modal Discord would not show: a text input label over 45, no components, or a second modal on a submit', async () => {
    const tooLongLabel = modal('jumpe', textInput('page', { label: 'x'.repeat(46) }));
    bot.on('jumpe', async (i) => {
      if (i.isChatInputCommand()) await i.showModal(tooLongLabel as Parameters<typeof i.showModal>[0]);
    });
    await emu.slash(emu.world.users.alice, emu.world.channels.general, 'jumpe');
    expect(emu.takeViolations().map((v) => v.kind)).toEqual(['malformed-request']);

    bot.on('jumpf', async (i) => {
      if (i.isChatInputCommand()) await i.showModal(modal('jumpf') as Parameters<typeof i.showModal>[0]);
    });
    await emu.slash(emu.world.users.alice, emu.world.channels.general, 'jumpf');
    expect(emu.takeViolations().map((v) => v.kind)).toEqual(['malformed-request']);

    // discord.js offers no showModal on a submit; a bot going round it gets Discord's refusal.
    modalBot('jumpg', modal('jumpg', textInput('page')), async (i) =>
      i.isModalSubmit()
        ? i.client.rest.post(Routes.interactionCallback(i.id, i.token), { body: { type: 9, data: modal('jumpg', textInput('again')) }, auth: false })
        : undefined,
    );
    const { clicked } = await openModal('jumpg');
    await emu.submitModal(clicked, { page: '1' });
    expect(emu.takeViolations().map((v) => v.kind)).toContain('invalid-callback');
  });

  it('accepts text inputs inside label components, and sends their values back in the same shape', async () => {
    let value: string | undefined;
    const labelled = { custom_id: 'jumph:modal', title: 'Jump', components: [{ type: 18, label: 'Page', component: { type: 4, custom_id: 'page', style: 1 } }] };
    modalBot('jumph', labelled, async (i) => {
      if (!i.isModalSubmit()) return;
      value = i.fields.getTextInputValue('page');
      await i.reply({ content: 'ok', flags: MessageFlags.Ephemeral });
    });
    const { clicked } = await openModal('jumph');
    await emu.submitModal(clicked, { page: '9' });
    expect(value).toBe('9');
    expect(emu.takeViolations()).toEqual([]);
  });
});
