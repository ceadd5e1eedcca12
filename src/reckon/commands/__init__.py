"""Click commands: thin layers over the library functions of each pipeline stage."""
