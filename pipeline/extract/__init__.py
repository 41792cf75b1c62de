"""Structure and knowledge: the outline, the tasks below the numbering, tables of responsibility, attribution clauses, unit names, mentions, deadlines and targets."""
