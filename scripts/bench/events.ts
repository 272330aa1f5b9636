/**
 * `pnpm bench:events`: events per second each events client consumes from its simulator over a real local
 * WebSocket, as a ratio against a bare socket of the same class (JSON.parse of each frame, the protocol done
 * by hand) reading the same stream in the same run. A burst is published in full before the clock starts,
 * so the simulator, which shares the process, stays outside the measure: the clock runs from there to the
 * reader's last event. Exits 1 when an event is lost or out of order, or a simulator breaks its spec.
 */
import { resolveWebSocket } from '@pbxkit/core';
import { kazooStream } from './event-streams/kazoo.js';
import type { EventStream, Reader } from './event-streams/stream.js';
import { Tally } from './event-streams/tally.js';
import { wazoStream } from './event-streams/wazo.js';

const EVENTS = 20_000;
const WARM_UP_EVENTS = 2_000;
const ROUNDS = 15;

/** `gc()` (the script runs with --expose-gc): the simulator's garbage from publishing is not the reader's to collect. */
const collectGarbage = (globalThis as { gc?: () => void }).gc;

interface Burst {
  eventsPerSecond: number;
  lost: number;
  outOfOrder: number;
}

/** One reader subscribes, `count` events are published, then the clock runs until the reader has them all. */
async function burst(stream: EventStream, reader: Reader, count: number): Promise<Burst> {
  const tally = new Tally(count);
  const close = await reader.open(tally.record);
  try {
    await stream.publish(count);
    collectGarbage?.();
    const start = performance.now();
    await tally.complete();
    return { eventsPerSecond: (count * 1000) / (tally.completedAt - start), lost: tally.lost, outOfOrder: tally.outOfOrder };
  } finally {
    await close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const failures: string[] = [];

function check(platform: string, reader: Reader, what: string, { lost, outOfOrder }: Burst): void {
  if (lost !== 0 || outOfOrder !== 0) failures.push(`${platform}, ${reader.name}, ${what}: lost ${lost}, out of order ${outOfOrder}`);
}

interface Row {
  platform: string;
  reader: string;
  rates: number[];
  /** The median of the per-round ratios to the baseline (1 for the baseline itself). */
  ratio: number;
}

async function measure(stream: EventStream): Promise<Row[]> {
  const [baseline, client] = stream.readers;
  for (const reader of stream.readers) check(stream.platform, reader, 'warm-up', await burst(stream, reader, WARM_UP_EVENTS));
  const rates = new Map<Reader, number[]>(stream.readers.map((reader) => [reader, []]));
  const ratios: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    // Alternate who reads first, so that neither always runs on the warmer (or more loaded) turn.
    const order = round % 2 === 1 ? stream.readers : [client, baseline];
    const rate = new Map<Reader, number>();
    for (const reader of order) {
      const result = await burst(stream, reader, EVENTS);
      check(stream.platform, reader, `round ${round}`, result);
      rate.set(reader, result.eventsPerSecond);
      rates.get(reader)!.push(result.eventsPerSecond);
    }
    ratios.push(rate.get(client)! / rate.get(baseline)!);
  }
  const violations = stream.violations();
  if (violations.length > 0) failures.push(`${stream.platform} simulator contract violations: ${JSON.stringify(violations).slice(0, 2000)}`);
  return [
    { platform: stream.platform, reader: baseline.name, rates: rates.get(baseline)!, ratio: 1 },
    { platform: stream.platform, reader: client.name, rates: rates.get(client)!, ratio: median(ratios) },
  ];
}

const rows: Row[] = [];
for (const open of [kazooStream, wazoStream]) {
  const stream = await open();
  try {
    rows.push(...(await measure(stream)));
  } finally {
    await stream.close();
  }
}

const WebSocket = await resolveWebSocket(undefined);
const transport = WebSocket === (globalThis as { WebSocket?: unknown }).WebSocket ? 'the global WebSocket' : 'the ws package';
console.log(`node ${process.version}, ${transport}; ${EVENTS} events a burst, median of ${ROUNDS} rounds (range in brackets)`);
console.log('platform', 'reader'.padEnd(50), 'events/s'.padStart(9), ' '.repeat(19), 'vs baseline (median of per-round ratios)');
for (const { platform, reader, rates, ratio } of rows) {
  const range = `[${Math.round(Math.min(...rates))}-${Math.round(Math.max(...rates))}]`;
  console.log(platform.padEnd(8), reader.padEnd(50), String(Math.round(median(rates))).padStart(9), range.padEnd(19), `${ratio.toFixed(2)}x`);
}
const bursts = rows.length * (ROUNDS + 1);
if (failures.length === 0) {
  console.log(`lost: 0, out of order: 0 (${bursts} bursts, every event received in order); simulator violations: 0`);
} else {
  for (const failure of failures) console.error(`FAILED: ${failure}`);
  process.exitCode = 1;
}
