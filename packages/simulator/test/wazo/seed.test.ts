import { describe, expect, it } from 'vitest';
import { createWazoSimulator } from '../../src/index.js';

const NOW = Date.parse('2026-11-02T09:00:00Z');
const snapshot = (seed: number) => {
  const { store } = createWazoSimulator({ seed, now: () => NOW });
  return JSON.stringify({ cdrs: store.cdrs, messages: [...store.voicemailMessages.values()], users: [...store.confdUsers.values()], chat: store.messages });
};

describe('seed data', () => {
  it('is the same for the same seed and clock, and differs for another seed', () => {
    expect(snapshot(1)).toBe(snapshot(1));
    expect(snapshot(2)).not.toBe(snapshot(1));
  });

  it('holds at least 500 CDRs spread over several months, numbered oldest first', () => {
    const { store, fixtures } = createWazoSimulator({ now: () => NOW });
    expect(store.cdrs).toHaveLength(fixtures.cdrCount);
    expect(store.cdrs.length).toBeGreaterThanOrEqual(500);
    const starts = store.cdrs.map((cdr) => Date.parse(cdr.start));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(store.cdrs.map((cdr) => cdr.id)).toEqual(store.cdrs.map((_, i) => i + 1));
    const months = new Set(store.cdrs.map((cdr) => cdr.start.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(6);
    expect(Math.max(...starts)).toBeLessThan(NOW);
  });

  it('has the fixture users with their subscriptions, and restores everything on reset()', () => {
    const sim = createWazoSimulator({ now: () => NOW });
    const { alice, bob, carol, admin } = sim.fixtures.users;
    expect(sim.store.confdUsers.get(alice.uuid)?.subscription_type).toBe(alice.subscriptionType);
    expect(sim.store.confdUsers.get(bob.uuid)?.subscription_type).toBe(0);
    expect(sim.store.confdUsers.get(carol.uuid)?.subscription_type).toBe(1);
    expect(sim.store.confdUsers.has(admin.uuid)).toBe(false);
    const before = JSON.stringify([...sim.store.calls.values()]);
    sim.store.calls.clear();
    sim.store.cdrs.pop();
    sim.reset();
    expect(JSON.stringify([...sim.store.calls.values()])).toBe(before);
    expect(sim.store.cdrs).toHaveLength(sim.fixtures.cdrCount);
    expect(sim.tokens.refreshTokenOf(alice.uuid, sim.fixtures.refreshToken.clientId)?.token).toBe(sim.fixtures.refreshToken.token);
  });
});
