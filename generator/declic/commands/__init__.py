"""The commands of `declic`, one module each: check, calendar, init (with the guide_template/ it
copies), new, import_csv, review, schemas and serve (the live preview).

In: a guide (site/project.py) and the command's arguments. Out: what the command made or found,
for cli.py to print; nothing here prints. `declic build` and `declic generate` are the recipe
itself (build.py).
"""
