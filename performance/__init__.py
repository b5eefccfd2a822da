"""Performance tasks (實作評量): the learner produces a work output (O) and is rated on a rubric whose criteria are
the standard's behaviour indicators (P). Pure model and rules, no I/O."""
