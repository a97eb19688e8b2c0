"""The archive audit: check a newsroom's whole archive and summarise it.

``copylint audit SOURCE --out DIR`` reads an archive export (:mod:`.sources`), cuts it into
partitions of rows, checks each partition with the same function whichever engine runs it
(:mod:`.partition`; engines in :mod:`.local_engine` and :mod:`.dask_engine`), keeps every completed
partition on disk so an interrupted audit resumes (:mod:`.store`), and writes the findings and
article tables (:mod:`.tables`), ``summary.json`` (:mod:`.aggregate`) and ``report.html``
(:mod:`.report`, charts in :mod:`.charts`). ``copylint learn`` reads the same sources on the same
engines.
"""
