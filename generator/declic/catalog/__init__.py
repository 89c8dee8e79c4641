"""Stage 1, YAML files → one linked, selected, published `Catalog` (catalog/model.py).

In: a guide's catalog folders (usecases/, personas/). Out: the Catalog every later stage reads, or
CatalogError with every problem (file, line, field). Knows nothing of pages, sites or commands.
The schema of each kind is in schema/; load → validate → select → publish → link, in that order;
paths.py and follow_up.py derive the learning paths; prompt_text.py fills a prompt for a trade.
"""
