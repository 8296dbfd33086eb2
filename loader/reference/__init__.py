"""The reference dataset: the reports' named organisations and stated relations (layer 1, observed) and a
labelled, deterministic reconstruction of the 2021 value network calibrated to its published figures
(layer 2, synthetic). See loader/reference/README.md and DECISIONS.md.
"""
