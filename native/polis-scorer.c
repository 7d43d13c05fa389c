// Polis native scoring accelerator: teacher-forced log-probs straight from llama.cpp's logits.
// Links the libllama that node-llama-cpp ships, compiled against the headers of the llama.cpp source bundle
// that node-llama-cpp ships (extracted at build time by native/build.mjs, never vendored).
// One call scores many jobs: jobs run on separate sequences of one context and share each llama_decode;
// logits are requested only at scored positions and the target's log-softmax is computed here, in C.
// The decode runs on a worker thread (napi async work); callers serialise calls per handle (a second call
// while one runs is refused: two decodes on one context would corrupt it).
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <node_api.h>
#include <llama.h>

#ifndef POLIS_LLAMA_CPP_TAG
#define POLIS_LLAMA_CPP_TAG "unknown"
#endif

typedef struct {
  struct llama_model *model;
  struct llama_context *ctx;
  int32_t n_seq;
  int32_t n_ctx_seq;
  int32_t n_batch;
  int32_t n_vocab;
  int busy;  // a call is in flight (read and written on the JS thread only)
} Handle;

enum { MODE_SCORE = 0, MODE_FWD_ALL = 1, MODE_FWD_LAST = 2 };

typedef struct {
  Handle *h;
  int32_t mode, top_k, n_jobs;
  int32_t *tokens;   // all jobs' tokens, concatenated
  int32_t *offsets;  // n_jobs + 1
  int32_t *firsts;   // per job: index (within the job) of the first scored token, >= 1
  int64_t n_out;
  double *out;       // one log-prob per scored token
  int32_t *top_ids;  // n_out * top_k
  double *top_lp;    // n_out * top_k
  char error[256];
  napi_deferred deferred;
  napi_async_work work;
} Call;

#define CHECK(env, call)                                                        \
  do {                                                                          \
    if ((call) != napi_ok) {                                                    \
      napi_throw_error((env), NULL, "polis-scorer: N-API call failed: " #call); \
      return NULL;                                                              \
    }                                                                           \
  } while (0)

static void finalize_handle(napi_env env, void *data, void *hint) {
  (void)env; (void)hint;
  Handle *h = (Handle *)data;
  if (h->ctx) llama_free(h->ctx);
  if (h->model) llama_model_free(h->model);
  free(h);
}

// open(path, threads, contextPerSequence, sequences, gpuLayers) -> handle
static napi_value js_open(napi_env env, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5];
  CHECK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  char path[4096];
  size_t len;
  int32_t threads, n_ctx_seq, n_seq, gpu_layers;
  CHECK(env, napi_get_value_string_utf8(env, argv[0], path, sizeof path, &len));
  CHECK(env, napi_get_value_int32(env, argv[1], &threads));
  CHECK(env, napi_get_value_int32(env, argv[2], &n_ctx_seq));
  CHECK(env, napi_get_value_int32(env, argv[3], &n_seq));
  CHECK(env, napi_get_value_int32(env, argv[4], &gpu_layers));
  struct llama_model_params mp = llama_model_default_params();
  mp.n_gpu_layers = gpu_layers;
  struct llama_model *model = llama_model_load_from_file(path, mp);
  if (!model) { napi_throw_error(env, NULL, "polis-scorer: llama.cpp could not load the model"); return NULL; }
  struct llama_context_params cp = llama_context_default_params();
  cp.n_ctx = (uint32_t)(n_ctx_seq * n_seq);
  cp.n_batch = cp.n_ctx < 2048 ? cp.n_ctx : 2048;
  cp.n_ubatch = cp.n_batch < 512 ? cp.n_batch : 512;
  cp.n_seq_max = (uint32_t)n_seq;
  cp.n_threads = threads;
  cp.n_threads_batch = threads;
  cp.flash_attn_type = LLAMA_FLASH_ATTN_TYPE_DISABLED; // same numerics as the fallback path
  cp.no_perf = true;
  struct llama_context *ctx = llama_init_from_model(model, cp);
  if (!ctx) { llama_model_free(model); napi_throw_error(env, NULL, "polis-scorer: could not create a llama.cpp context"); return NULL; }
  Handle *h = calloc(1, sizeof *h);
  h->model = model;
  h->ctx = ctx;
  h->n_seq = n_seq;
  h->n_ctx_seq = n_ctx_seq;
  h->n_batch = (int32_t)cp.n_batch;
  h->n_vocab = llama_vocab_n_tokens(llama_model_get_vocab(model));
  napi_value result;
  CHECK(env, napi_create_external(env, h, finalize_handle, NULL, &result));
  return result;
}

// log Σ exp over a row, vectorised (native/log-sum-exp.c, compiled with fast-math on its own)
double polis_log_sum_exp(const float *logits, int32_t n);

// log-softmax of `target` over one row of logits; fills the top-k (descending) when k > 0
static double readout(const float *logits, int32_t n_vocab, int32_t target, int32_t k, int32_t *ids, double *lps) {
  double lse = polis_log_sum_exp(logits, n_vocab);
  if (k > 0) {
    int32_t filled = 0;
    for (int32_t v = 0; v < n_vocab; v++) {
      float x = logits[v];
      if (filled == k && x <= logits[ids[k - 1]]) continue;
      int32_t i = filled < k ? filled++ : k - 1;
      while (i > 0 && logits[ids[i - 1]] < x) { ids[i] = ids[i - 1]; i--; }
      ids[i] = v;
    }
    for (int32_t i = 0; i < k; i++) lps[i] = i < filled ? (double)logits[ids[i]] - lse : -INFINITY;
  }
  return (double)logits[target] - lse;
}

typedef struct { int64_t out; int32_t target; } Pending;

static void execute(napi_env env, void *data) {
  (void)env;
  Call *c = (Call *)data;
  Handle *h = c->h;
  llama_memory_t mem = llama_get_memory(h->ctx);
  struct llama_batch batch = llama_batch_init(h->n_batch, 0, 1);
  Pending *pending = malloc(sizeof(Pending) * (size_t)h->n_batch);
  int64_t *job_out = malloc(sizeof(int64_t) * (size_t)(c->n_jobs + 1));
  job_out[0] = 0;
  for (int32_t j = 0; j < c->n_jobs; j++) job_out[j + 1] = job_out[j] + (c->offsets[j + 1] - c->offsets[j] - c->firsts[j]);
  // waves of n_seq jobs, one sequence each; each wave streams its tokens through batches of n_batch
  for (int32_t w = 0; w < c->n_jobs && !c->error[0]; w += h->n_seq) {
    int32_t wn = c->n_jobs - w < h->n_seq ? c->n_jobs - w : h->n_seq;
    // metadata only: stale K/V cells are masked out, and zeroing the cache costs a pass over all of it per wave
    llama_memory_clear(mem, false);
    int32_t cursor[wn];
    memset(cursor, 0, sizeof cursor);
    for (;;) {
      batch.n_tokens = 0;
      int32_t np = 0;
      int any = 0;
      for (int32_t s = 0; s < wn && batch.n_tokens < h->n_batch; s++) {
        int32_t j = w + s;
        int32_t n = c->offsets[j + 1] - c->offsets[j];
        const int32_t *t = c->tokens + c->offsets[j];
        while (cursor[s] < n && batch.n_tokens < h->n_batch) {
          int32_t p = cursor[s]++;
          int32_t b = batch.n_tokens++;
          batch.token[b] = t[p];
          batch.pos[b] = p;
          batch.n_seq_id[b] = 1;
          batch.seq_id[b][0] = s;
          int want = c->mode == MODE_FWD_LAST ? p == n - 1 : (p >= c->firsts[j] - 1 && p < n - 1);
          batch.logits[b] = want ? 1 : 0;
          if (want && c->mode == MODE_SCORE) {
            pending[np].out = job_out[j] + (p - (c->firsts[j] - 1));
            pending[np].target = t[p + 1];
            np++;
          }
          any = 1;
        }
      }
      if (!any) break;
      int32_t rc = llama_decode(h->ctx, batch);
      if (rc != 0) { snprintf(c->error, sizeof c->error, "llama_decode returned %d", rc); break; }
      if (c->mode != MODE_SCORE) continue;
      for (int32_t b = 0, k = 0; b < batch.n_tokens; b++) {
        if (!batch.logits[b]) continue;
        const float *row = llama_get_logits_ith(h->ctx, b);
        Pending *q = &pending[k++];
        if (!row) { snprintf(c->error, sizeof c->error, "no logits at batch position %d", b); break; }
        c->out[q->out] = readout(row, h->n_vocab, q->target, c->top_k,
                                 c->top_k ? c->top_ids + q->out * c->top_k : NULL,
                                 c->top_k ? c->top_lp + q->out * c->top_k : NULL);
      }
      if (c->error[0]) break;
    }
  }
  llama_memory_clear(mem, false);
  free(job_out);
  free(pending);
  llama_batch_free(batch);
}

static void complete(napi_env env, napi_status status, void *data) {
  Call *c = (Call *)data;
  c->h->busy = 0;
  napi_value result = NULL, err_msg, err;
  if (status != napi_ok || c->error[0]) {
    napi_create_string_utf8(env, c->error[0] ? c->error : "async work failed", NAPI_AUTO_LENGTH, &err_msg);
    napi_create_error(env, NULL, err_msg, &err);
    napi_reject_deferred(env, c->deferred, err);
  } else {
    napi_value ab, arr;
    void *buf;
    napi_create_object(env, &result);
    napi_create_arraybuffer(env, sizeof(double) * (size_t)c->n_out, &buf, &ab);
    if (c->n_out) memcpy(buf, c->out, sizeof(double) * (size_t)c->n_out);
    napi_create_typedarray(env, napi_float64_array, (size_t)c->n_out, ab, 0, &arr);
    napi_set_named_property(env, result, "logprobs", arr);
    if (c->top_k) {
      size_t n = (size_t)(c->n_out * c->top_k);
      napi_create_arraybuffer(env, sizeof(int32_t) * n, &buf, &ab);
      if (n) memcpy(buf, c->top_ids, sizeof(int32_t) * n);
      napi_create_typedarray(env, napi_int32_array, n, ab, 0, &arr);
      napi_set_named_property(env, result, "topIds", arr);
      napi_create_arraybuffer(env, sizeof(double) * n, &buf, &ab);
      if (n) memcpy(buf, c->top_lp, sizeof(double) * n);
      napi_create_typedarray(env, napi_float64_array, n, ab, 0, &arr);
      napi_set_named_property(env, result, "topLogprobs", arr);
    }
    napi_resolve_deferred(env, c->deferred, result);
  }
  napi_delete_async_work(env, c->work);
  free(c->tokens); free(c->offsets); free(c->firsts); free(c->out); free(c->top_ids); free(c->top_lp);
  free(c);
}

static int32_t *copy_int32(napi_env env, napi_value v, size_t *count) {
  napi_typedarray_type type;
  size_t length, offset;
  void *data;
  napi_value ab;
  if (napi_get_typedarray_info(env, v, &type, &length, &data, &ab, &offset) != napi_ok || type != napi_int32_array) return NULL;
  int32_t *copy = malloc(sizeof(int32_t) * (length ? length : 1));
  if (length) memcpy(copy, data, sizeof(int32_t) * length);
  *count = length;
  return copy;
}

// run(handle, tokens: Int32Array, offsets: Int32Array, firsts: Int32Array, mode, topK) -> Promise
static napi_value js_run(napi_env env, napi_callback_info info) {
  size_t argc = 6;
  napi_value argv[6];
  CHECK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  Handle *h;
  CHECK(env, napi_get_value_external(env, argv[0], (void **)&h));
  if (h->busy) {
    napi_throw_error(env, NULL, "polis-scorer: a call is already running on this handle (serialise calls per handle)");
    return NULL;
  }
  Call *c = calloc(1, sizeof *c);
  c->h = h;
  size_t n_tokens, n_offsets, n_firsts;
  c->tokens = copy_int32(env, argv[1], &n_tokens);
  c->offsets = copy_int32(env, argv[2], &n_offsets);
  c->firsts = copy_int32(env, argv[3], &n_firsts);
  CHECK(env, napi_get_value_int32(env, argv[4], &c->mode));
  CHECK(env, napi_get_value_int32(env, argv[5], &c->top_k));
  const char *bad = NULL;
  if (!c->tokens || !c->offsets || !c->firsts) bad = "tokens, offsets and firsts must be Int32Arrays";
  else if (n_offsets != n_firsts + 1 || c->offsets[0] != 0 || (size_t)c->offsets[n_firsts] != n_tokens) bad = "offsets must hold jobs + 1 ascending entries from 0 to tokens.length";
  c->n_jobs = (int32_t)n_firsts;
  for (int32_t j = 0; !bad && j < c->n_jobs; j++) {
    int32_t n = c->offsets[j + 1] - c->offsets[j];
    if (n < 1 || n > c->h->n_ctx_seq) bad = "a job is empty or longer than a sequence's context";
    else if (c->firsts[j] < 1 || c->firsts[j] > n) bad = "firsts[j] must be in 1..job length";
    for (int32_t p = 0; !bad && p < n; p++) {
      int32_t t = c->tokens[c->offsets[j] + p];
      if (t < 0 || t >= c->h->n_vocab) bad = "token id out of the vocabulary";
    }
  }
  if (bad) {
    free(c->tokens); free(c->offsets); free(c->firsts); free(c);
    napi_throw_range_error(env, NULL, bad);
    return NULL;
  }
  for (int32_t j = 0; j < c->n_jobs; j++) c->n_out += c->offsets[j + 1] - c->offsets[j] - c->firsts[j];
  c->out = malloc(sizeof(double) * (size_t)(c->n_out ? c->n_out : 1));
  if (c->top_k > 0) {
    c->top_ids = malloc(sizeof(int32_t) * (size_t)(c->n_out * c->top_k + 1));
    c->top_lp = malloc(sizeof(double) * (size_t)(c->n_out * c->top_k + 1));
  } else c->top_k = 0;
  napi_value promise, name;
  CHECK(env, napi_create_promise(env, &c->deferred, &promise));
  CHECK(env, napi_create_string_utf8(env, "polis-scorer", NAPI_AUTO_LENGTH, &name));
  CHECK(env, napi_create_async_work(env, NULL, name, execute, complete, c, &c->work));
  CHECK(env, napi_queue_async_work(env, c->work));
  c->h->busy = 1;
  return promise;
}

static napi_value init(napi_env env, napi_value exports) {
  napi_value fn, tag;
  CHECK(env, napi_create_function(env, "open", NAPI_AUTO_LENGTH, js_open, NULL, &fn));
  CHECK(env, napi_set_named_property(env, exports, "open", fn));
  CHECK(env, napi_create_function(env, "run", NAPI_AUTO_LENGTH, js_run, NULL, &fn));
  CHECK(env, napi_set_named_property(env, exports, "run", fn));
  CHECK(env, napi_create_string_utf8(env, POLIS_LLAMA_CPP_TAG, NAPI_AUTO_LENGTH, &tag));
  CHECK(env, napi_set_named_property(env, exports, "llamaCppTag", tag));
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
