"""What is computed from documents: the responsibility matrix, the unit–task graph, the year-to-year diff, the ledger rows, the analyst DataFrames."""
