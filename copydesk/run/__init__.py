"""Many files: finding them, the corpus survey, workers, batch steps, the ledger, streams, Dask."""
