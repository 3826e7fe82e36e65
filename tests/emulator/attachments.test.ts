// Attachments on slash commands, served on the emulator's own HTTP server, and commands Discord offers only to
// members with their default member permissions, or only in some contexts.
import { describe, expect, it } from 'vitest';
import { Routes } from 'discord.js';
import { testBotForFile } from './test-bot.js';

const { emu, bot } = await testBotForFile('forget');

await bot.client.rest.put(Routes.applicationCommands(emu.world.application.id), {
  body: [
    { name: 'upload', description: 'Upload a file', contexts: [0], default_member_permissions: String(1 << 5), options: [{ type: 11, name: 'file', description: 'the file', required: true }] },
    { name: 'anyone', description: 'Anyone may', contexts: [0, 1] },
  ],
});

/** `/upload` answers with what the attachment said and what its URL served. */
function uploadBot() {
  bot.on('upload', async (i) => {
    if (!i.isChatInputCommand()) return;
    const file = i.options.getAttachment('file', true);
    const response = await fetch(file.url);
    const bytes = Buffer.from(await response.arrayBuffer());
    await i.reply({ content: `${file.name} ${file.size} ${response.headers.get('content-length')} ${bytes.toString('utf8')}`, allowedMentions: { parse: [] } });
  });
}

describe('an attachment option', () => {
  it('arrives as the attachment in resolved, with a URL on 127.0.0.1 that serves its bytes', async () => {
    uploadBot();
    const admin = { id: '1290000000000009001', username: 'ada', global_name: 'Ada', discriminator: '0', avatar: null };
    emu.grant(admin, 'Manage Server');
    const file = emu.attach({ filename: 'story.txt', bytes: 'Once upon a time', content_type: 'text/plain' });
    expect(new URL(file.url).hostname).toBe('127.0.0.1');
    const result = await emu.slash(admin, emu.world.channels.general, 'upload', { file });
    expect(bot.errors).toEqual([]);
    expect(result.message?.content).toBe('story.txt 16 16 Once upon a time');
    expect(emu.downloads(file)).toBe(1);
    expect(emu.takeViolations()).toEqual([]);
  });

  it('may lie about its size, or be served without a content-length', async () => {
    uploadBot();
    const file = emu.attach({ filename: 'big.txt', bytes: 'x'.repeat(100), claimedSize: 10, withoutLength: true });
    const result = await emu.slash(emu.world.users.alice, emu.world.channels.general, 'upload', { file });
    expect(result.message?.content).toBe(`big.txt 10 null ${'x'.repeat(100)}`);
  });

  it('records a fetch of an attachment that does not exist', async () => {
    const file = emu.attach({ filename: 'a.txt', bytes: 'a' });
    const response = await fetch(file.url.replace(file.id, '1'));
    expect(response.status).toBe(404);
    expect(emu.takeViolations().map((v) => v.kind)).toEqual(['unknown-attachment']);
  });
});

describe('a command with default member permissions', () => {
  it('is not offered to a member without them, and is to the owner and to a member granted them', async () => {
    uploadBot();
    const file = emu.attach({ filename: 'story.txt', bytes: 'text' });
    await expect(emu.slash(emu.world.users.bob, emu.world.channels.general, 'upload', { file })).rejects.toThrow(/lacks its default member permissions \(Manage Server\)/);
    expect(emu.downloads(file)).toBe(0);
    expect((await emu.slash(emu.world.users.alice, emu.world.channels.lobby, 'upload', { file })).message?.content).toMatch(/^story\.txt/);
    emu.grant(emu.world.users.carol, 'Manage Server');
    expect((await emu.slash(emu.world.users.carol, emu.world.channels.general, 'upload', { file })).message?.content).toMatch(/^story\.txt/);
  });

  it('is not offered outside its contexts', async () => {
    const file = emu.attach({ filename: 'story.txt', bytes: 'text' });
    await expect(emu.slash(emu.world.users.alice, emu.world.dms.alice, 'upload', { file })).rejects.toThrow(/not offered in DMs/);
  });

  it('is refused at registration when its permissions are not a string of digits', async () => {
    await expect(bot.client.rest.post(Routes.applicationCommands(emu.world.application.id), { body: { name: 'bad', description: 'x', default_member_permissions: 32 } })).rejects.toMatchObject({ status: 400 });
    expect(emu.takeViolations().map((v) => v.kind)).toEqual(['malformed-request']);
  });
});
