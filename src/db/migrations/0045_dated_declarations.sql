-- The keys of a regime version's dated declarations (due after the start, by the end or before
-- re-registration), kept with the version as it is stored. The to-do list and the reminders ask
-- it of every closed trajectory they consider; read out of the whole document each time, it was
-- most of their statement's cost (BENCHMARKS.md, "The to-do list keeps what did not change").
ALTER TABLE regime_versions ADD COLUMN dated_declarations jsonb NOT NULL
  GENERATED ALWAYS AS (
    jsonb_path_query_array(document, '$.declarations[*] ? (@.dueBy != null || @.dueDaysAfterStart != null).key')
  ) STORED;
