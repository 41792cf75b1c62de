"""What is written for people and tools: files (CSV, XLSX, graphs, JSON), the diff and corpus reports, figures, summaries, terminal tables, output labels."""
