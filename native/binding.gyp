{
  "variables": { "math_libs%": "" },
  "targets": [
    {
      "target_name": "polis_lse",
      "type": "static_library",
      "sources": ["log-sum-exp.c"],
      "cflags": ["-O3", "-std=gnu11", "-fPIC", "-ffast-math"]
    },
    {
      "target_name": "polis_scorer",
      "dependencies": ["polis_lse"],
      "sources": ["polis-scorer.c"],
      "include_dirs": ["<(llama_include)", "<(ggml_include)"],
      "defines": ["POLIS_LLAMA_CPP_TAG=\"<(llama_tag)\""],
      "cflags": ["-O3", "-std=gnu11"],
      "libraries": ["-L<(llama_lib_dir)", "-l:<(llama_lib)", "-Wl,-rpath,<(llama_lib_dir)", "<@(math_libs)"]
    }
  ]
}
