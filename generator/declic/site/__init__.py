"""Stage 3, pages → a published folder.

In: a guide's mkdocs.yml (project.py, config_file.py: read as mkdocs reads it) and the rendered
pages. Out: the docs folder (write.py, only the files that changed), then the site built by mkdocs
(mkdocs_build.py), indexed by Pagefind (search_index.py) and swapped in whole (swap.py). Deletes
only folders it marked (folders.py); one build at a time (lock.py). Knows nothing of commands.
"""
