{
  "targets": [
    {
      "target_name": "polis_scorer",
      "sources": ["polis-scorer.c"],
      "include_dirs": ["<(llama_include)", "<(ggml_include)"],
      "defines": ["POLIS_LLAMA_CPP_TAG=\"<(llama_tag)\""],
      "cflags": ["-O3", "-std=gnu11"],
      "libraries": ["-L<(llama_lib_dir)", "-l:<(llama_lib)", "-Wl,-rpath,<(llama_lib_dir)"]
    }
  ]
}
