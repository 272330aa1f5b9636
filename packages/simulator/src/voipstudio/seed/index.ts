import { createRandom } from '../../framework/random.js';
import { Table } from '../../framework/table.js';
import type { VoipstudioStore } from '../store.js';
import { seedDirectory } from './directory.js';
import { FIXTURES } from './fixtures.js';
import { seedHistory, type History } from './history.js';
import { seedApiTokens, seedLiveCalls } from './live.js';
import { seedMessages, type Messages } from './messages.js';
import type { Conversation } from '../records.js';

/** A fresh, deterministic store: the same seed and clock give the same records. */
export function seedStore(seed: number, now: number): VoipstudioStore {
  const random = createRandom(seed);
  const directory = seedDirectory(random, now);
  const history = seedHistory(random, now, directory);
  const messages = seedMessages(random, now, directory);
  return {
    account: { customerId: FIXTURES.customerId, sipDomain: 'sip.voipstudio.sim', cliPrefix: '44', deleted: false },
    users: new Table(directory.users),
    userSecrets: directory.userSecrets,
    apiTokens: new Map(seedApiTokens(now).map((token) => [token.token, token])),
    liveCalls: new Table(seedLiveCalls(now, directory)),
    cdrs: new Table(history.cdrs),
    recordings: new Table(history.recordings),
    voicemails: new Table(history.voicemails),
    chats: new Table(messages.chats),
    chatMessages: new Table(messages.chatMessages),
    conversations: new Table(conversationsOf(history, messages)),
    sms: new Table(messages.sms),
    faxes: new Table(messages.faxes),
    queueGroups: new Table(directory.queueGroups),
    contacts: new Table(directory.contacts),
    queues: new Table(directory.queues),
    queueAgents: directory.queueAgents,
    ddis: new Table(directory.ddis),
    callMeBack: new Table(directory.callMeBack),
    callTracking: new Table(history.callTracking),
    transactions: new Table(messages.transactions),
    passwordResets: new Map(),
    webcallTimes: new Map(),
  };
}

/** Call threads from the history plus SMS threads, oldest first, numbered in that order. */
function conversationsOf(history: History, messages: Messages): Conversation[] {
  const sms = messages.sms.filter((_, i) => i % 4 === 0).map(
    (message): Conversation => ({ id: 0, created_at: message.created_at, channel: 'sms', src: message.from, dst: message.to, duration: 0, type: message.type }),
  );
  return [...history.conversations, ...sms]
    .sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0))
    .map((conversation, i) => ({ ...conversation, id: 610_001 + i }));
}
