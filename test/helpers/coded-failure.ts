import { expect } from "vitest";
import { CodedError } from "../../src/core/errors.js";

/** The CodedError a promise rejects with (and, given `code`, that it carries it); resolving fails the test. */
export async function codedFailure(promise: Promise<unknown>, code?: string): Promise<CodedError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CodedError);
  if (code !== undefined) expect((error as CodedError).code).toBe(code);
  return error as CodedError;
}
