// Python's round(): halves go to the even neighbour. The reference's population counts use it, so ours do too.
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
