"""valuenet benchmarks (`make bench`, `python -m bench`): load, jobs, questions and explorer timings on the
reference graph at scale 1 and 10 (100 behind `--scale100`), with same-run baselines and the machine.

Results go to `bench/results/<date>-<engine>.json` and `.md`. Not part of `make test`.
"""
