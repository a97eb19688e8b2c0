"""The application layer: the command line, its subcommands, file discovery and reading, the
per-file runner, baselines and writing fixed files.
"""
