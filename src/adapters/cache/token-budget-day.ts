/** The budget resets at midnight UTC, the same instant for every replica whatever its time zone. */
export function budgetDay(nowMs: number): string {
  return new Date(nowMs).toISOString().slice(0, 10);
}
