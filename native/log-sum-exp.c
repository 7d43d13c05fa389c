// log Σ_v exp(logits[v]) over one row of logits: the only full-vocabulary pass of scoring, so it is the one
// that must be vectorised. Compiled on its own with -ffast-math (binding.gyp, target polis_lse): on glibc
// that lets GCC call libmvec's SIMD expf (glibc math.h declares the vector variants under __FAST_MATH__),
// and target_clones picks the widest the CPU has at load time. Fast-math stays in this file: the rest of the
// addon (top-k, -inf for missing entries) keeps IEEE semantics, and fast-math is never passed to the linker
// (crtfastmath would set flush-to-zero for the whole process).
// Accuracy: libmvec's expf is within 4 ulp; exps are float, summed per block of 1024 in float and the blocks
// in double. Every term is <= 1, so the error is near 1e-7 relative, far below the 1e-4 nats promised.
#include <math.h>
#include <stdint.h>

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__GLIBC__) // ifunc: glibc only
#define POLIS_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define POLIS_CLONES
#endif

POLIS_CLONES
double polis_log_sum_exp(const float *logits, int32_t n) {
  float max = logits[0];
  for (int32_t v = 1; v < n; v++) max = logits[v] > max ? logits[v] : max;
  double total = 0;
  for (int32_t at = 0; at < n; at += 1024) {
    int32_t end = at + 1024 < n ? at + 1024 : n;
    float block = 0;
    for (int32_t v = at; v < end; v++) block += expf(logits[v] - max);
    total += block;
  }
  return (double)max + log(total);
}
