/**
 * Not a registrable function: the id has a character ids may not use.
 * @customfunction BAD-ID
 * @param x A value.
 */
export function bad(x: number): number {
  return x;
}
