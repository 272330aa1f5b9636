/** Waits for a condition (never for a duration); the test's timeout ends a wait that never comes true. */
export function until(check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const poll = () => (check() ? resolve() : setTimeout(poll, 2));
    poll();
  });
}
