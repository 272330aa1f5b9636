/** VoIPstudio's `YYYY-MM-DD HH:MM:SS` (the simulator uses UTC). */
export function formatDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

export function unixSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}
