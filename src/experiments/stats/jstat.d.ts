// The part of jstat (https://github.com/jstat/jstat, no bundled types) that Polis uses. jstat is
// CommonJS: import its default export (named imports fail under Node's ESM loader).
declare module 'jstat' {
  interface JStat {
    mean(values: readonly number[]): number;
    /** Sample standard deviation when `flag` is true (n − 1 in the denominator). */
    stdev(values: readonly number[], flag?: boolean): number;
    studentt: {
      cdf(x: number, dof: number): number;
      inv(p: number, dof: number): number;
    };
  }
  const jStat: JStat;
  export default jStat;
}
