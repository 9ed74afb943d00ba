/**
 * Polls `check` until it gives a truthy value and returns that value: for what happens after the call under test
 * returns (Slack answers after the ack, Redis reconnecting on its own schedule). Fails after `timeoutMs`.
 */
export async function eventually<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 10_000,
  failure = "condition not met in time",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(failure);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
